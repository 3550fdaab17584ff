"""What a sandbox site receives and returns, and small HTML-writing helpers shared by the sites."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Protocol


@dataclass(frozen=True)
class SiteRequest:
    """One request as a site sees it, after the server took the fault knobs off."""

    path: str
    query: dict[str, str]
    # Path prefix every root-relative link must carry ("" unless faults sit in the path).
    root: str = ""
    # "scheme://host:port" the client used, for the absolute links some sites print.
    origin: str = ""
    layout: str = "v1"
    dupe_pages: bool = False

    @property
    def v2(self) -> bool:
        """True when the renamed-markup layout is asked for."""
        return self.layout == "v2"

    def int_arg(self, name: str, default: int = 0) -> int:
        """A numeric query argument; junk reads as the default, as lenient real sites do."""
        value = self.query.get(name, "")
        return int(value) if value.isdigit() else default


@dataclass
class SiteReply:
    """A site's answer: status, body and headers."""

    body: str | bytes = ""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def data(self) -> bytes:
        """The body as bytes."""
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


class Site(Protocol):
    """A sandbox copy of one source site."""

    name: str

    def handle(self, request: SiteRequest) -> SiteReply:
        """Answer one request (robots.txt included)."""
        ...


def esc(text: str) -> str:
    """HTML-escape text for element content and attribute values."""
    return escape(text, quote=True)


def document(title: str, body: str, *, head: str = "", lang: str = "en") -> str:
    """A full HTML page."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>{head}</head>\n<body>\n{body}\n</body></html>\n"
    )


def paragraphs(lines: list[str]) -> str:
    """Lines as <p> elements."""
    return "".join(f"<p>{esc(line)}</p>" for line in lines)


def bullets(lines: list[str]) -> str:
    """Lines as a <ul> list, or nothing for no lines."""
    if not lines:
        return ""
    return "<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>"


def not_found(request: SiteRequest) -> SiteReply:
    """The plain 404 page every site answers for unknown paths."""
    body = document("Page not found", f"<h1>Page not found</h1><p>{esc(request.path)}</p>")
    return SiteReply(body, status=404)


def robots(disallow: list[str]) -> SiteReply:
    """A robots.txt reply."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallow), ""]
    return SiteReply("\n".join(lines), content_type="text/plain; charset=utf-8")
