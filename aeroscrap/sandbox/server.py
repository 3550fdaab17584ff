"""Serve the sandbox sites on 127.0.0.1, one port per site, from background threads.

``serve()`` is the library entry point (tests, ``aeroscrap demo``); ``main()`` is the command
``aeroscrap sandbox serve`` / ``python -m aeroscrap.sandbox serve``.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from aeroscrap.sandbox.faults import Faults, FaultSpecError, parse_faults
from aeroscrap.sandbox.handler import AccessRecord, SiteServer
from aeroscrap.sandbox.jobs import DEFAULT_JOBS, MAX_JOBS, SITES, SandboxJob, generate_catalog
from aeroscrap.sandbox.sites.airindia import AirIndiaSite
from aeroscrap.sandbox.sites.aviationjobsearch import AviationJobSearchSite
from aeroscrap.sandbox.sites.goose import GooseSite
from aeroscrap.sandbox.sites.linkedin import LinkedInSite

if TYPE_CHECKING:
    from types import TracebackType

    from aeroscrap.sandbox.pages import Site

FaultOption = str | Faults | None


class SandboxHandle:
    """Running sandbox sites: their URLs, their jobs and what was asked of them."""

    def __init__(
        self,
        servers: dict[str, SiteServer],
        catalog: dict[str, list[SandboxJob]],
        log: list[AccessRecord],
        stopping: threading.Event,
    ) -> None:
        self._servers = servers
        self._threads = [
            threading.Thread(target=s.serve_forever, name=f"sandbox-{name}", daemon=True)
            for name, s in servers.items()
        ]
        self.catalog = catalog
        self.access_log = log
        self._stopping = stopping
        for thread in self._threads:
            thread.start()

    @property
    def sites(self) -> list[str]:
        """The sites being served."""
        return list(self._servers)

    def base_url(self, site: str) -> str:
        """http://127.0.0.1:PORT of a site; the real site's paths hang under it."""
        return f"http://127.0.0.1:{self._servers[site].server_port}"

    def jobs(self, site: str) -> list[SandboxJob]:
        """The jobs the site lists."""
        return self.catalog[site]

    def requests(self, site: str | None = None) -> list[AccessRecord]:
        """Access-log entries, of one site or all."""
        return [entry for entry in list(self.access_log) if site is None or entry.site == site]

    def stop(self) -> None:
        """Stop every site and wait for the server threads (idempotent)."""
        self._stopping.set()
        for server in self._servers.values():
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> SandboxHandle:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve(
    sites: list[str] | None = None,
    *,
    jobs: int | dict[str, int] | None = None,
    port: int = 0,
    faults: FaultOption | dict[str, FaultOption] = None,
    seed: int = 7,
    today: date | None = None,
    delay: float = 0.0,
    access_log: Path | None = None,
) -> SandboxHandle:
    """Start the sandbox sites (all by default) and return at once with a running handle.

    jobs: one count for every site, or counts per site (default DEFAULT_JOBS, at most MAX_JOBS).
    port: 0 picks free ports; otherwise sites get port, port+1, ... in the order given.
    faults: a spec string / Faults for every site, or a dict of them per site.
    delay: seconds added to every answer (a slow but healthy site).
    Raises ValueError for an unknown site or a bad fault spec.
    """
    chosen = list(sites or SITES)
    unknown = [s for s in chosen if s not in SITES]
    if unknown:
        raise ValueError(f"unknown sandbox site(s) {unknown}; known: {list(SITES)}")
    counts = dict.fromkeys(chosen, jobs) if isinstance(jobs, int) else dict(jobs or {})
    today = today or datetime.now(UTC).date()
    catalog = generate_catalog(counts, seed=seed, today=today)
    log: list[AccessRecord] = []
    stopping = threading.Event()
    servers: dict[str, SiteServer] = {}
    try:
        for offset, name in enumerate(chosen):
            servers[name] = SiteServer(
                _site(name, catalog[name], today),
                _faults_for(name, faults),
                port=port + offset if port else 0,
                delay=delay,
                log=log,
                log_file=access_log,
                stopping=stopping,
            )
    except BaseException:
        for server in servers.values():
            server.server_close()
        raise
    return SandboxHandle(servers, catalog, log, stopping)


def _faults_for(site: str, faults: FaultOption | dict[str, FaultOption]) -> Faults:
    option = faults.get(site) if isinstance(faults, dict) else faults
    if option is None:
        return Faults()
    return option if isinstance(option, Faults) else parse_faults(option)


def _site(name: str, jobs: list[SandboxJob], today: date) -> Site:
    if name == "aviationjobsearch":
        return AviationJobSearchSite(jobs)
    if name == "airindia":
        return AirIndiaSite(jobs)
    if name == "goose":
        return GooseSite(jobs)
    return LinkedInSite(jobs, today)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aeroscrap sandbox serve", description="Serve local copies of the job sites."
    )
    parser.add_argument("--site", action="append", choices=SITES, help="repeatable; default: all")
    parser.add_argument(
        "--jobs", type=int, help=f"jobs per site (default {DEFAULT_JOBS}, max {MAX_JOBS})"
    )
    parser.add_argument("--port", type=int, default=0, help="first port (default: free ports)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--fault", default="", help="fault spec for every site, e.g. 429x2,layout_v2"
    )
    parser.add_argument("--delay-ms", type=int, default=0, help="added to every answer")
    parser.add_argument("--access-log", type=Path, help="append one line per request to this file")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted; print one base URL per site (just the URL when one site)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["serve"]:
        args = args[1:]
    options = _parser().parse_args(args)
    try:
        handle = serve(
            options.site,
            jobs=options.jobs,
            port=options.port,
            faults=options.fault or None,
            seed=options.seed,
            delay=options.delay_ms / 1000,
            access_log=options.access_log,
        )
    except (FaultSpecError, ValueError, OSError) as exc:
        print(f"sandbox: {exc}", file=sys.stderr)
        return 2
    for site in handle.sites:
        line = (
            handle.base_url(site) if len(handle.sites) == 1 else f"{site} {handle.base_url(site)}"
        )
        print(line, flush=True)
    done = threading.Event()
    # SIGTERM (kill, scrapyd-like supervisors) stops as cleanly as Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    finally:
        handle.stop()
    return 0
