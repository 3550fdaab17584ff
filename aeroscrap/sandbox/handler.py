"""The HTTP side of a sandbox site: routing to the site, fault knobs, access log."""

from __future__ import annotations

import gzip
import io
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urlsplit

from aeroscrap.sandbox.faults import FaultState, Plan, parse_faults
from aeroscrap.sandbox.pages import SiteReply, SiteRequest

if TYPE_CHECKING:
    from pathlib import Path

    from aeroscrap.sandbox.faults import Faults
    from aeroscrap.sandbox.pages import Site

# Faults may also sit in the path so that they stick for a whole crawl:
# base_url = http://127.0.0.1:PORT/_fault/429x2,layout_v2
FAULT_PREFIX = "/_fault/"
_HANG_LIMIT = 120.0
_BOMB_SIZE = 1024**3
_bomb_lock = threading.Lock()
_bomb: list[bytes] = []


@dataclass(frozen=True)
class AccessRecord:
    """One answered request."""

    site: str
    method: str
    path: str
    status: int
    at: float


class SiteServer(ThreadingHTTPServer):
    """A threaded HTTP server for one sandbox site."""

    daemon_threads = True
    # Many crawls open and close connections quickly; the default backlog of 5 drops some.
    request_queue_size = 128

    def __init__(
        self,
        site: Site,
        faults: Faults,
        *,
        port: int,
        delay: float,
        log: list[AccessRecord],
        log_file: Path | None,
        stopping: threading.Event,
    ) -> None:
        super().__init__(("127.0.0.1", port), SandboxRequestHandler)
        self.site = site
        self.faults = faults
        self.delay = delay
        self.state = FaultState()
        self.log = log
        self.log_file = log_file
        self.log_lock = threading.Lock()
        self.stopping = stopping

    def record(self, method: str, path: str, status: int) -> None:
        """Append to the access log (and its file, when one was asked for)."""
        entry = AccessRecord(self.site.name, method, path, status, time.time())
        with self.log_lock:
            self.log.append(entry)
            if self.log_file is not None:
                with self.log_file.open("a", encoding="utf-8") as out:
                    out.write(f"{entry.at:.3f} {entry.site} {method} {status} {path}\n")


