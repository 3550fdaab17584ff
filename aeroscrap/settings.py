"""Scrapy settings for AeroScrap, filled from aeroscrap.config (limits: shared/RELIABILITY.md 8.5)."""

from __future__ import annotations

from aeroscrap.config import get_settings

_settings = get_settings()

BOT_NAME = "aeroscrap"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

AEROSCRAP_DATABASE_URL = _settings.database_url
AEROSCRAP_SPOOL_DIR = str(_settings.spool_dir)
AEROSCRAP_CHROMIUM_PATH = _settings.chromium_path

USER_AGENT = "AeroScrapBot/0.1 (+aviation job aggregator; polite crawler)"
ROBOTSTXT_OBEY = True

# Politeness: spiders set their own DOWNLOAD_DELAY close to what each site tolerates.
CONCURRENT_REQUESTS = 16
# Pipelines handle one item at a time (the store batches by itself): Scrapy otherwise spawns a task
# per item and per callback, which cost 30-50% of the crawl rate here (PERFORMANCE.md).
CONCURRENT_ITEMS = 1
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 10
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
MEMUSAGE_ENABLED = True
MEMUSAGE_LIMIT_MB = 1024
CLOSESPIDER_TIMEOUT = 3600

# Code-execution consoles stay off (RELIABILITY O4); local-file schemes are never fetched (C12).
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}

DOWNLOADER_MIDDLEWARES = {
    # Replaces Scrapy's RetryMiddleware so 429/503 honour Retry-After (Scrapy ignores it, #3849).
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "aeroscrap.middlewares.RetryAfterMiddleware": 550,
}

ITEM_PIPELINES = {
    "aeroscrap.pipelines.validate.ValidatePipeline": 100,
    "aeroscrap.pipelines.normalize.NormalizePipeline": 200,
    "aeroscrap.pipelines.store.StorePipeline": 400,
}

EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    # Spidermon first, so its close-time checks are in the stats when the run is recorded.
    "spidermon.contrib.scrapy.extensions.Spidermon": 90,
    "aeroscrap.extensions.CrawlLogExtension": 100,
}

# Spidermon: what a healthy run looks like. Coverage is of the fields spiders yield; a site
# whose layout half-changed shows up here before it shows up as zero items.
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ("aeroscrap.monitors.SpiderCloseMonitorSuite",)
SPIDERMON_MIN_ITEMS = 1
SPIDERMON_EXPECTED_FINISH_REASONS = ["finished"]
SPIDERMON_ADD_FIELD_COVERAGE = True
# A field the spider left empty (None or "") is not covered.
SPIDERMON_FIELD_COVERAGE_SKIP_NONE = True
SPIDERMON_FIELD_COVERAGE_RULES = {
    "dict/title": 1.0,
    "dict/url": 1.0,
    "dict/company": 0.95,
    "dict/location": 0.8,
    "dict/description": 0.8,
}

# scrapy-playwright: only requests with meta={"playwright": True} use the browser.
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": _settings.chromium_path,
    "headless": True,
    "args": [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-quic",
        "--disable-sync",
    ],
}
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 20_000
PLAYWRIGHT_RESTART_DISCONNECTED_BROWSER = True

# A job is expired when this many consecutive complete, finished runs of its source missed it:
# one flaky listing page must not expire a live job.
AEROSCRAP_EXPIRE_AFTER_RUNS = 2

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = _settings.log_level
