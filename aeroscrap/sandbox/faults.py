"""Fault knobs of the sandbox sites (shared/RELIABILITY.md 8.1) and what they do to one request.

A spec is a comma-separated list of tokens, each optionally limited to the requests whose
path+query contains a text: ``token@text`` (so a redirect URL cannot contain "@"). Tokens:

``429x2`` / ``503`` / ``500x1`` / ``404@detail``  answer that status (the first N times per URL);
``block_after:N`` (or ``=N``) every request after the first N page requests gets ``block_status``;
``block_status:999``; ``retry_after:S`` (Retry-After of 429/503 answers, default 2);
``delay:S`` wait S seconds first; ``garbage`` binary noise as HTML; ``huge[:50MB]`` a padded page;
``truncate`` Content-Length larger than the body; ``hang_after_headers``; ``drop`` (close without
an answer); ``abort`` (reset mid-body); ``gzip_bomb``; ``redirect:URL``; ``robots:500`` or
``robots:garbage``; ``layout_v2`` (or ``layout:v2``) renamed markup; ``dupe_pages`` listing pages
overlap.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from aeroscrap.exceptions import AeroScrapError

BODY_MODES = {"garbage", "huge", "truncate", "hang_after_headers", "drop", "abort", "gzip_bomb"}
_STATUS = re.compile(r"^(\d{3})(?:x(\d+))?$")
_SIZE = re.compile(r"^(\d+)\s*(KB|MB|GB)?$", re.IGNORECASE)
_UNITS = {"": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


class FaultSpecError(AeroScrapError, ValueError):
    """Raised when a fault spec token is not one of the documented knobs."""


@dataclass(frozen=True)
class FaultRule:
    """One per-request fault: a status, a delay, a body mode or a redirect, for matching URLs."""

    kind: str
    target: str = ""
    code: int = 0
    times: int | None = None
    arg: str = ""


@dataclass(frozen=True)
class Faults:
    """Every knob for one site (server options, merged with per-request query knobs)."""

    rules: tuple[FaultRule, ...] = ()
    layout: str = "v1"
    block_after: int | None = None
    block_status: int = 429
    retry_after: int = 2
    dupe_pages: bool = False

    def merged(self, other: Faults) -> Faults:
        """These faults plus `other`'s; `other` wins where both set a value."""
        default = Faults()
        return Faults(
            rules=self.rules + other.rules,
            layout=other.layout if other.layout != default.layout else self.layout,
            block_after=other.block_after if other.block_after is not None else self.block_after,
            block_status=other.block_status if other.block_status != 429 else self.block_status,
            retry_after=other.retry_after if other.retry_after != 2 else self.retry_after,
            dupe_pages=self.dupe_pages or other.dupe_pages,
        )


@lru_cache(maxsize=256)
def parse_faults(spec: str) -> Faults:
    """Parse a spec such as ``"429x2,garbage@/job/"``; raises FaultSpecError on unknown tokens."""
    faults = Faults()
    for raw in (t.strip() for t in re.split(r"[,|]", spec)):
        if not raw:
            continue
        token, _, target = raw.partition("@")
        name, arg = _split(token)
        faults = _apply_token(faults, name, arg, target, raw)
    return faults


def _split(token: str) -> tuple[str, str]:
    match = re.match(r"^([a-z_0-9]+)(?:[:=](.*))?$", token)
    if not match:
        raise FaultSpecError(f"bad fault token {token!r}")
    return match.group(1), match.group(2) or ""


def _apply_token(faults: Faults, name: str, arg: str, target: str, raw: str) -> Faults:
    status = _STATUS.match(name)
    if status:
        times = int(status.group(2)) if status.group(2) else None
        rule = FaultRule("status", target, code=int(status.group(1)), times=times)
        return replace(faults, rules=(*faults.rules, rule))
    if name in {"layout_v2", "layout"}:
        return replace(faults, layout=arg or "v2")
    if name == "dupe_pages":
        return replace(faults, dupe_pages=True)
    if name in {"block_after", "block_status", "retry_after"}:
        if not arg.isdigit():
            raise FaultSpecError(f"{name} needs a number, got {raw!r}")
        number = int(arg)
        if name == "block_after":
            return replace(faults, block_after=number)
        if name == "block_status":
            return replace(faults, block_status=number)
        return replace(faults, retry_after=number)
    if name == "delay":
        try:
            float(arg)
        except ValueError:
            raise FaultSpecError(f"delay needs seconds, got {raw!r}") from None
    elif name == "huge":
        arg = str(parse_size(arg or "50MB"))
    elif name == "robots" and arg not in {"500", "garbage"}:
        raise FaultSpecError(f"robots fault is robots:500 or robots:garbage, got {raw!r}")
    elif name == "redirect" and not arg:
        raise FaultSpecError("redirect needs a target URL")
    elif name not in BODY_MODES | {"delay", "robots", "redirect"}:
        raise FaultSpecError(f"unknown fault {raw!r}")
    return replace(faults, rules=(*faults.rules, FaultRule(name, target, arg=arg)))


def parse_size(text: str) -> int:
    """'50MB' -> bytes."""
    match = _SIZE.match(text.strip())
    if not match:
        raise FaultSpecError(f"bad size {text!r}")
    return int(match.group(1)) * _UNITS[(match.group(2) or "").upper()]


@dataclass
class Plan:
    """What the server does with one request."""

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    body_mode: str | None = None
    huge_bytes: int = 0
    redirect: str | None = None
    robots: str | None = None


class FaultState:
    """Counters behind the stateful knobs (``429x2`` per URL, ``block_after`` per site)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pages = 0
        self._hits: Counter[tuple[FaultRule, str]] = Counter()

    def plan(self, faults: Faults, target: str, *, is_robots: bool) -> Plan:
        """Decide the faults of one request for `target` (its path and query)."""
        plan = Plan()
        with self._lock:
            if is_robots:
                for rule in faults.rules:
                    if rule.kind == "robots":
                        plan.robots = rule.arg
                return plan
            self._pages += 1
            if faults.block_after is not None and self._pages > faults.block_after:
                plan.status = faults.block_status
                plan.headers["Retry-After"] = str(faults.retry_after)
                return plan
            for rule in faults.rules:
                if rule.target not in target:
                    continue
                self._apply(rule, target, plan, faults)
        return plan

    def _apply(self, rule: FaultRule, target: str, plan: Plan, faults: Faults) -> None:
        if rule.kind == "status":
            key = (rule, target)
            self._hits[key] += 1
            if rule.times is None or self._hits[key] <= rule.times:
                plan.status = plan.status or rule.code
                if rule.code in {429, 503}:
                    plan.headers["Retry-After"] = str(faults.retry_after)
        elif rule.kind == "delay":
            plan.delay += float(rule.arg)
        elif rule.kind == "redirect":
            plan.redirect = rule.arg
        elif rule.kind in BODY_MODES:
            plan.body_mode = rule.kind
            plan.huge_bytes = int(rule.arg or 0)