class SandboxRequestHandler(BaseHTTPRequestHandler):
    """Answers GET/HEAD for one site, applying the fault plan of the request."""

    server: SiteServer
    protocol_version = "HTTP/1.1"
    server_version = "AeroScrapSandbox/1.0"

    def log_message(self, format: str, *args: object) -> None:
        """Silence stderr logging: the access log records every request instead."""

    def do_HEAD(self) -> None:
        """HEAD is GET without a body."""
        self._answer(send_body=False)

    def do_GET(self) -> None:
        """Route, apply faults, answer."""
        self._answer(send_body=True)

    def _answer(self, *, send_body: bool) -> None:
        request, faults = self._site_request()
        # Targets match the site's own path and query, not the /_fault/ prefix that names them.
        query = urlsplit(self.path).query
        target = request.path + (f"?{query}" if query else "")
        plan = self.server.state.plan(faults, target, is_robots=request.path == "/robots.txt")
        wait = self.server.delay + plan.delay
        if wait and self.server.stopping.wait(wait):
            return
        if plan.robots == "500":
            self._send(SiteReply("server error", status=500, content_type="text/plain"), send_body)
        elif plan.robots == "garbage":
            self._send(SiteReply(_noise(2000), content_type="text/plain"), send_body)
        elif plan.status is not None:
            reply = SiteReply(
                f"<html><body><h1>{plan.status}</h1></body></html>", status=plan.status
            )
            reply.headers.update(plan.headers)
            self._send(reply, send_body)
        elif plan.redirect:
            self._send(SiteReply("", status=302, headers={"Location": plan.redirect}), send_body)
        elif plan.body_mode:
            self._faulty(plan, request)
        else:
            self._send(self._site_reply(request), send_body)

    def _site_reply(self, request: SiteRequest) -> SiteReply:
        try:
            return self.server.site.handle(request)
        except Exception as exc:  # a sandbox bug must show up as a 500, not a dead connection
            return SiteReply(f"sandbox error: {exc!r}", status=500, content_type="text/plain")

    def _site_request(self) -> tuple[SiteRequest, Faults]:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        root = ""
        faults = self.server.faults
        if path.startswith(FAULT_PREFIX):
            spec, _, rest = path[len(FAULT_PREFIX) :].partition("/")
            root = FAULT_PREFIX + spec
            path = "/" + rest
            faults = faults.merged(parse_faults(spec))
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        knobs = [query.get("fault", "")]
        if "layout" in query:
            knobs.append(f"layout:{query['layout']}")
        if query.get("block_after", "").isdigit():
            knobs.append(f"block_after:{query['block_after']}")
        if "dupe_pages" in query:
            knobs.append("dupe_pages")
        faults = faults.merged(parse_faults(",".join(k for k in knobs if k)))
        host = self.headers.get("Host") or f"127.0.0.1:{self.server.server_address[1]}"
        request = SiteRequest(
            path=path,
            query=query,
            root=root,
            origin=f"http://{host}",
            layout=faults.layout,
            dupe_pages=faults.dupe_pages,
        )
        return request, faults

    def _send(self, reply: SiteReply, send_body: bool) -> None:
        data = reply.data
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        # Logged before the body goes out, so a client that has read it also sees the entry.
        self.server.record(self.command, self.path, reply.status)
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def _faulty(self, plan: Plan, request: SiteRequest) -> None:
        mode = plan.body_mode
        self.server.record(self.command, self.path, 200)
        self.close_connection = True
        if mode == "drop":
            return
        if mode == "garbage":
            self._send(SiteReply(_noise(6000)), send_body=True)
            return
        if mode == "gzip_bomb":
            bomb = _gzip_bomb()
            self._headers(len(bomb), {"Content-Encoding": "gzip"})
            self.wfile.write(bomb)
            return
        data = self._site_reply(request).data
        if mode == "huge":
            self._stream_huge(data, plan.huge_bytes)
        elif mode == "truncate":
            self._headers(len(data) * 2 + 1000)
            self.wfile.write(data)
        elif mode == "hang_after_headers":
            self._headers(len(data))
            self.wfile.flush()
            self.server.stopping.wait(_HANG_LIMIT)
        elif mode == "abort":
            self._headers(len(data))
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            # SO_LINGER with a zero timeout makes close() send RST: a reset mid-body.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    def _headers(self, length: int, extra: dict[str, str] | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(length))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def _stream_huge(self, page: bytes, size: int) -> None:
        size = max(size, len(page))
        self._headers(size)
        chunk = b"<!-- " + b"x" * 65000 + b" -->\n"
        try:
            self.wfile.write(page)
            sent = len(page)
            while sent < size:
                piece = chunk[: size - sent]
                self.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            # The client stopped reading (DOWNLOAD_MAXSIZE): exactly what the knob tests.
            return


def _noise(size: int) -> bytes:
    """Broken markup, a wrong charset and binary noise, the same every time."""
    rng = random.Random(size)
    noise = bytes(rng.randrange(256) for _ in range(size))
    return b'<html><head><meta charset="klingon"><title>\xff\xfe' + noise + b"<div><p><span"


def _gzip_bomb() -> bytes:
    """1 GiB of zeros, gzipped once per process (about 1 MB)."""
    with _bomb_lock:
        if not _bomb:
            buffer = io.BytesIO()
            zeros = bytes(1024 * 1024)
            with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=6) as out:
                for _ in range(_BOMB_SIZE // len(zeros)):
                    out.write(zeros)
            _bomb.append(buffer.getvalue())
        return _bomb[0]
