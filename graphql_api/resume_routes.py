"""HTTP routes of the resume API: the multipart upload endpoint and the original-file download.

Both need the admin key in `Authorization: Bearer` (the key check of graphql_api.security).
The download serves the stored file under its sanitised display name as an attachment, never
inline, so a hostile "resume" cannot run in the API's origin.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from aeroscrap import resumes
from graphql_api.security import is_admin_request, key_digest

if TYPE_CHECKING:
    from strawberry.asgi import GraphQL

    from aeroscrap.config import Settings

UPLOAD_PATH = "/graphql/upload"
# 5 MiB of file plus the multipart framing and the operations/map parts (RELIABILITY.md A13).
UPLOAD_MAX_BODY_BYTES = 5 * 1024 * 1024 + 512 * 1024
_MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain; charset=utf-8",
}
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_NO_STORE = {"cache-control": "no-store", "x-content-type-options": "nosniff"}


def upload_route(graphql: GraphQL[Any, Any]) -> Route:
    """The /graphql/upload endpoint: the same schema and context with multipart switched on.

    Only this route accepts multipart and the larger body; /graphql keeps 1 MiB and JSON only.
    """
    upload = copy.copy(graphql)
    upload.multipart_uploads_enabled = True
    return Route(UPLOAD_PATH, upload, methods=["POST"], max_body_size=UPLOAD_MAX_BODY_BYTES)


def resume_routes(settings: Settings) -> list[Route]:
    """GET /resumes/{id}/file: the original upload, for the admin key only."""
    digest = key_digest(settings.admin_api_key)
    directory = settings.resume_dir

    async def download(request: Request) -> Response:
        if not is_admin_request(request.headers.get("authorization"), digest):
            return JSONResponse(
                {"error": "UNAUTHENTICATED", "message": "a valid admin bearer key is required"},
                status_code=401,
                headers={"www-authenticate": "Bearer", **_NO_STORE},
            )
        public_id = request.path_params["id"]
        stored = None
        if _UUID.match(public_id):
            stored = await run_in_threadpool(
                resumes.get_resume, request.app.state.engine, public_id
            )
        path = resumes.resume_path(stored, directory=directory) if stored else None
        if stored is None or path is None or not path.is_file():
            return JSONResponse({"error": "NOT_FOUND"}, status_code=404, headers=_NO_STORE)
        return FileResponse(
            path,
            media_type=_MEDIA_TYPES.get(stored.kind or "", "application/octet-stream"),
            filename=stored.filename,
            content_disposition_type="attachment",
            headers=_NO_STORE,
        )

    return [Route("/resumes/{id}/file", download, methods=["GET"])]
