"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 13:31:53.574743
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# Full-text search is kept current by the database itself: a generated tsvector column on
# PostgreSQL, an external-content FTS5 table maintained by triggers on SQLite. Both index
# jobs.search_text, which the application fills with folded (lowercase, accent-free) text,
# so "zurich" finds "Zürich" on both. The 'simple' configuration avoids English stemming of
# aircraft codes and place names.
_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE jobs_fts USING fts5(search_text, content='jobs', content_rowid='id', "
    "tokenize=\"unicode61 remove_diacritics 2 tokenchars '.'\")",
    "CREATE TRIGGER jobs_fts_ai AFTER INSERT ON jobs BEGIN "
    "INSERT INTO jobs_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER jobs_fts_ad AFTER DELETE ON jobs BEGIN "
    "INSERT INTO jobs_fts(jobs_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER jobs_fts_au AFTER UPDATE OF search_text ON jobs BEGIN "
    "INSERT INTO jobs_fts(jobs_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO jobs_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]


def _create_fts() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE jobs ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED"
        )
        op.execute("CREATE INDEX ix_jobs_search_vector ON jobs USING gin (search_vector)")
    else:
        for statement in _SQLITE_FTS:
            op.execute(statement)


def _drop_fts() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_jobs_search_vector")
        op.execute("ALTER TABLE jobs DROP COLUMN IF EXISTS search_vector")
    else:
        for trigger in ("jobs_fts_ai", "jobs_fts_ad", "jobs_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS jobs_fts")


