"""The sandbox: each parse runs in a forked child with memory, CPU and wall-clock limits.

A small server process (`python -m resume_parser.worker`) imports the parser once (pdfium,
python-docx, babel tables) and forks one child per file, so a parse costs a fork rather than an
interpreter start. The child sets RLIMIT_AS and RLIMIT_CPU before it touches the file, and a
bombed or crashed child takes nothing of the caller's memory with it. Results come back as JSON
(never pickle): the child has just read untrusted input.
"""

from __future__ import annotations

import json
import os
import queue
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from typing import IO, Any, cast

from resume_parser.models import Kind, ParsedResume, ParseResult

MEMORY_LIMIT = 512 * 1024 * 1024  # RLIMIT_AS of the child
CPU_LIMIT = 20  # seconds of RLIMIT_CPU
WALL_LIMIT = 30.0  # seconds
POOL_SIZE = max(1, min(4, os.cpu_count() or 1))
_MAX_REPLY = 8 * 1024 * 1024
_REQUEST = struct.Struct(">I8s")
_REPLY = struct.Struct(">I")


# --- server side: runs in the worker process -------------------------------------------------


def _run_child(data: bytes, kind: Kind, out_fd: int) -> None:
    """In the forked child: apply the limits, parse, write JSON, exit without cleanup."""
    code = 0
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 1))
        from resume_parser.pipeline import parse_data

        result = parse_data(data, kind)
        payload = json.dumps(_result_to_json(result)).encode()
        view = memoryview(payload)
        while view:
            view = view[os.write(out_fd, view) :]
    except MemoryError:
        code = 3
    except BaseException:  # anything else is reported as a crash by the server
        code = 4
    finally:
        os._exit(code)


def _result_to_json(result: ParseResult) -> dict[str, Any]:
    return {
        "status": result.status,
        "kind": result.kind,
        "message": result.message,
        "resume": result.resume.to_dict() if result.resume else None,
    }


def _serve_one(data: bytes, kind: Kind) -> dict[str, Any]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _run_child(data, kind, write_fd)
    os.close(write_fd)
    chunks: list[bytes] = []
    size = 0
    deadline = time.monotonic() + WALL_LIMIT
    timed_out = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([read_fd], [], [], remaining)[0]:
                timed_out = True
                break
            chunk = os.read(read_fd, 65536)
            if not chunk:
                break
            size += len(chunk)
            if size > _MAX_REPLY:
                break
            chunks.append(chunk)
    finally:
        os.close(read_fd)
    if timed_out:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if timed_out:
        return _failure("parse_timeout", kind, f"parse exceeded {WALL_LIMIT:.0f} s")
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and 0 < size <= _MAX_REPLY:
        reply: dict[str, Any] = json.loads(b"".join(chunks))
        return reply
    return _crash(status, kind)


def _crash(status: int, kind: Kind) -> dict[str, Any]:
    """A child that died without answering: CPU-limit signals mean timeout, else memory."""
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
        return _failure("parse_timeout", kind, "parse exceeded the CPU limit")
    # Native code (pdfium, lxml) aborts or faults when an allocation fails under RLIMIT_AS.
    return _failure("parse_memory", kind, "the parser process ran out of memory or crashed")


def _failure(status: str, kind: Kind, message: str) -> dict[str, Any]:
    return {"status": status, "kind": kind, "message": message, "resume": None}


def _read_exact(stream: IO[bytes], size: int) -> bytes | None:
    buf = b""
    while len(buf) < size:
        chunk = stream.read(size - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def serve() -> None:
    """Worker main loop: length-prefixed requests on stdin, JSON replies on stdout."""
    from resume_parser.pipeline import warm

    # Library output must not corrupt the protocol: keep stdout for replies only.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    warm()
    stdin = sys.stdin.buffer
    while True:
        header = _read_exact(stdin, _REQUEST.size)
        if header is None:
            return
        length, raw_kind = _REQUEST.unpack(header)
        data = _read_exact(stdin, length)
        if data is None:
            return
        kind = cast("Kind", raw_kind.rstrip(b"\0").decode())
        payload = json.dumps(_serve_one(data, kind)).encode()
        out.write(_REPLY.pack(len(payload)) + payload)
        out.flush()


# --- client side: runs in the caller ---------------------------------------------------------


class _Server:
    """One worker process and its pipes."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "resume_parser.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )

    def alive(self) -> bool:
        return self.proc.poll() is None

    def request(self, data: bytes, kind: Kind, timeout: float) -> dict[str, Any] | None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        try:
            self.proc.stdin.write(_REQUEST.pack(len(data), kind.encode()) + data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            return None
        fd = self.proc.stdout.fileno()
        if not select.select([fd], [], [], timeout)[0]:
            return None
        header = _read_exact(self.proc.stdout, _REPLY.size)
        if header is None:
            return None
        (length,) = _REPLY.unpack(header)
        body = _read_exact(self.proc.stdout, length)
        return json.loads(body) if body is not None else None

    def close(self) -> None:
        if self.alive():
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


_idle: queue.LifoQueue[_Server] = queue.LifoQueue()
_slots = threading.BoundedSemaphore(POOL_SIZE)


def parse_sandboxed(data: bytes, kind: Kind) -> ParseResult:
    """Parse in a limited child process; limits map to parse_memory / parse_timeout."""
    with _slots:
        try:
            server = _idle.get_nowait()
        except queue.Empty:
            server = _Server()
        if not server.alive():
            server.close()
            server = _Server()
        reply = server.request(data, kind, WALL_LIMIT + 10)
        if reply is None:
            # The server itself hung or died: discard it rather than reuse a broken pipe.
            server.close()
            return ParseResult("parse_timeout", kind, None, "the parser worker did not answer")
        _idle.put(server)
    resume = ParsedResume.from_dict(reply["resume"]) if reply["resume"] else None
    return ParseResult(reply["status"], reply["kind"], resume, reply["message"])


def shutdown() -> None:
    """Stop the idle worker processes (they also exit when the caller does)."""
    while True:
        try:
            _idle.get_nowait().close()
        except queue.Empty:
            return


if __name__ == "__main__":
    serve()
