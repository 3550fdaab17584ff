"""Spidermon checks run when a spider closes: item count, field coverage, finish reason.

Spidermon does the checking; an action writes the failed checks into the crawl stats, where
CrawlLogExtension turns them into the run's status and message.
"""

from __future__ import annotations

from typing import ClassVar

from spidermon import MonitorSuite
from spidermon.contrib.scrapy.monitors import (
    FieldCoverageMonitor,
    FinishReasonMonitor,
    ItemCountMonitor,
)
from spidermon.core.actions import Action

FAILURES_STAT = "aeroscrap/monitor_failures"


class RecordMonitorFailures(Action):  # type: ignore[misc]  # spidermon is untyped
    """Put "monitor name: reason" of every failed check into the stats."""

    def run_action(self) -> None:
        failures = [
            f"{result.monitor.monitor_name}: {_reason(result.error or result.reason or '')}"
            for result in self.result.monitors_failed_results
        ]
        self.data.crawler.stats.set_value(FAILURES_STAT, failures)


def _reason(text: str) -> str:
    # Spidermon hands over the unittest traceback: keep the assertion's own words.
    message = text.rsplit("AssertionError:", 1)[-1]
    return " ".join(message.split())[:300]


class SpiderCloseMonitorSuite(MonitorSuite):  # type: ignore[misc]  # spidermon is untyped
    """Checks every run; the thresholds are the SPIDERMON_* settings in aeroscrap.settings."""

    monitors: ClassVar[list[type]] = [ItemCountMonitor, FieldCoverageMonitor, FinishReasonMonitor]
    monitors_failed_actions: ClassVar[list[type]] = [RecordMonitorFailures]
