"""Run the API under uvicorn with the limits of RELIABILITY.md (uvloop + httptools, gc.freeze)."""

from __future__ import annotations

import gc
import logging

import uvicorn

from aeroscrap.config import get_settings
from graphql_api.app import create_app

log = logging.getLogger(__name__)


def create_frozen_app() -> object:
    """App factory for uvicorn workers: build the app, then freeze what start-up allocated.

    gc.freeze() moves start-up objects (schema, vocabularies, SQLAlchemy metadata) out of the
    collector's reach; gen-2 passes over them caused the 40-70 ms p99 spikes of PERFORMANCE.md.
    """
    app = create_app(get_settings())
    gc.collect()
    gc.freeze()
    return app


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve the API (blocking) until SIGINT/SIGTERM."""
    get_settings()  # Bad configuration fails here, with a clear message, before any worker starts.
    uvicorn.run(
        "graphql_api.server:create_frozen_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        loop="uvloop",
        http="httptools",
        limit_concurrency=200,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=10,
        server_header=False,
        # Subscriptions are off; refusing the upgrade outright keeps WebSocket floods cheap.
        ws="none",
        access_log=False,
        log_level=get_settings().log_level.lower(),
    )
