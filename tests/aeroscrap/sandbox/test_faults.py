"""Fault spec parsing and the per-request plan."""

from __future__ import annotations

import pytest

from aeroscrap.sandbox.faults import FaultRule, Faults, FaultSpecError, FaultState, parse_faults


def test_parse_every_documented_knob() -> None:
    faults = parse_faults(
        "429x2,503@page=2,delay:0.5,garbage@/job/,huge:1MB,truncate,layout_v2,dupe_pages,"
        "block_after=10,block_status:999,retry_after:3,robots:500,redirect:file:///etc/passwd"
    )

    assert faults.layout == "v2" and faults.dupe_pages
    assert (faults.block_after, faults.block_status, faults.retry_after) == (10, 999, 3)
    kinds = [(r.kind, r.code, r.times, r.target, r.arg) for r in faults.rules]
    assert ("status", 429, 2, "", "") in kinds
    assert ("status", 503, None, "page=2", "") in kinds
    assert ("huge", 0, None, "", str(1024**2)) in kinds
    assert ("redirect", 0, None, "", "file:///etc/passwd") in kinds


@pytest.mark.parametrize(
    "spec", ["teapot", "block_after:x", "robots:maybe", "delay:soon", "huge:lots"]
)
def test_unknown_or_bad_tokens_raise(spec: str) -> None:
    with pytest.raises(FaultSpecError):
        parse_faults(spec)


def test_status_times_count_per_url() -> None:
    state = FaultState()
    faults = parse_faults("429x2,retry_after:1")

    plans = [state.plan(faults, "/a", is_robots=False).status for _ in range(3)]
    other = state.plan(faults, "/b", is_robots=False)

    assert plans == [429, 429, None]
    assert other.status == 429 and other.headers == {"Retry-After": "1"}


def test_block_after_counts_pages_not_robots() -> None:
    state = FaultState()
    faults = parse_faults("block_after:2")

    state.plan(faults, "/robots.txt", is_robots=True)
    statuses = [state.plan(faults, f"/p{n}", is_robots=False).status for n in range(3)]

    assert statuses == [None, None, 429]


def test_target_limits_a_rule() -> None:
    state = FaultState()
    faults = parse_faults("garbage@/job/7")

    assert state.plan(faults, "/job/7", is_robots=False).body_mode == "garbage"
    assert state.plan(faults, "/job/8", is_robots=False).body_mode is None


def test_merged_keeps_both_rule_sets_and_the_later_layout() -> None:
    server = Faults(rules=(FaultRule("delay", arg="1"),), block_after=5)
    merged = server.merged(parse_faults("layout:v2,503"))

    assert merged.layout == "v2" and merged.block_after == 5
    assert [r.kind for r in merged.rules] == ["delay", "status"]
