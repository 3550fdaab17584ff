"""The fast field paths give exactly what Strawberry's own execution gives, errors included."""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import strawberry

from graphql_api.execution import use_fast_fields


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Item:
    name: str
    colour: Colour
    day: date | None
    count: int

    @strawberry.field
    def shout(self, times: int = 1) -> str:
        return self.name.upper() * times


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        good = Item(name="a", colour=Colour.RED, day=date(2026, 11, 26), count=3)
        missing: Any = None  # a null where the schema promises a value
        bad = Item(name=missing, colour=Colour.BLUE, day=None, count="x")  # type: ignore[arg-type]
        return [good, bad]


QUERIES = [
    "{ items { name colour day count } }",
    "{ items { colour day shout(times: 2) } }",
    "fragment F on Item { colour day } { items { ...F c: colour } }",
    "{ items { count } }",
]


def _run(schema: strawberry.Schema, query: str) -> tuple[Any, list[tuple[str, Any]]]:
    result = schema.execute_sync(query)
    errors = [(e.message, e.path) for e in result.errors or []]
    return result.data, errors


def test_fast_paths_match_strawberry_results_and_errors() -> None:
    plain = strawberry.Schema(query=Query)
    fast = strawberry.Schema(query=Query)
    use_fast_fields(fast)
    assert fast.execution_context_class is not plain.execution_context_class
    for query in QUERIES:
        assert _run(fast, query) == _run(plain, query), query
    data, errors = _run(fast, "{ items { name colour day } }")
    assert data is None  # the null in a non-null field nulls its non-null parents
    assert errors and errors[0][1] == ["items", 1, "name"]
    assert _run(fast, "{ items { colour day } }")[0] == {
        "items": [{"colour": "RED", "day": "2026-11-26"}, {"colour": "BLUE", "day": None}]
    }


def test_plain_scalar_fields_skip_the_resolve_machinery() -> None:
    schema = strawberry.Schema(query=Query)
    use_fast_fields(schema)
    built: list[str] = []
    base = schema.execution_context_class

    class Counting(base):  # type: ignore[valid-type,misc]
        def build_resolve_info(self, field_def: Any, *args: Any) -> Any:
            built.append(args[0][0].name.value)
            return super().build_resolve_info(field_def, *args)

    schema.execution_context_class = Counting
    data, _ = _run(schema, "{ items { colour day } }")
    assert data is not None and len(data["items"]) == 2
    # Only the resolver field builds a resolve info; its four leaves do not.
    assert built == ["items"]
