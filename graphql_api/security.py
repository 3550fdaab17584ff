"""Limits and checks of RELIABILITY.md: admin key, query depth/alias/token limits, error masking."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from typing import Any

from graphql import ASTValidationRule, GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

MAX_DEPTH = 8
MAX_ALIASES = 15
MAX_TOKENS = 2000
MAX_BODY_BYTES = 1024 * 1024
MAX_FIRST = 100
DEFAULT_FIRST = 20
MAX_OFFSET = 10_000


def bad_input(message: str) -> GraphQLError:
    """An error about an argument the client can fix (extensions.code BAD_USER_INPUT)."""
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def check_page(first: int, offset: int = 0) -> None:
    """Raise BAD_USER_INPUT unless 1 <= first <= MAX_FIRST and 0 <= offset <= MAX_OFFSET."""
    if not 1 <= first <= MAX_FIRST:
        raise bad_input(f"first must be between 1 and {MAX_FIRST}, got {first}")
    if not 0 <= offset <= MAX_OFFSET:
        raise bad_input(f"offset must be between 0 and {MAX_OFFSET}, got {offset}")


def key_digest(key: str | None) -> bytes | None:
    """sha256 of the configured admin key; None (admin disabled) when it is unset or empty."""
    return hashlib.sha256(key.encode()).digest() if key else None


def is_admin_request(authorization: str | None, digest: bytes | None) -> bool:
    """True only for `Authorization: Bearer <key>` matching the configured key (constant time).

    Digests of equal length are compared, so neither the key's length nor a prefix leaks through
    timing; an empty or missing key never matches, and no key configured means no admin at all.
    """
    if digest is None or not authorization:
        return False
    scheme, _, presented = authorization.partition(" ")
    presented = presented.strip()
    if scheme.lower() != "bearer" or not presented:
        return False
    return hmac.compare_digest(hashlib.sha256(presented.encode()).digest(), digest)


def should_mask_error(error: GraphQLError) -> bool:
    """Mask only errors that did not start as GraphQL errors (bugs, driver errors, ...).

    Validation errors (depth, aliases, tokens, unknown fields) and our own BAD_USER_INPUT /
    UNAUTHENTICATED errors carry no internals and must reach the client unchanged.
    """
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


def validation_rules(*, production: bool) -> list[type[ASTValidationRule]]:
    """Depth and alias limits (and no introspection in production), built once per schema.

    Building the rule classes once matters: ValidationCache keys on the rule classes, so a new
    class per request would make every request a cache miss.
    """
    rules: list[type[ASTValidationRule]] = [
        depth_validator(MAX_DEPTH, None, None),
        alias_validator(MAX_ALIASES),
    ]
    if production:
        rules.append(NoSchemaIntrospectionCustomRule)
    return rules


def schema_extensions(*, production: bool) -> list[Callable[[], SchemaExtension]]:
    """Extension factories (Strawberry 0.341 deprecates sharing extension instances)."""
    rules = validation_rules(production=production)
    factories: list[Callable[[], Any]] = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules(rules),
        # Parsing and validating cost ~1.3 ms per request; clients repeat the same documents.
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        lambda: MaskErrors(should_mask_error=should_mask_error),
    ]
    return factories
