"""Resume API (admin key for everything: resumes are personal data) and resume/job matching.

Upload answers hold only an opaque id and a status; every other field, including a resume
reached through a match, checks the key again. Nothing here logs resume content.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, cast

import strawberry
from graphql import GraphQLError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON
from strawberry.types import Info

from aeroscrap import matching, resumes
from aeroscrap.resumes import ResumeError, StoredResume
from graphql_api.security import DEFAULT_FIRST, bad_input, check_page
from graphql_api.types.admin import Deleted, require_admin
from graphql_api.types.common import CountBucket, ctx, utc
from graphql_api.types.jobs import JobType
from resume_parser.api import MAX_FILE_BYTES

MAX_INFO_CHARS = 320


@strawberry.input(description="Candidate details given with the upload; they override the parser.")
class CandidateInfo:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    country_code: str | None = strawberry.field(default=None, description="ISO alpha-2.")
    city: str | None = None
    notes: str | None = None


@strawberry.input
class ResumeFilter:
    """Resume filters; all given filters must hold."""

    licence: str | None = strawberry.field(default=None, description='Held licence, "ATPL(A)".')
    type_rating: str | None = strawberry.field(default=None, description='Type held, "B737".')
    min_total_hours: int | None = None
    min_pic_hours: int | None = None
    status: str | None = strawberry.field(default=None, description='"parsed", "no_text"...')


@strawberry.input
class JobMatchFilter:
    """Indexed job filters for matchJobs."""

    country_code: str | None = None
    operation_type: str | None = None


@strawberry.type(description="An uploaded resume: only the opaque id and the outcome.")
class ResumeUpload:
    id: strawberry.ID
    status: str
    duplicate: bool = strawberry.field(description="The same file was already stored.")


@strawberry.type(description="A stored resume and what the parser read from it (admin only).")
class ResumeType:
    id: strawberry.ID
    filename: str
    kind: str | None
    size: int
    status: str
    candidate_name: str | None
    email: str | None
    phone: str | None
    country_code: str | None
    city: str | None
    total_hours: int | None
    pic_hours: int | None
    medical_class: int | None
    licences: list[str]
    type_ratings: list[str]
    confidence: float | None
    created_at: datetime | None
    parsed: JSON | None = strawberry.field(description="All parsed fields (TRUTH_FORMAT.md).")
    info: JSON | None = strawberry.field(description="Candidate info given with the upload.")

    @classmethod
    def from_stored(cls, r: StoredResume) -> ResumeType:
        return cls(
            id=strawberry.ID(r.public_id),
            filename=r.filename,
            kind=r.kind,
            size=r.size,
            status=r.status,
            candidate_name=r.candidate_name,
            email=r.email,
            phone=r.phone,
            country_code=r.country_code,
            city=r.city,
            total_hours=r.total_hours,
            pic_hours=r.pic_hours,
            medical_class=r.medical_class,
            licences=r.licences,
            type_ratings=r.type_ratings,
            confidence=r.confidence,
            created_at=utc(r.created_at),
            parsed=cast("JSON", r.parsed),
            info=cast("JSON", r.info),
        )


@strawberry.type
class ResumeStats:
    """Counts of stored resumes."""

    total: int
    by_status: list[CountBucket]
    by_licence: list[CountBucket]
    hours: list[CountBucket] = strawberry.field(description="Total-hours buckets, low to high.")


@strawberry.type(description='One reason of a match, e.g. (type_rating, missing, "A320").')
class MatchReason:
    kind: str
    status: str
    detail: str


@strawberry.type
class JobMatch:
    """A job ranked for a candidate."""

    job_id: int
    score: float = strawberry.field(description="0..1; read it with meetsRequirements.")
    meets_requirements: bool
    reasons: list[MatchReason]

    @strawberry.field
    async def job(self, info: Info) -> JobType | None:
        loaders = ctx(info).loaders
        row = await loaders.job.load(self.job_id)
        return JobType.from_row(row, loaders) if row is not None else None


@strawberry.type
class CandidateMatch:
    """A candidate ranked for a job."""

    resume_id: strawberry.ID
    score: float
    meets_requirements: bool
    reasons: list[MatchReason]

    @strawberry.field(description="The resume (admin only, like every resume field).")
    async def resume(self, info: Info) -> ResumeType | None:
        require_admin(info)
        found = await run_in_threadpool(resumes.get_resume, ctx(info).engine, str(self.resume_id))
        return ResumeType.from_stored(found) if found is not None else None


def _reasons(match: matching.Match) -> list[MatchReason]:
    return [MatchReason(kind=r.kind, status=r.status, detail=r.detail) for r in match.reasons]


def _buckets(counts: dict[str, int]) -> list[CountBucket]:
    return [CountBucket(key=k, count=v) for k, v in counts.items()]


def _info(candidate: CandidateInfo | None) -> dict[str, Any] | None:
    if candidate is None:
        return None
    values = {k: v.strip() for k, v in vars(candidate).items() if isinstance(v, str) and v.strip()}
    for key, value in values.items():
        if len(value) > MAX_INFO_CHARS:
            raise bad_input(f"candidate.{key} is longer than {MAX_INFO_CHARS} characters")
    return values or None


def _not_found(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "NOT_FOUND"})


def _directory(info: Info) -> Path:
    return Path(ctx(info).settings.resume_dir)


@strawberry.type
class ResumeQuery:
    """Resume queries (admin)."""

    @strawberry.field(description="Stored resumes, newest first (admin).")
    async def resumes(
        self,
        info: Info,
        filter: ResumeFilter | None = None,
        first: int = DEFAULT_FIRST,
        offset: int = 0,
    ) -> list[ResumeType]:
        require_admin(info)
        check_page(first, offset)
        f = filter or ResumeFilter()
        try:
            found = await run_in_threadpool(
                lambda: resumes.list_resumes(
                    ctx(info).engine,
                    licence=f.licence,
                    type_rating=f.type_rating,
                    min_total_hours=f.min_total_hours,
                    min_pic_hours=f.min_pic_hours,
                    status=f.status,
                    limit=first,
                    offset=offset,
                )
            )
        except ValueError as exc:
            raise bad_input(str(exc)) from None
        return [ResumeType.from_stored(r) for r in found]

    @strawberry.field(description="One resume by id (admin).")
    async def resume(self, info: Info, id: strawberry.ID) -> ResumeType | None:
        require_admin(info)
        found = await run_in_threadpool(resumes.get_resume, ctx(info).engine, str(id))
        return ResumeType.from_stored(found) if found is not None else None

    @strawberry.field(description="Counts by status, licence and hours (admin).")
    async def resume_stats(self, info: Info) -> ResumeStats:
        require_admin(info)
        stats = await run_in_threadpool(resumes.resume_stats, ctx(info).engine)
        return ResumeStats(
            total=stats["total"],
            by_status=_buckets(stats["by_status"]),
            by_licence=_buckets(stats["by_licence"]),
            hours=_buckets(stats["hours"]),
        )

    @strawberry.field(description="Active jobs ranked for a resume; qualified first (admin).")
    async def match_jobs(
        self,
        info: Info,
        resume_id: strawberry.ID,
        filter: JobMatchFilter | None = None,
        first: int = DEFAULT_FIRST,
    ) -> list[JobMatch]:
        require_admin(info)
        check_page(first)
        f = filter or JobMatchFilter()
        wanted = matching.MatchFilter(country_code=f.country_code, operation_type=f.operation_type)
        try:
            found = await run_in_threadpool(
                lambda: matching.match_jobs(
                    ctx(info).engine, str(resume_id), filters=wanted, first=first
                )
            )
        except matching.MatchTargetNotFound as exc:
            raise _not_found(str(exc)) from None
        return [
            JobMatch(
                job_id=m.job_id,
                score=m.score,
                meets_requirements=m.meets_requirements,
                reasons=_reasons(m),
            )
            for m in found
        ]

    @strawberry.field(description="Candidates ranked for a job; qualified first (admin).")
    async def match_resumes(
        self, info: Info, job_id: int, first: int = DEFAULT_FIRST
    ) -> list[CandidateMatch]:
        require_admin(info)
        check_page(first)
        try:
            found = await run_in_threadpool(
                lambda: matching.match_resumes(ctx(info).engine, job_id, first=first)
            )
        except matching.MatchTargetNotFound as exc:
            raise _not_found(str(exc)) from None
        return [
            CandidateMatch(
                resume_id=strawberry.ID(m.resume_id),
                score=m.score,
                meets_requirements=m.meets_requirements,
                reasons=_reasons(m),
            )
            for m in found
        ]


@strawberry.type
class ResumeMutation:
    """Resume mutations (admin)."""

    @strawberry.mutation(description="Upload a PDF, DOCX or TXT resume (multipart, admin).")
    async def upload_resume(
        self, info: Info, file: Upload, candidate: CandidateInfo | None = None
    ) -> ResumeUpload:
        upload = cast("UploadFile", file)  # what Strawberry's ASGI integration passes
        try:
            require_admin(info)
            details = _info(candidate)
            # One byte over the cap is enough to know it is too big.
            data = await upload.read(MAX_FILE_BYTES + 1)
        finally:
            # Strawberry never closes the parsed form: without this the spooled temp file
            # lingers until garbage collection, even for a refused request.
            await upload.close()
        filename = upload.filename
        try:
            stored = await run_in_threadpool(
                lambda: resumes.store_resume(
                    ctx(info).writer, data, filename, details, directory=_directory(info)
                )
            )
        except ResumeError as exc:
            raise bad_input(str(exc)) from None
        return ResumeUpload(
            id=strawberry.ID(stored.public_id), status=stored.status, duplicate=stored.duplicate
        )

    @strawberry.mutation(description="Delete a resume: its file, its row and its backup entry.")
    async def delete_resume(self, info: Info, id: strawberry.ID) -> Deleted:
        require_admin(info)
        deleted = await run_in_threadpool(
            lambda: resumes.delete_resume(ctx(info).writer, str(id), directory=_directory(info))
        )
        return Deleted(deleted=deleted)
