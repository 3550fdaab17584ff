"""Request counters and latency histograms (per worker process), rendered as Prometheus text."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graphql_api.schema import request_id

# Route paths only: labelling raw URLs would let any client create unbounded series.
KNOWN_PATHS = frozenset(
    {"/graphql", "/health", "/metrics", "/export/jobs.csv", "/export/jobs.json"}
)
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """In-memory counters of one worker."""

    def __init__(self) -> None:
        self.requests: dict[tuple[str, str, str], int] = defaultdict(int)
        self.latency_buckets: dict[str, list[int]] = defaultdict(lambda: [0] * len(BUCKETS))
        self.latency_sum: dict[str, float] = defaultdict(float)
        self.latency_count: dict[str, int] = defaultdict(int)
        self._next_id = 0

    def new_request_id(self) -> str:
        self._next_id += 1
        return f"{id(self) & 0xFFFF:04x}-{self._next_id}"

    def observe(self, method: str, path: str, status: int, seconds: float) -> None:
        label = path if path in KNOWN_PATHS else "other"
        self.requests[(method, label, str(status))] += 1
        buckets = self.latency_buckets[label]
        for i, bound in enumerate(BUCKETS):
            if seconds <= bound:
                buckets[i] += 1
        self.latency_sum[label] += seconds
        self.latency_count[label] += 1

    def render(self, jobs_by_status: dict[str, int], runs_by_status: dict[str, int]) -> str:
        lines = [
            "# HELP aeroscrap_http_requests_total HTTP requests handled by this worker.",
            "# TYPE aeroscrap_http_requests_total counter",
        ]
        for (method, path, status), n in sorted(self.requests.items()):
            lines.append(
                f'aeroscrap_http_requests_total{{method="{method}",path="{path}",status="{status}"}} {n}'
            )
        lines += [
            "# HELP aeroscrap_http_request_duration_seconds Request latency.",
            "# TYPE aeroscrap_http_request_duration_seconds histogram",
        ]
        for path in sorted(self.latency_count):
            for bound, n in zip(BUCKETS, self.latency_buckets[path], strict=True):
                lines.append(
                    f'aeroscrap_http_request_duration_seconds_bucket{{path="{path}",le="{bound}"}} {n}'
                )
            count = self.latency_count[path]
            lines.append(
                f'aeroscrap_http_request_duration_seconds_bucket{{path="{path}",le="+Inf"}} {count}'
            )
            lines.append(
                f'aeroscrap_http_request_duration_seconds_sum{{path="{path}"}} {self.latency_sum[path]:.6f}'
            )
            lines.append(f'aeroscrap_http_request_duration_seconds_count{{path="{path}"}} {count}')
        lines += _gauge("aeroscrap_jobs", "Stored jobs by status.", jobs_by_status.items())
        lines += _gauge("aeroscrap_crawl_runs", "Crawl runs by status.", runs_by_status.items())
        return "\n".join(lines) + "\n"


def _gauge(name: str, help_: str, values: Iterable[tuple[str, int]]) -> list[str]:
    out = [f"# HELP {name} {help_}", f"# TYPE {name} gauge"]
    out += [f'{name}{{status="{status}"}} {n}' for status, n in sorted(values)]
    return out


class MetricsMiddleware:
    """Times every HTTP request, counts it by route and status, and tags it with a request id."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        rid = self.metrics.new_request_id()
        token = request_id.set(rid)
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers: list[Any] = list(message.get("headers", []))
                headers.append((b"x-request-id", rid.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
            self.metrics.observe(
                scope["method"], scope["path"], status, time.perf_counter() - started
            )
