"""The GraphQL schema: Query and Mutation composed from per-area mixins, with the security limits.

Each area (jobs, companies, analytics, crawls, admin, resumes) contributes a Query/Mutation mixin.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

import strawberry
from graphql import GraphQLError
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from graphql_api.execution import use_fast_fields
from graphql_api.security import schema_extensions, should_mask_error
from graphql_api.types.admin import AdminMutation, AdminQuery
from graphql_api.types.analytics import AnalyticsQuery
from graphql_api.types.companies import CompanyQuery
from graphql_api.types.crawl import CrawlQuery
from graphql_api.types.jobs import JobQuery
from graphql_api.types.operations import OperationsMutation, OperationsQuery
from graphql_api.types.resumes import ResumeMutation, ResumeQuery

QUERIES: tuple[type, ...] = (
    JobQuery,
    CompanyQuery,
    AnalyticsQuery,
    CrawlQuery,
    AdminQuery,
    ResumeQuery,
    OperationsQuery,
)
MUTATIONS: tuple[type, ...] = (AdminMutation, ResumeMutation, OperationsMutation)
# Set per request by the app's middleware, so server log lines can be matched to a response.
request_id: ContextVar[str] = ContextVar("request_id", default="-")
log = logging.getLogger("graphql_api.errors")


class AeroScrapSchema(strawberry.Schema):
    """A Schema that logs unexpected errors with their traceback and the request id."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if should_mask_error(error):
                log.error(
                    "request_id=%s path=%s: %s",
                    request_id.get(),
                    error.path,
                    error.message,
                    exc_info=error.original_error,
                )
            else:
                # The client's own mistakes: worth a line, not a traceback.
                log.info("request_id=%s rejected: %s", request_id.get(), error.message)


def build_schema(
    *,
    production: bool = False,
) -> strawberry.Schema:
    """Compose the schema; `production` turns off introspection and field suggestions."""
    query = merge_types("Query", QUERIES)
    mutation = merge_types("Mutation", MUTATIONS)
    schema = AeroScrapSchema(
        query=query,
        mutation=mutation,
        extensions=schema_extensions(production=production),
        config=StrawberryConfig(disable_field_suggestions=production),
    )
    use_fast_fields(schema)
    return schema


# The development schema, for `strawberry export-schema graphql_api.schema:schema`.
schema = build_schema()