def upgrade() -> None:
    op.create_table(
        "companies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("operation_type", sa.String(length=32), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("is_agency", sa.Boolean(), nullable=False),
        sa.Column("curated", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_companies")),
        sa.UniqueConstraint("key", name=op.f("uq_companies_key")),
    )
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pid", sa.Integer(), nullable=True),
        sa.Column("hostname", sa.String(length=255), nullable=True),
        sa.Column("scrapyd_job_id", sa.String(length=64), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("items_found", sa.Integer(), nullable=False),
        sa.Column("items_inserted", sa.Integer(), nullable=False),
        sa.Column("items_updated", sa.Integer(), nullable=False),
        sa.Column("items_merged", sa.Integer(), nullable=False),
        sa.Column("items_unchanged", sa.Integer(), nullable=False),
        sa.Column("items_dropped", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("dropped_reasons", sa.JSON(), nullable=True),
        sa.Column("http_status", sa.JSON(), nullable=True),
        sa.Column("finish_reason", sa.String(length=64), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("args", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
    )
    with op.batch_alter_table("crawl_runs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_crawl_runs_scrapyd_job_id"), ["scrapyd_job_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_crawl_runs_source"), ["source"], unique=False)
        batch_op.create_index(
            "ix_crawl_runs_source_started_at", ["source", "started_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_crawl_runs_status"), ["status"], unique=False)

    op.create_table(
        "resumes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("stored_name", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("candidate_name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("city", sa.String(length=120), nullable=True),
        sa.Column("total_hours", sa.Integer(), nullable=True),
        sa.Column("pic_hours", sa.Integer(), nullable=True),
        sa.Column("medical_class", sa.Integer(), nullable=True),
        sa.Column("licences", sa.Text(), nullable=False),
        sa.Column("type_ratings", sa.Text(), nullable=False),
        sa.Column("parsed", sa.JSON(), nullable=True),
        sa.Column("info", sa.JSON(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resumes")),
        sa.UniqueConstraint("public_id", name=op.f("uq_resumes_public_id")),
        sa.UniqueConstraint("sha256", name=op.f("uq_resumes_sha256")),
    )
    with op.batch_alter_table("resumes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resumes_total_hours"), ["total_hours"], unique=False)

    op.create_table(
        "company_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("variant", sa.String(length=200), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_company_mappings_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_mappings")),
        sa.UniqueConstraint("variant", name=op.f("uq_company_mappings_variant")),
    )
    with op.batch_alter_table("company_mappings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_company_mappings_company_id"), ["company_id"], unique=False
        )

    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("url_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("source_job_id", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("normalized_title", sa.String(length=300), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("city", sa.String(length=120), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("operation_type", sa.String(length=32), nullable=True),
        sa.Column("senior_flag", sa.Boolean(), nullable=False),
        sa.Column("contract_type", sa.String(length=20), nullable=True),
        sa.Column("posted_date", sa.Date(), nullable=True),
        sa.Column("posted_estimated", sa.Boolean(), nullable=False),
        sa.Column("valid_through", sa.Date(), nullable=True),
        sa.Column("salary_min", sa.Float(), nullable=True),
        sa.Column("salary_max", sa.Float(), nullable=True),
        sa.Column("salary_currency", sa.String(length=3), nullable=True),
        sa.Column("salary_period", sa.String(length=10), nullable=True),
        sa.Column("apply_url", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("description_truncated", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requirements", sa.JSON(), nullable=True),
        sa.Column("block_key", sa.String(length=200), nullable=False),
        sa.Column("dedup_features", sa.JSON(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("raw_json", sa.JSON(), nullable=True),
        sa.Column("last_checked", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_jobs_company_id_companies"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
        sa.UniqueConstraint("url_hash", name=op.f("uq_jobs_url_hash")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jobs_block_key"), ["block_key"], unique=False)
        batch_op.create_index("ix_jobs_company", ["company"], unique=False)
        batch_op.create_index("ix_jobs_company_id", ["company_id"], unique=False)
        batch_op.create_index("ix_jobs_country_code", ["country_code"], unique=False)
        batch_op.create_index("ix_jobs_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index("ix_jobs_operation_type", ["operation_type"], unique=False)
        batch_op.create_index("ix_jobs_posted_date_id", ["posted_date", "id"], unique=False)
        batch_op.create_index("ix_jobs_senior_flag", ["senior_flag"], unique=False)
        batch_op.create_index("ix_jobs_source", ["source"], unique=False)
        batch_op.create_index("ix_jobs_status", ["status"], unique=False)
        batch_op.create_index("ix_jobs_updated_at_id", ["updated_at", "id"], unique=False)

    op.create_table(
        "job_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("source_job_id", sa.String(length=200), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("url_hash", sa.String(length=64), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_job_sources_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_sources")),
        sa.UniqueConstraint("url_hash", name=op.f("uq_job_sources_url_hash")),
    )
    with op.batch_alter_table("job_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_sources_job_id"), ["job_id"], unique=False)
        batch_op.create_index(
            "ix_job_sources_source_source_job_id", ["source", "source_job_id"], unique=False
        )

    _create_fts()


def downgrade() -> None:
    _drop_fts()
    with op.batch_alter_table("job_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_job_sources_source_source_job_id")
        batch_op.drop_index(batch_op.f("ix_job_sources_job_id"))

    op.drop_table("job_sources")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_jobs_updated_at_id")
        batch_op.drop_index("ix_jobs_status")
        batch_op.drop_index("ix_jobs_source")
        batch_op.drop_index("ix_jobs_senior_flag")
        batch_op.drop_index("ix_jobs_posted_date_id")
        batch_op.drop_index("ix_jobs_operation_type")
        batch_op.drop_index("ix_jobs_created_at_id")
        batch_op.drop_index("ix_jobs_country_code")
        batch_op.drop_index("ix_jobs_company_id")
        batch_op.drop_index("ix_jobs_company")
        batch_op.drop_index(batch_op.f("ix_jobs_block_key"))

    op.drop_table("jobs")
    with op.batch_alter_table("company_mappings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_company_mappings_company_id"))

    op.drop_table("company_mappings")
    with op.batch_alter_table("resumes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resumes_total_hours"))

    op.drop_table("resumes")
    with op.batch_alter_table("crawl_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crawl_runs_status"))
        batch_op.drop_index("ix_crawl_runs_source_started_at")
        batch_op.drop_index(batch_op.f("ix_crawl_runs_source"))
        batch_op.drop_index(batch_op.f("ix_crawl_runs_scrapyd_job_id"))

    op.drop_table("crawl_runs")
    op.drop_table("companies")
