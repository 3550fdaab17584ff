"""Spider test fixtures: a crawl runner bound to the test's tmp dir, the Chromium guard."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.spiders.helpers import CrawlResult, run_crawl

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


@pytest.fixture
def crawl(tmp_path: Path) -> Callable[..., CrawlResult]:
    """run(name, base_url, *extra_args) -> CrawlResult, with its own output and SQLite file."""

    def run(name: str, base_url: str, *args: str, timeout: float = 120) -> CrawlResult:
        return run_crawl(tmp_path, name, base_url, *args, timeout=timeout)

    return run


@pytest.fixture
def chromium() -> Iterator[str]:
    """Path of Debian Chromium; browser tests fail rather than skip when it is missing in CI."""
    path = "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium missing in CI: browser tests must run there")
        pytest.skip("Chromium not installed")
    yield path
