# Generated from specs/unifiedvideo.yaml by `make generate`: do not edit.
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.unified_video_error_response import UnifiedVideoErrorResponse
from ...models.video_query_response import VideoQueryResponse
from ...types import UNSET, Response, http_status


def _get_kwargs(
    *,
    id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["id"] = id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/video/query",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> UnifiedVideoErrorResponse | VideoQueryResponse | None:
    if response.status_code == 200:
        response_200 = VideoQueryResponse.from_dict(response.json())

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
) -> Response[UnifiedVideoErrorResponse | VideoQueryResponse]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    id: str,
) -> Response[UnifiedVideoErrorResponse | VideoQueryResponse]:
    """Query a video task

     Returns the task's current state; `video_url` appears once `status` is `completed`.
    `detail` carries the echoed input and the raw upstream task and is opaque provider data.
    Docs: https://doc.aimanyi.top/api-358068905.html, https://jusu-api.apifox.cn/359865498e0,
    https://docs.octopusx.ai/en/videos/sora/unified-query ("perform compatible parsing based on
    the actual response").

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UnifiedVideoErrorResponse | VideoQueryResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    id: str,
) -> UnifiedVideoErrorResponse | VideoQueryResponse | None:
    """Query a video task

     Returns the task's current state; `video_url` appears once `status` is `completed`.
    `detail` carries the echoed input and the raw upstream task and is opaque provider data.
    Docs: https://doc.aimanyi.top/api-358068905.html, https://jusu-api.apifox.cn/359865498e0,
    https://docs.octopusx.ai/en/videos/sora/unified-query ("perform compatible parsing based on
    the actual response").

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UnifiedVideoErrorResponse | VideoQueryResponse
    """

    return sync_detailed(
        client=client,
        id=id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    id: str,
) -> Response[UnifiedVideoErrorResponse | VideoQueryResponse]:
    """Query a video task

     Returns the task's current state; `video_url` appears once `status` is `completed`.
    `detail` carries the echoed input and the raw upstream task and is opaque provider data.
    Docs: https://doc.aimanyi.top/api-358068905.html, https://jusu-api.apifox.cn/359865498e0,
    https://docs.octopusx.ai/en/videos/sora/unified-query ("perform compatible parsing based on
    the actual response").

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UnifiedVideoErrorResponse | VideoQueryResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    id: str,
) -> UnifiedVideoErrorResponse | VideoQueryResponse | None:
    """Query a video task

     Returns the task's current state; `video_url` appears once `status` is `completed`.
    `detail` carries the echoed input and the raw upstream task and is opaque provider data.
    Docs: https://doc.aimanyi.top/api-358068905.html, https://jusu-api.apifox.cn/359865498e0,
    https://docs.octopusx.ai/en/videos/sora/unified-query ("perform compatible parsing based on
    the actual response").

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UnifiedVideoErrorResponse | VideoQueryResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
        )
    ).parsed
