"""The scrapyd node API as AeroScrap uses it: load, jobs, scheduling and egg upload, with auth.

Every call goes through one small `ScrapydNode`; a node that cannot be reached, refuses the
credentials or answers garbage raises `NodeUnavailable`, so callers can skip it and try others.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

from aeroscrap.exceptions import AeroScrapError

if TYPE_CHECKING:
    from aeroscrap.config import Settings

logger = logging.getLogger(__name__)

PROJECT = "aeroscrap"
# A healthy scrapyd answers its JSON API in milliseconds; a node that takes longer is treated as
# down rather than holding up the placement of every other crawl.
TIMEOUT_S = 5.0


class ScrapydError(AeroScrapError):
    """Raised when scrapyd answers a request with status "error" (unknown spider, project...)."""


class NodeUnavailable(ScrapydError):
    """Raised when a node cannot be reached, refuses our credentials or answers non-JSON."""


@dataclass(frozen=True)
class JobInfo:
    """One scrapyd job of the AeroScrap project, as listjobs.json reports it."""

    id: str
    spider: str
    state: str  # pending | running | finished
    node: str
    start_time: str | None = None
    end_time: str | None = None
    pid: int | None = None
    log_url: str | None = None


@dataclass(frozen=True)
class NodeStatus:
    """A node's load (daemonstatus.json) and its AeroScrap jobs; `error` is set when it is down."""

    url: str
    running: int = 0
    pending: int = 0
    finished: int = 0
    jobs: list[JobInfo] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def load(self) -> int:
        """Crawls running or queued on the node: what placement minimises."""
        return self.running + self.pending


class ScrapydNode:
    """One scrapyd server at `url`, spoken to with basic auth when credentials are given."""

    def __init__(
        self,
        url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        timeout: float = TIMEOUT_S,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        auth = httpx.BasicAuth(username, password or "") if username else None
        self._client = httpx.Client(
            base_url=self.url, auth=auth, timeout=timeout, transport=transport
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> ScrapydNode:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _call(self, method: str, endpoint: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._client.request(method, f"/{endpoint}", **kwargs)
        except httpx.HTTPError as exc:
            raise NodeUnavailable(f"scrapyd {self.url} unreachable: {exc}") from None
        if response.status_code == 401:
            raise NodeUnavailable(
                f"scrapyd {self.url} refused the credentials (401): "
                "check AEROSCRAP_SCRAPYD_USERNAME / AEROSCRAP_SCRAPYD_PASSWORD"
            )
        try:
            data = response.json()
        except ValueError:
            raise NodeUnavailable(
                f"scrapyd {self.url}/{endpoint} answered HTTP {response.status_code}, not JSON"
            ) from None
        if not isinstance(data, dict) or data.get("status") != "ok":
            message = data.get("message") if isinstance(data, dict) else data
            raise ScrapydError(f"scrapyd {self.url}/{endpoint}: {message}")
        return data

    def daemon_status(self) -> dict[str, Any]:
        return self._call("GET", "daemonstatus.json")

    def projects(self) -> list[str]:
        """Projects deployed on the node."""
        return [str(p) for p in self._call("GET", "listprojects.json")["projects"]]

    def jobs(self, project: str = PROJECT) -> list[JobInfo]:
        """Pending, running and finished jobs of `project` (all projects are listed, then
        filtered, so a node where the project is not deployed yet is not an error)."""
        data = self._call("GET", "listjobs.json")
        return [
            JobInfo(
                id=str(job["id"]),
                spider=str(job["spider"]),
                state=state,
                node=self.url,
                start_time=job.get("start_time"),
                end_time=job.get("end_time"),
                pid=job.get("pid"),
                log_url=self._absolute(job.get("log_url")),
            )
            for state in ("pending", "running", "finished")
            for job in data.get(state, [])
            if job.get("project") == project
        ]

    def status(self, project: str = PROJECT) -> NodeStatus:
        """Load and jobs; never raises: a node that fails is returned with `error` set."""
        try:
            load = self.daemon_status()
            jobs = self.jobs(project)
        except ScrapydError as exc:
            return NodeStatus(url=self.url, error=str(exc))
        return NodeStatus(
            url=self.url,
            running=int(load.get("running", 0)),
            pending=int(load.get("pending", 0)),
            finished=int(load.get("finished", 0)),
            jobs=jobs,
        )

    def schedule(
        self,
        spider: str,
        *,
        job_id: str,
        args: dict[str, str] | None = None,
        settings: dict[str, str] | None = None,
        project: str = PROJECT,
    ) -> str:
        """Queue a crawl; returns the job id (ours, so it is known even if the answer is lost)."""
        reserved = {"project", "spider", "jobid", "setting", "_version", "priority"}
        clash = reserved & set(args or {})
        if clash:
            raise ScrapydError(f"spider argument(s) {sorted(clash)} clash with scrapyd parameters")
        data: dict[str, str | list[str]] = {
            "project": project,
            "spider": spider,
            "jobid": job_id,
            "setting": [f"{key}={value}" for key, value in (settings or {}).items()],
            **(args or {}),
        }
        answer = self._call("POST", "schedule.json", data=data)
        return str(answer["jobid"])

    def add_version(self, egg: bytes, *, version: str, project: str = PROJECT) -> int:
        """Upload an egg (what scrapyd-deploy does); returns the number of spiders scrapyd found."""
        answer = self._call(
            "POST",
            "addversion.json",
            data={"project": project, "version": version},
            files={"egg": ("project.egg", egg)},
            # scrapyd runs `scrapy list` on the new egg before it answers.
            timeout=60.0,
        )
        return int(answer["spiders"])

    def cancel(self, job_id: str, *, project: str = PROJECT) -> str | None:
        """Cancel a job (SIGINT: the crawl closes gracefully); returns its previous state."""
        answer = self._call("POST", "cancel.json", data={"project": project, "job": job_id})
        prev: str | None = answer.get("prevstate")
        return prev

    def _absolute(self, path: Any) -> str | None:
        if not path:
            return None
        return f"{self.url}{path}" if str(path).startswith("/") else str(path)


def nodes_from_settings(settings: Settings) -> list[ScrapydNode]:
    """One client per AEROSCRAP_SCRAPYD_URLS entry, in order (the order breaks load ties)."""
    if not settings.scrapyd_urls:
        raise ScrapydError("AEROSCRAP_SCRAPYD_URLS is empty: no scrapyd node to place crawls on")
    return [
        ScrapydNode(url, username=settings.scrapyd_username, password=settings.scrapyd_password)
        for url in settings.scrapyd_urls
    ]


def node_status(
    nodes: list[ScrapydNode] | None = None, *, config: Settings | None = None
) -> list[NodeStatus]:
    """Load and AeroScrap jobs of every node (configured ones by default; down ones carry `error`)."""
    from aeroscrap.config import get_settings

    owned = nodes is None
    nodes = nodes_from_settings(config or get_settings()) if nodes is None else nodes
    try:
        return [node.status() for node in nodes]
    finally:
        if owned:
            for node in nodes:
                node.close()


def find_job(job_id: str, statuses: list[NodeStatus]) -> JobInfo | None:
    """The job with this scrapyd id on any node (links a crawl_runs row to its node and log)."""
    for status in statuses:
        for job in status.jobs:
            if job.id == job_id:
                return job
    return None
