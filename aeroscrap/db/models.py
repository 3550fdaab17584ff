"""Tables: jobs, job_sources, companies, company_mappings, crawl_runs, resumes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from aeroscrap.db.base import Base

JOB_STATUSES = ("active", "expired", "filled")
RUN_STATUSES = (
    "running",
    "finished",
    "partial",
    "empty",
    "blocked",
    "aborted",
    "cancelled",
    "skipped",
)
# Characters of a base city jobs.base_key keeps: cities read from free text can be long, and a
# shared prefix only fetches a few more candidates, which the matcher tells apart.
BASE_KEY_CHARS = 100


class Company(Base):
    """An advertiser: a curated entry from aeroscrap/data/companies.json, or one first seen in a crawl."""

    __tablename__ = "companies"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Normalised advertiser key (aeroscrap.normalize.company.company_key): the identity used by dedup.
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    operation_type: Mapped[str | None] = mapped_column(String(32))
    country_code: Mapped[str | None] = mapped_column(String(2))
    is_agency: Mapped[bool] = mapped_column(Boolean, default=False)
    # False for companies seen in crawls but absent from the curated data: the admin's to-do list.
    curated: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    jobs: Mapped[list[Job]] = relationship(back_populates="company_ref")
    mappings: Mapped[list[CompanyMapping]] = relationship(
        back_populates="company", cascade="all, delete-orphan"
    )


class CompanyMapping(Base):
    """One spelling of a company name (normalised) pointing at its company."""

    __tablename__ = "company_mappings"
    id: Mapped[int] = mapped_column(primary_key=True)
    variant: Mapped[str] = mapped_column(String(200), unique=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    company: Mapped[Company] = relationship(back_populates="mappings")


class Job(Base):
    """One vacancy, however many URLs and sources it was seen at."""

    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Canonical URL of the first sighting; its hash is the unique key (URLs can exceed B-tree row limits).
    url: Mapped[str] = mapped_column(Text)
    url_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(50))
    source_job_id: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    normalized_title: Mapped[str] = mapped_column(String(300))
    company: Mapped[str | None] = mapped_column(String(200))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    company_ref: Mapped[Company | None] = relationship(back_populates="jobs")
    location: Mapped[str | None] = mapped_column(String(300))
    city: Mapped[str | None] = mapped_column(String(120))
    country_code: Mapped[str | None] = mapped_column(String(2))
    operation_type: Mapped[str | None] = mapped_column(String(32))
    senior_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    contract_type: Mapped[str | None] = mapped_column(String(20))
    posted_date: Mapped[date | None] = mapped_column(Date)
    posted_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    valid_through: Mapped[date | None] = mapped_column(Date)
    salary_min: Mapped[float | None] = mapped_column(Float)
    salary_max: Mapped[float | None] = mapped_column(Float)
    salary_currency: Mapped[str | None] = mapped_column(String(3))
    salary_period: Mapped[str | None] = mapped_column(String(10))
    apply_url: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    description_truncated: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="active")
    # Aviation requirements read from the description (licences, type ratings, hours, medical).
    requirements: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Dedup blocking key (advertiser + role): candidates are found by index, never by a scan.
    block_key: Mapped[str] = mapped_column(String(200))
    # The base city within the block (dedup.base_key, cut to its length), NULL when none: a
    # record with a base meets only that base's jobs and those with none.
    base_key: Mapped[str | None] = mapped_column(String(BASE_KEY_CHARS))
    # "advertiser|ref:GR123" for agency adverts with a reference: decisive for duplicates.
    ref_key: Mapped[str | None] = mapped_column(String(200))
    # Features the fuzzy matcher compares, so candidates need no re-normalisation.
    dedup_features: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Folded (lowercase, no diacritics) title/company/location/description: the full-text source.
    search_text: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    raw_json: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    last_checked: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sources: Mapped[list[JobSource]] = relationship(
        back_populates="job", cascade="all, delete-orphan"
    )

    __table_args__ = (
        # Its prefix also serves lookups by block_key alone.
        Index("ix_jobs_block_key_base_key", "block_key", "base_key"),
        Index("ix_jobs_company", "company"),
        # Most adverts carry no agency reference: only those that do are indexed.
        Index(
            "ix_jobs_ref_key",
            "ref_key",
            postgresql_where=text("ref_key IS NOT NULL"),
            sqlite_where=text("ref_key IS NOT NULL"),
        ),
        Index("ix_jobs_company_id", "company_id"),
        Index("ix_jobs_country_code", "country_code"),
        Index("ix_jobs_operation_type", "operation_type"),
        Index("ix_jobs_posted_date_id", "posted_date", "id"),
        Index("ix_jobs_created_at_id", "created_at", "id"),
        Index("ix_jobs_updated_at_id", "updated_at", "id"),
        # Covers the analytics aggregates (breakdowns, senior share, trends): index-only scans.
        # Its leading status also serves filters on status, source and senior, whose few values
        # make single-column indexes of their own useless to the planner yet costly on each write.
        Index(
            "ix_jobs_analytics",
            "status",
            "country_code",
            "operation_type",
            "source",
            "senior_flag",
            "posted_date",
        ),
    )


class JobSource(Base):
    """One URL a job was seen at: a merged duplicate keeps its URL here, so nothing is lost."""

    __tablename__ = "job_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    job: Mapped[Job] = relationship(back_populates="sources")
    source: Mapped[str] = mapped_column(String(50))
    source_job_id: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text)
    url_hash: Mapped[str] = mapped_column(String(64), unique=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_job_sources_source_source_job_id", "source", "source_job_id"),)


class CrawlRun(Base):
    """One spider run: the only truth about whether a crawl succeeded."""

    __tablename__ = "crawl_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(50), index=True)
    status: Mapped[str] = mapped_column(String(16), default="running", index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    pid: Mapped[int | None] = mapped_column(Integer)
    hostname: Mapped[str | None] = mapped_column(String(255))
    scrapyd_job_id: Mapped[str | None] = mapped_column(String(64), index=True)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    items_found: Mapped[int] = mapped_column(Integer, default=0)
    items_inserted: Mapped[int] = mapped_column(Integer, default=0)
    items_updated: Mapped[int] = mapped_column(Integer, default=0)
    items_merged: Mapped[int] = mapped_column(Integer, default=0)
    items_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    items_dropped: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    dropped_reasons: Mapped[dict[str, int] | None] = mapped_column(JSON)
    http_status: Mapped[dict[str, int] | None] = mapped_column(JSON)
    finish_reason: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str | None] = mapped_column(Text)
    args: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    __table_args__ = (Index("ix_crawl_runs_source_started_at", "source", "started_at"),)


class Resume(Base):
    """An uploaded resume: personal data, readable only with the admin key."""

    __tablename__ = "resumes"
    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    # Sanitised display name; the file itself lives under a server-generated name.
    filename: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str | None] = mapped_column(String(8))
    size: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    candidate_name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(32))
    country_code: Mapped[str | None] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(String(120))
    total_hours: Mapped[int | None] = mapped_column(Integer, index=True)
    pic_hours: Mapped[int | None] = mapped_column(Integer)
    medical_class: Mapped[int | None] = mapped_column(Integer)
    # Codes wrapped as ",ATPL(A),CPL(A)," so "holds X" is one indexed-free LIKE on both databases.
    licences: Mapped[str] = mapped_column(Text, default=",")
    type_ratings: Mapped[str] = mapped_column(Text, default=",")
    parsed: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    info: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    confidence: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


def table_of(model: type[Base]) -> Table:
    """The Core Table of a model, typed as such (`__table__` is typed as a generic FromClause)."""
    return cast(Table, model.__table__)
