"""`canonical_url`: README 4.1, the primary dedup key (same canonical URL = same job)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from aeroscrap.normalize.text import clean_text

_TRACKING = frozenset(
    {
        "trk",
        "trkinfo",
        "refid",
        "trackingid",
        "gh_src",
        "lever-source",
        "source",
        "src",
        "fbclid",
        "gclid",
        "mc_cid",
        "mc_eid",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST = re.compile(r"[a-z0-9_.\-]+|\[?[0-9a-f:.]+\]?")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in _TRACKING


def canonical_url(url: object) -> str:
    """Return the canonical form of `url`, or "" when it is empty or not an http(s)-like URL.

    https scheme, lowercase host without `www.` and default port, no fragment, no trailing `/`
    (except the root), tracking parameters removed, the others kept and sorted by name.
    The path keeps its case; only its percent-encoding is made uniform.
    """
    text = clean_text(url)
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return ""
    host = (parts.hostname or "").lower().rstrip(".")
    if not _HOST.fullmatch(host):
        return ""
    if host.startswith("www."):
        host = host[4:]
    scheme = parts.scheme.lower()
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS.get(scheme) and port != 443:
        netloc = f"{netloc}:{port}"
    # Re-quote so that "%7E" and "~" (or "é" and "%C3%A9") give one key.
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~")
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    if not path:
        path = "/"
    params = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(name)
    ]
    # A stable sort keeps repeated names (?a=2&a=1) in their original order.
    params.sort(key=lambda item: item[0])
    query = urlencode(params, quote_via=quote, safe="-._~")
    return urlunsplit(("https", netloc, path, query, ""))
