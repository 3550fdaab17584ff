"""The `aeroscrap` command: database, crawls, ingest, resumes, API, demo, export, scheduler."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from aeroscrap.exceptions import AeroScrapError

Handler = Callable[[argparse.Namespace], int]


def _db(args: argparse.Namespace) -> int:
    from aeroscrap.db import migrate, seed

    if args.action == "upgrade":
        migrate.upgrade(args.database_url, args.revision or "head")
        print("database upgraded to", args.revision or "head")
    elif args.action == "downgrade":
        migrate.downgrade(args.database_url, args.revision or "base")
        print("database downgraded to", args.revision or "base")
    elif args.action == "check":
        migrate.check(args.database_url)
        print("models and migrations agree")
    elif args.action == "rekey":
        return _rekey(args)
    else:
        counts = seed.seed_companies(args.database_url)
        print(
            f"companies: {counts.companies} ({counts.new_companies} new), "
            f"name variants: {counts.mappings} ({counts.new_mappings} new)"
        )
    return 0


def _rekey(args: argparse.Namespace) -> int:
    from aeroscrap.config import get_settings
    from aeroscrap.db.session import check_connection, make_engine
    from aeroscrap.rekey import rekey_jobs

    engine = make_engine(args.database_url or get_settings().database_url)
    try:
        check_connection(engine)
        counts = rekey_jobs(engine, progress=True)
    finally:
        engine.dispose()
    print(f"jobs: {counts.read} read, {counts.rekeyed} re-keyed, {counts.skipped} skipped")
    return 0


def _crawl(args: argparse.Namespace) -> int:
    from aeroscrap import runner

    spiders = runner.all_spiders() if args.all else args.spiders
    if not spiders:
        print("name at least one spider, or --all", file=sys.stderr)
        return 2
    base_urls = dict(item.split("=", 1) for item in args.base_url)
    reports = runner.crawl(spiders, base_urls=base_urls, settings=args.set, parallel=args.parallel)
    runner.print_summary(reports)
    return runner.exit_code(reports)


def _ingest(args: argparse.Namespace) -> int:
    from aeroscrap import ingest_file

    return ingest_file.ingest_file(args.file, report_path=args.report, batch_size=args.batch_size)


def _resume(args: argparse.Namespace) -> int:
    from resume_parser.cli import cli_main

    return cli_main([args.file, *(["--json"] if args.json else [])])


def _serve(args: argparse.Namespace) -> int:
    from graphql_api.server import serve

    serve(host=args.host, port=args.port, workers=args.workers)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from aeroscrap import demo

    return demo.run(jobs=args.jobs, port=args.port, serve_api=not args.no_serve)


def _export(args: argparse.Namespace) -> int:
    from aeroscrap import export

    filters = dict(item.split("=", 1) for item in args.filter)
    return export.export_jobs(args.output, fmt=args.format, filters=filters)


def _schedule(args: argparse.Namespace) -> int:
    from aeroscrap import scheduler

    return scheduler.main(args.file, once=args.once)


def _sandbox(args: argparse.Namespace) -> int:
    from aeroscrap.sandbox import server

    return server.main(args.rest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aeroscrap", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser(
        "db",
        help="migrate, check or seed the database; rekey re-derives stored jobs' dedup keys "
        "with the installed rules (run it after an upgrade)",
    )
    db.add_argument("action", choices=("upgrade", "downgrade", "check", "seed", "rekey"))
    db.add_argument("revision", nargs="?", help="target revision (default head / base)")
    db.add_argument("--database-url", help="override AEROSCRAP_DATABASE_URL")
    db.set_defaults(handler=_db)

    crawl = sub.add_parser("crawl", help="run spiders and record each run")
    crawl.add_argument("spiders", nargs="*", help="spider names (see `scrapy list`)")
    crawl.add_argument("--all", action="store_true", help="every spider")
    crawl.add_argument(
        "--base-url",
        action="append",
        default=[],
        metavar="SPIDER=URL",
        help="point a spider at a sandbox copy of its site",
    )
    crawl.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="Scrapy setting for every crawl",
    )
    crawl.add_argument("--parallel", action="store_true", help="run the spiders at the same time")
    crawl.set_defaults(handler=_crawl)

    ingest = sub.add_parser("ingest", help="store raw job records (JSON lines) without crawling")
    ingest.add_argument("file")
    ingest.add_argument("--report", help="write one JSON line of results per input line")
    ingest.add_argument("--batch-size", type=int, default=500)
    ingest.set_defaults(handler=_ingest)

    resume = sub.add_parser("resume", help="resume tools")
    resume.add_argument("action", choices=("parse",))
    resume.add_argument("file")
    resume.add_argument("--json", action="store_true", help="print the parsed fields as JSON")
    resume.set_defaults(handler=_resume)

    serve = sub.add_parser("serve", help="serve the GraphQL API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(handler=_serve)

    demo = sub.add_parser("demo", help="offline demo: sandbox sites -> crawl -> API")
    demo.add_argument("--jobs", type=int, default=40, help="jobs per sandbox site")
    demo.add_argument("--port", type=int, default=8000, help="API port")
    demo.add_argument("--no-serve", action="store_true", help="stop after the crawls")
    demo.set_defaults(handler=_demo)

    export = sub.add_parser("export", help="export jobs as CSV or JSON lines")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("-o", "--output", default="-", help="file (default: stdout)")
    export.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="as the /export/jobs.csv parameters: countryCode=GB, day=2026-11-20, ...",
    )
    export.set_defaults(handler=_export)

    schedule = sub.add_parser("schedule", help="place due crawls on scrapyd nodes")
    schedule.add_argument("--file", default="schedule.toml", help="schedule file")
    schedule.add_argument("--once", action="store_true", help="place what is due now and exit")
    schedule.set_defaults(handler=_schedule)

    sandbox = sub.add_parser(
        "sandbox", help="serve sandbox copies of the job sites", add_help=False
    )
    sandbox.add_argument("rest", nargs=argparse.REMAINDER)
    sandbox.set_defaults(handler=_sandbox)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        code: int = args.handler(args)
    except AeroScrapError as exc:
        print(f"aeroscrap: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
