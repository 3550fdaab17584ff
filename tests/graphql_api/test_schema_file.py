"""schema.graphql at the repository root must match the code (CI fails on drift)."""

from __future__ import annotations

from pathlib import Path

from graphql_api.schema import build_schema, schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_file_is_current() -> None:
    # Regenerate with: strawberry export-schema graphql_api.schema:schema --output schema.graphql
    assert SCHEMA_FILE.read_text(encoding="utf-8").strip() == schema.as_str().strip()


def test_production_schema_has_the_same_types() -> None:
    assert build_schema(production=True).as_str() == schema.as_str()
