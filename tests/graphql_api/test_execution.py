"""The fast field paths give exactly what Strawberry's own execution gives, errors included."""

from __future__ import annotations

import asyncio
import enum
from datetime import date
from typing import Any

import pytest
import strawberry
from strawberry.extensions import ParserCache

from graphql_api.execution import use_fast_fields
from graphql_api.types.common import Deferred, scalar_input


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
class Tag:
    label: str
    weight: float | None


@strawberry.type
class Box:
    name: str
    tags: list[Tag]
    main: Tag | None
    strict: Tag
    item: Item | None

    @strawberry.field
    def size(self) -> int:
        return len(self.tags)


async def _later_tag() -> Tag:
    return Tag(label="later", weight=None)


GOOD = Item(name="a", colour=Colour.RED, day=date(2026, 11, 26), count=3)
MISSING: Any = None  # a null where the schema promises a value


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        bad = Item(name=MISSING, colour=Colour.BLUE, day=None, count="x")  # type: ignore[arg-type]
        return [GOOD, bad]

    @strawberry.field
    def boxes(self) -> list[Box]:
        tag = Tag(label="t", weight=1.5)
        return [
            Box(
                name="full",
                tags=[tag, Tag(label="u", weight=None)],
                main=tag,
                strict=tag,
                item=GOOD,
            ),
            Box(name="empty", tags=[], main=None, strict=tag, item=None),
            # A value still to be awaited, as a page's lazily loaded relation.
            Box(name="lazy", tags=[tag], main=Deferred(_later_tag), strict=tag, item=None),  # type: ignore[arg-type]
        ]

    @strawberry.field
    def broken_boxes(self) -> list[Box | None]:
        tag = Tag(label="t", weight=1.5)
        unlabelled = Tag(label=MISSING, weight=2.0)
        return [
            Box(name="ok", tags=[tag], main=tag, strict=tag, item=None),
            Box(name="bad tag", tags=[tag, unlabelled], main=None, strict=tag, item=None),
            Box(name="bad strict", tags=[], main=None, strict=unlabelled, item=None),
            Box(
                name="bad weight",
                tags=[Tag(label="w", weight="heavy")],  # type: ignore[arg-type]
                main=None,
                strict=tag,
                item=None,
            ),
        ]


QUERIES = [
    "{ items { name colour day count } }",
    "{ items { colour day shout(times: 2) } }",
    "fragment F on Item { colour day } { items { ...F c: colour } }",
    "{ items { count } }",
    "{ boxes { name tags { label weight } main { label } strict { weight } item { day } } }",
    "{ boxes { __typename n: name tags { __typename w: weight label } size } }",
    "fragment T on Tag { label } { boxes { main { ...T weight } tags { ...T } item { colour } } }",
    "query($on: Boolean!) { boxes { name main @include(if: $on) { label } strict @skip(if: $on) { label } } }",
    "{ brokenBoxes { name tags { label } } }",
    "{ brokenBoxes { name strict { label weight } main { label } } }",
    "{ brokenBoxes { tags { weight } } }",
]


def _run(
    schema: strawberry.Schema, query: str, variables: dict[str, Any] | None = None
) -> tuple[Any, list[tuple[str, Any]]]:
    # Asynchronous execution: some values are awaitables, as lazily loaded relations are.
    result = asyncio.run(schema.execute(query, variable_values=variables or {"on": True}))
    errors = [(e.message, e.path) for e in result.errors or []]
    return result.data, errors


def test_fast_paths_match_strawberry_results_and_errors() -> None:
    plain = strawberry.Schema(query=Query)
    fast = strawberry.Schema(query=Query)
    use_fast_fields(fast)
    assert fast.execution_context_class is not plain.execution_context_class
    for query in QUERIES:
        assert _run(fast, query) == _run(plain, query), query
    switched = QUERIES[7]
    assert _run(fast, switched, {"on": False}) == _run(plain, switched, {"on": False})
    data, errors = _run(fast, "{ boxes { name main { label } } }")
    assert not errors
    assert data["boxes"][2] == {"name": "lazy", "main": {"label": "later"}}
    data, errors = _run(fast, QUERIES[8])
    # The null in Tag.label nulls the box (list items are nullable), with the error at its path.
    assert data["brokenBoxes"][1] is None and data["brokenBoxes"][0]["name"] == "ok"
    assert [path for _, path in errors] == [["brokenBoxes", 1, "tags", 1, "label"]]
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
    built.clear()
    data, _ = _run(schema, "{ boxes { name tags { label } strict { weight } } }")
    assert data["boxes"][0]["tags"] == [{"label": "t"}, {"label": "u"}]
    # Nor do plain objects and lists of them, however deep.
    assert built == ["boxes"]


