"""Crawl operations for admins: scrapyd nodes with their load and jobs, and "crawl this now"."""

from __future__ import annotations

from enum import Enum

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.types import Info

from aeroscrap.scheduler import Placement, schedule_now
from aeroscrap.scrapyd_client import JobInfo, NodeStatus, ScrapydError, node_status
from graphql_api.types.admin import require_admin
from graphql_api.types.common import ctx


@strawberry.type(name="ScrapydJob")
class ScrapydJobType:
    """One AeroScrap job on a scrapyd node; `id` is the crawl run's `scrapydJobId`."""

    id: str
    spider: str
    state: str
    node: str
    start_time: str | None
    end_time: str | None
    log_url: str | None

    @classmethod
    def from_info(cls, job: JobInfo) -> ScrapydJobType:
        return cls(
            id=job.id,
            spider=job.spider,
            state=job.state,
            node=job.node,
            start_time=job.start_time,
            end_time=job.end_time,
            log_url=job.log_url,
        )


@strawberry.type(name="ScrapydNode")
class ScrapydNodeType:
    """A crawl server: its load and jobs, or why it could not be reached."""

    url: str
    ok: bool
    running: int
    pending: int
    finished: int
    error: str | None
    jobs: list[ScrapydJobType]

    @classmethod
    def from_status(cls, status: NodeStatus) -> ScrapydNodeType:
        return cls(
            url=status.url,
            ok=status.ok,
            running=status.running,
            pending=status.pending,
            finished=status.finished,
            error=status.error,
            jobs=[ScrapydJobType.from_info(job) for job in status.jobs],
        )


@strawberry.enum
class PlacementStatus(Enum):
    """`placed` on a node, `skipped` because the source is still running, or `failed`."""

    PLACED = "placed"
    SKIPPED = "skipped"
    FAILED = "failed"


@strawberry.type(name="CrawlPlacement")
class CrawlPlacementType:
    """What became of a "crawl now" request."""

    spider: str
    status: PlacementStatus
    node: str | None
    job_id: str | None
    reason: str

    @classmethod
    def from_placement(cls, placement: Placement) -> CrawlPlacementType:
        return cls(
            spider=placement.spider,
            status=PlacementStatus(placement.status),
            node=placement.node,
            job_id=placement.job_id,
            reason=placement.reason,
        )


@strawberry.input
class SpiderArgument:
    """A spider argument such as base_url, keywords or location."""

    name: str
    value: str


@strawberry.type
class OperationsQuery:
    @strawberry.field(description="Admin: every configured scrapyd node, its load and jobs.")
    async def scrapyd_nodes(self, info: Info) -> list[ScrapydNodeType]:
        require_admin(info)
        config = ctx(info).settings
        statuses = await run_in_threadpool(lambda: node_status(config=config))
        return [ScrapydNodeType.from_status(status) for status in statuses]


@strawberry.type
class OperationsMutation:
    @strawberry.mutation(
        description="Admin: crawl a source now on the least-busy scrapyd node (skipped while it runs)."
    )
    async def schedule_crawl(
        self, info: Info, spider: str, args: list[SpiderArgument] | None = None
    ) -> CrawlPlacementType:
        require_admin(info)
        config = ctx(info).settings
        spider_args = {arg.name: arg.value for arg in args or []}
        try:
            placement = await run_in_threadpool(
                lambda: schedule_now(spider, spider_args, config=config)
            )
        except ScrapydError as exc:  # no node configured: say so instead of "Unexpected error"
            placement = Placement(spider, "failed", reason=str(exc))
        return CrawlPlacementType.from_placement(placement)
