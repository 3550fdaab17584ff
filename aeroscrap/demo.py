"""`aeroscrap demo`: the offline tour — sandbox sites on loopback, every crawl, then the API."""

from __future__ import annotations

import os

from sqlalchemy import func, select

from aeroscrap import runner
from aeroscrap.config import get_settings
from aeroscrap.db import migrate, seed
from aeroscrap.db.models import Job, JobSource
from aeroscrap.db.session import check_connection, make_engine, safe_target
from aeroscrap.sandbox import server as sandbox

# The sandbox is local: no politeness delay is needed, and robots.txt is still obeyed.
_DEMO_SETTINGS = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False"]


def run(*, jobs: int = 40, port: int = 8000, serve_api: bool = True) -> int:
    """Migrate and seed the default database, crawl the four sandbox sites, serve the API."""
    settings = get_settings()
    engine = make_engine(settings.database_url)
    check_connection(engine)
    print(f"database: {safe_target(settings.database_url)}")
    migrate.upgrade(settings.database_url)
    counts = seed.seed_companies(settings.database_url)
    print(f"seeded {counts.companies} companies, {counts.mappings} name variants")

    spiders = runner.all_spiders()
    with sandbox.serve(spiders, jobs=jobs) as sites:
        base_urls = {name: sites.base_url(name) for name in spiders}
        for name, url in base_urls.items():
            print(f"sandbox {name:<20} {url}")
        reports = runner.crawl(spiders, base_urls=base_urls, settings=_DEMO_SETTINGS, parallel=True)
    print()
    runner.print_summary(reports)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(Job)).scalar_one()
        sightings = conn.execute(select(func.count()).select_from(JobSource)).scalar_one()
    engine.dispose()
    print(
        f"\n{total} distinct jobs from {sightings} postings ({sightings - total} merged duplicates)"
    )
    code = runner.exit_code(reports)
    if not serve_api:
        return code
    from graphql_api.server import serve

    os.environ.setdefault("AEROSCRAP_ENV", "demo")
    get_settings.cache_clear()
    print(f"\nAPI: http://127.0.0.1:{port}/graphql (GraphiQL in a browser; Ctrl-C stops)")
    serve(host="127.0.0.1", port=port)
    return code
