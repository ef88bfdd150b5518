# Generated from specs/rivya.yaml and specs/mappings/rivya.yaml through generator/templates/layer/session.py.jinja by `make generate`: do not edit.
"""Rivya AI (`rivya`): provider calls through the generated `rivya_client`.

Rendered from specs/mappings/rivya.yaml; the generated modules and request classes are imported
statically, so `mypy --strict` checks this adapter against the generated client. Sync and async methods
come from one macro.

Each request is built by the generated module (`_get_kwargs`: path, headers, JSON or multipart body from the
generated request model, which checks the body) and sent on the generated client's httpx client within the
call loop's limits (`sora_unified._http.RequestLimits`: one deadline for the exchange, a size cap). The answer is
not parsed into the generated response models (`sync_detailed` would, only for sora_unified to read the JSON
again and to lose the bytes when an off-schema body fails that parse): the caller reads the body once.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import httpx
from rivya_client import AuthenticatedClient
from rivya_client.api.files import upload_file as _upload_op
from rivya_client.api.generations import create_generation as _submit_op
from rivya_client.api.generations import get_generation as _get_op
from rivya_client.models import CreateGenerationRequest, UploadFileRequest
from rivya_client.types import UNSET, File
from sora_unified._http import RequestLimits
from sora_unified._spec import RawResponse, ReferenceUpload


class Session:
    """One generated `AuthenticatedClient` (one connection pool) and the calls sora_unified makes with it."""

    def __init__(self, *, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]) -> None:
        self._client = AuthenticatedClient(
            base_url=base_url, token=token, timeout=httpx.Timeout(timeout), httpx_args=httpx_args
        )

    def __repr__(self) -> str:
        return "Session(rivya)"

    def submit_sync(
        self, body: Mapping[str, object], idempotency_key: str | None, limits: RequestLimits
    ) -> RawResponse:
        """createGeneration with the mapped body and the idempotency key, checked by the generated model."""
        kwargs = _submit_op._get_kwargs(
            body=CreateGenerationRequest.from_dict(dict(body)),
            idempotency_key=idempotency_key if idempotency_key is not None else UNSET,
        )
        return limits.send_sync(self._client.get_httpx_client(), kwargs)

    def get_sync(self, task_id: str, limits: RequestLimits) -> RawResponse:
        """getGeneration for one task."""
        kwargs = _get_op._get_kwargs(task_id)
        return limits.send_sync(self._client.get_httpx_client(), kwargs)

    def upload_sync(self, upload: ReferenceUpload, limits: RequestLimits) -> RawResponse:
        """uploadFile: multipart upload of a local reference file."""
        fields: dict[str, object] = {
            "kind": f"{upload.kind}",
            "model": f"{upload.model}",
        }
        model = UploadFileRequest.from_dict({**fields, "file": upload.content})
        model.file = File(payload=io.BytesIO(upload.content), file_name=upload.file_name, mime_type=upload.mime_type)
        # The generated module writes the multipart files from the model; httpx draws a fresh boundary.
        return limits.send_sync(self._client.get_httpx_client(), _upload_op._get_kwargs(body=model))

    def close_sync(self) -> None:
        """Close the generated client's connections."""
        self._client.get_httpx_client().close()

    async def submit_async(
        self, body: Mapping[str, object], idempotency_key: str | None, limits: RequestLimits
    ) -> RawResponse:
        """createGeneration with the mapped body and the idempotency key, checked by the generated model."""
        kwargs = _submit_op._get_kwargs(
            body=CreateGenerationRequest.from_dict(dict(body)),
            idempotency_key=idempotency_key if idempotency_key is not None else UNSET,
        )
        return await limits.send_async(self._client.get_async_httpx_client(), kwargs)

    async def get_async(self, task_id: str, limits: RequestLimits) -> RawResponse:
        """getGeneration for one task."""
        kwargs = _get_op._get_kwargs(task_id)
        return await limits.send_async(self._client.get_async_httpx_client(), kwargs)

    async def upload_async(self, upload: ReferenceUpload, limits: RequestLimits) -> RawResponse:
        """uploadFile: multipart upload of a local reference file."""
        fields: dict[str, object] = {
            "kind": f"{upload.kind}",
            "model": f"{upload.model}",
        }
        model = UploadFileRequest.from_dict({**fields, "file": upload.content})
        model.file = File(payload=io.BytesIO(upload.content), file_name=upload.file_name, mime_type=upload.mime_type)
        # The generated module writes the multipart files from the model; httpx draws a fresh boundary.
        return await limits.send_async(self._client.get_async_httpx_client(), _upload_op._get_kwargs(body=model))

    async def close_async(self) -> None:
        """Close the generated client's connections."""
        await self._client.get_async_httpx_client().aclose()