def test_completers_are_built_once_per_query_text_unless_directives_vary_it() -> None:
    # ParserCache gives each request of one text the same syntax tree, as in the app.
    schema = strawberry.Schema(query=Query, extensions=[lambda: ParserCache(maxsize=8)])
    use_fast_fields(schema)
    built: list[str] = []
    base = schema.execution_context_class

    class Counting(base):  # type: ignore[valid-type,misc]
        def _build(self, output: Any, nodes: Any) -> Any:
            built.append(str(output))
            return super()._build(output, nodes)

    schema.execution_context_class = Counting
    fixed = "{ boxes { name tags { label } } }"
    first = _run(schema, fixed)
    assert built
    count = len(built)
    assert _run(schema, fixed) == first and len(built) == count
    # With @include the selection depends on the variables: built per request, both ways right.
    varying = "query($on: Boolean!) { boxes { name main @include(if: $on) { label } } }"
    on, off = _run(schema, varying, {"on": True}), _run(schema, varying, {"on": False})
    assert "main" in on[0]["boxes"][0] and "main" not in off[0]["boxes"][0]
    before = len(built)
    _run(schema, varying, {"on": True})
    assert len(built) > before


@strawberry.input
class PlainFilter:
    colour: Colour | None = None
    day: date | None = None
    min_count: int | None = None
    name: str | None = None


@scalar_input
@strawberry.input
class FastFilter:
    colour: Colour | None = None
    day: date | None = None
    min_count: int | None = None
    name: str | None = None


@strawberry.type
class FilterQuery:
    @strawberry.field
    def plain(self, f: PlainFilter | None = None) -> str:
        return repr(sorted(vars(f).items())) if f is not None else "none"

    @strawberry.field
    def fast(self, f: FastFilter | None = None) -> str:
        return repr(sorted(vars(f).items())) if f is not None else "none"


@pytest.mark.parametrize(
    ("args", "variables"),
    [
        ('(f: {colour: BLUE, day: "2026-11-26", minCount: 3})', {}),
        ("(f: {name: null})", {}),
        ("(f: {})", {}),
        ("", {}),
        ("(f: $f)", {"f": {"colour": "RED", "day": "2025-01-31", "name": "x"}}),
        ("(f: $f)", {"f": None}),
    ],
)
def test_scalar_inputs_are_built_as_strawberry_builds_them(
    args: str, variables: dict[str, Any]
) -> None:
    schema = strawberry.Schema(query=FilterQuery)
    head = "query($f: PlainFilter)" if "$f" in args else ""
    plain = asyncio.run(schema.execute(f"{head} {{ plain{args} }}", variable_values=variables))
    head = "query($f: FastFilter)" if "$f" in args else ""
    fast = asyncio.run(schema.execute(f"{head} {{ fast{args} }}", variable_values=variables))
    assert plain.errors is None and fast.errors is None
    assert fast.data == {"fast": plain.data["plain"]}  # type: ignore[index]
    if "colour" in args or variables.get("f"):
        assert "<Colour." in plain.data["plain"]  # type: ignore[index]  # enum members, not names


def test_scalar_input_refuses_inputs_with_nested_inputs() -> None:
    @strawberry.input
    class Outer:
        inner: PlainFilter | None = None

    with pytest.raises(TypeError, match=r"Outer\.inner is not a scalar or an enum"):
        scalar_input(Outer)

    @strawberry.input
    class Many:
        days: list[date] | None = None

    with pytest.raises(TypeError, match=r"Many\.days"):
        scalar_input(Many)
