# Generated from specs/unifiedvideo.yaml by `make generate`: do not edit.
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_video_request import CreateVideoRequest
from ...models.create_video_response import CreateVideoResponse
from ...models.unified_video_error_response import UnifiedVideoErrorResponse
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: CreateVideoRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/video/create",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateVideoResponse | UnifiedVideoErrorResponse | None:
    if response.status_code == 200:
        response_200 = CreateVideoResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = UnifiedVideoErrorResponse.from_dict(response.json())

        return response_401

    if 400 <= response.status_code <= 499:
        response_4xx = UnifiedVideoErrorResponse.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = UnifiedVideoErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateVideoResponse | UnifiedVideoErrorResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateVideoRequest,
) -> Response[CreateVideoResponse | UnifiedVideoErrorResponse]:
    """Create a Sora 2 video task

     Creates an asynchronous video task and returns its id (`sora-2:task_…`, also for `sora-2-pro`)
    with status `pending`. Poll it with `queryVideo`.
    Docs: https://aiapi-
    doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html
    (sora-2-pro), https://v98store.com/html_docs/api-358068995.html (sora-2),
    https://docs.octopusx.ai/en/videos/sora/unified-generation (English rewrite with optional extras).

    Args:
        body (CreateVideoRequest): Body of POST /v1/video/create. Per-model rules (duration, size)
            are in `allOf` (if model is sora-2-pro / sora-2) and, for tools, in UnifiedModel's
            `x-model-capabilities`. Docs: https://aiapi-
            doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateVideoResponse | UnifiedVideoErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateVideoRequest,
) -> CreateVideoResponse | UnifiedVideoErrorResponse | None:
    """Create a Sora 2 video task

     Creates an asynchronous video task and returns its id (`sora-2:task_…`, also for `sora-2-pro`)
    with status `pending`. Poll it with `queryVideo`.
    Docs: https://aiapi-
    doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html
    (sora-2-pro), https://v98store.com/html_docs/api-358068995.html (sora-2),
    https://docs.octopusx.ai/en/videos/sora/unified-generation (English rewrite with optional extras).

    Args:
        body (CreateVideoRequest): Body of POST /v1/video/create. Per-model rules (duration, size)
            are in `allOf` (if model is sora-2-pro / sora-2) and, for tools, in UnifiedModel's
            `x-model-capabilities`. Docs: https://aiapi-
            doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateVideoResponse | UnifiedVideoErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateVideoRequest,
) -> Response[CreateVideoResponse | UnifiedVideoErrorResponse]:
    """Create a Sora 2 video task

     Creates an asynchronous video task and returns its id (`sora-2:task_…`, also for `sora-2-pro`)
    with status `pending`. Poll it with `queryVideo`.
    Docs: https://aiapi-
    doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html
    (sora-2-pro), https://v98store.com/html_docs/api-358068995.html (sora-2),
    https://docs.octopusx.ai/en/videos/sora/unified-generation (English rewrite with optional extras).

    Args:
        body (CreateVideoRequest): Body of POST /v1/video/create. Per-model rules (duration, size)
            are in `allOf` (if model is sora-2-pro / sora-2) and, for tools, in UnifiedModel's
            `x-model-capabilities`. Docs: https://aiapi-
            doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateVideoResponse | UnifiedVideoErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateVideoRequest,
) -> CreateVideoResponse | UnifiedVideoErrorResponse | None:
    """Create a Sora 2 video task

     Creates an asynchronous video task and returns its id (`sora-2:task_…`, also for `sora-2-pro`)
    with status `pending`. Poll it with `queryVideo`.
    Docs: https://aiapi-
    doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html
    (sora-2-pro), https://v98store.com/html_docs/api-358068995.html (sora-2),
    https://docs.octopusx.ai/en/videos/sora/unified-generation (English rewrite with optional extras).

    Args:
        body (CreateVideoRequest): Body of POST /v1/video/create. Per-model rules (duration, size)
            are in `allOf` (if model is sora-2-pro / sora-2) and, for tools, in UnifiedModel's
            `x-model-capabilities`. Docs: https://aiapi-
            doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateVideoResponse | UnifiedVideoErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
