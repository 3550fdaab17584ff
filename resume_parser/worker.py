"""The sandbox: each parse runs in a child process with memory, CPU and wall-clock limits.

Children are forked from a multiprocessing "forkserver" that has already imported the parser
(pdfium, python-docx, babel tables), so a child costs a fork rather than an interpreter start,
and a bombed or crashed child takes nothing of the caller's memory with it.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
import threading
from typing import TYPE_CHECKING, Any

from resume_parser.models import Kind, ParsedResume, ParseResult

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

MEMORY_LIMIT = 512 * 1024 * 1024  # RLIMIT_AS
CPU_LIMIT = 20  # seconds, RLIMIT_CPU
WALL_LIMIT = 30.0  # seconds

_context_lock = threading.Lock()
_context: Any = None


def _get_context() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["resume_parser.pipeline", "resume_parser.worker"])
            _context = ctx
        return _context


def _child(conn: Connection, data: bytes, kind: Kind) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 1))
    from resume_parser.pipeline import parse_data

    result = parse_data(data, kind)
    conn.send(
        {
            "status": result.status,
            "kind": result.kind,
            "message": result.message,
            "resume": result.resume.to_dict() if result.resume else None,
        }
    )
    conn.close()


def parse_sandboxed(data: bytes, kind: Kind, *, wall_limit: float = WALL_LIMIT) -> ParseResult:
    """Parse in a limited child process; limits map to parse_memory / parse_timeout."""
    ctx = _get_context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(sender, data, kind), daemon=True)
    process.start()
    sender.close()
    try:
        if receiver.poll(wall_limit):
            try:
                reply = receiver.recv()
            except EOFError:
                reply = None
        else:
            process.kill()
            return ParseResult("parse_timeout", kind, None, f"parse exceeded {wall_limit:.0f} s")
    finally:
        receiver.close()
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
    if reply is None:
        return _crash_result(process.exitcode, kind)
    resume = ParsedResume.from_dict(reply["resume"]) if reply["resume"] else None
    return ParseResult(reply["status"], reply["kind"], resume, reply["message"])


def _crash_result(exitcode: int | None, kind: Kind) -> ParseResult:
    """A child that died without answering: CPU limit signals mean timeout, else memory."""
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return ParseResult("parse_timeout", kind, None, "parse exceeded the CPU limit")
    # Native code (pdfium, lxml) aborts or faults when an allocation fails under RLIMIT_AS.
    return ParseResult("parse_memory", kind, None, f"parser process died (exit {exitcode})")
