# Generated from specs/openaivideos.yaml and specs/mappings/openaivideos.yaml through generator/templates/layer/session.py.jinja by `make generate`: do not edit.
"""OpenAI Videos API format (`openaivideos`): provider calls through the generated `openaivideos_client`.

Rendered from specs/mappings/openaivideos.yaml; the generated modules and request classes are imported
statically, so `mypy --strict` checks this adapter against the generated client. Sync and async methods
come from one macro.

Each request is built by the generated module (`_get_kwargs`: path, headers, JSON or multipart body from the
generated request model, which checks the body) and sent on the generated client's httpx client within the
call loop's limits (`sora_unified._http.RequestLimits`: one deadline for the exchange, a size cap). The answer is
not parsed into the generated response models (`sync_detailed` would, only for sora_unified to read the JSON
again and to lose the bytes when an off-schema body fails that parse): the caller reads the body once.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager

import httpx
from openaivideos_client import AuthenticatedClient
from openaivideos_client.api.videos import create_video as _submit_op
from openaivideos_client.api.videos import get_video as _get_op
from openaivideos_client.api.videos import retrieve_video_content as _download_op
from openaivideos_client.models import CreateVideoMultipartBody
from sora_unified._http import RequestLimits
from sora_unified._spec import RawResponse, ReferenceUpload


class Session:
    """One generated `AuthenticatedClient` (one connection pool) and the calls sora_unified makes with it."""

    def __init__(self, *, base_url: str, token: str, timeout: float, httpx_args: dict[str, object]) -> None:
        self._client = AuthenticatedClient(
            base_url=base_url, token=token, timeout=httpx.Timeout(timeout), httpx_args=httpx_args
        )

    # Set from the mapping's download.operation: the result is fetched through this API operation, with the key.
    content_operation: str | None = "retrieveVideoContent"

    def __repr__(self) -> str:
        return "Session(openaivideos)"

    def submit_sync(
        self, body: Mapping[str, object], idempotency_key: str | None, limits: RequestLimits
    ) -> RawResponse:
        """createVideo with the mapped body, checked by the generated model."""
        kwargs = _submit_op._get_kwargs(
            body=CreateVideoMultipartBody.from_dict(dict(body)),
        )
        return limits.send_sync(self._client.get_httpx_client(), kwargs)

    def get_sync(self, task_id: str, limits: RequestLimits) -> RawResponse:
        """getVideo for one task."""
        kwargs = _get_op._get_kwargs(task_id)
        return limits.send_sync(self._client.get_httpx_client(), kwargs)

    def upload_sync(self, upload: ReferenceUpload, limits: RequestLimits) -> RawResponse:
        """openaivideos has no Files API in its mapping: validation refuses local files before this point."""
        raise NotImplementedError(f"openaivideos cannot upload {upload.file_name}")

    def content_sync(
        self, task_id: str, *, headers: Mapping[str, str], timeout: httpx.Timeout
    ) -> AbstractContextManager[httpx.Response]:
        """retrieveVideoContent: the result file, streamed; redirects are not followed here."""
        kwargs = _download_op._get_kwargs(task_id)
        # The key is on the generated client; sora_unified follows any redirect without it.
        return self._client.get_httpx_client().stream(
            kwargs["method"],
            kwargs["url"],
            params=kwargs.get("params"),
            headers={**kwargs.get("headers", {}), **headers},
            timeout=timeout,
            follow_redirects=False,
        )

    def close_sync(self) -> None:
        """Close the generated client's connections."""
        self._client.get_httpx_client().close()

    async def submit_async(
        self, body: Mapping[str, object], idempotency_key: str | None, limits: RequestLimits
    ) -> RawResponse:
        """createVideo with the mapped body, checked by the generated model."""
        kwargs = _submit_op._get_kwargs(
            body=CreateVideoMultipartBody.from_dict(dict(body)),
        )
        return await limits.send_async(self._client.get_async_httpx_client(), kwargs)

    async def get_async(self, task_id: str, limits: RequestLimits) -> RawResponse:
        """getVideo for one task."""
        kwargs = _get_op._get_kwargs(task_id)
        return await limits.send_async(self._client.get_async_httpx_client(), kwargs)

    async def upload_async(self, upload: ReferenceUpload, limits: RequestLimits) -> RawResponse:
        """openaivideos has no Files API in its mapping: validation refuses local files before this point."""
        raise NotImplementedError(f"openaivideos cannot upload {upload.file_name}")

    def content_async(
        self, task_id: str, *, headers: Mapping[str, str], timeout: httpx.Timeout
    ) -> AbstractAsyncContextManager[httpx.Response]:
        """retrieveVideoContent: the result file, streamed; redirects are not followed here."""
        kwargs = _download_op._get_kwargs(task_id)
        # The key is on the generated client; sora_unified follows any redirect without it.
        return self._client.get_async_httpx_client().stream(
            kwargs["method"],
            kwargs["url"],
            params=kwargs.get("params"),
            headers={**kwargs.get("headers", {}), **headers},
            timeout=timeout,
            follow_redirects=False,
        )

    async def close_async(self) -> None:
        """Close the generated client's connections."""
        await self._client.get_async_httpx_client().aclose()
