# Generated from specs/globalaiopc.yaml by `make generate`: do not edit.
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.global_ai_opc_error_response import GlobalAiOpcErrorResponse
from ...models.sora_video_task import SoraVideoTask
from ...types import Response, http_status


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/kyyReactApiServer/v1/result/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GlobalAiOpcErrorResponse | SoraVideoTask | None:
    if response.status_code == 200:
        response_200 = SoraVideoTask.from_dict(response.json())

        return response_200

    if 400 <= response.status_code <= 499:
        response_4xx = GlobalAiOpcErrorResponse.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = GlobalAiOpcErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GlobalAiOpcErrorResponse | SoraVideoTask]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[GlobalAiOpcErrorResponse | SoraVideoTask]:
    """Get a task's result

     Returns the task with its status (queued, processing, completed, failed); `video_url` once
    completed (valid for 1 day), `error` once failed. Recommended polling interval 30-60 s; stop on
    completed or failed. Docs: https://docs.globalaiopc.com/en/api-reference/video/sora/sora-query,
    https://docs.xingchaoyiqing.com/api-reference/video/sora-query,
    https://xingchao.mintlify.app/guides/async-tasks

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GlobalAiOpcErrorResponse | SoraVideoTask]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
) -> GlobalAiOpcErrorResponse | SoraVideoTask | None:
    """Get a task's result

     Returns the task with its status (queued, processing, completed, failed); `video_url` once
    completed (valid for 1 day), `error` once failed. Recommended polling interval 30-60 s; stop on
    completed or failed. Docs: https://docs.globalaiopc.com/en/api-reference/video/sora/sora-query,
    https://docs.xingchaoyiqing.com/api-reference/video/sora-query,
    https://xingchao.mintlify.app/guides/async-tasks

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalAiOpcErrorResponse | SoraVideoTask
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[GlobalAiOpcErrorResponse | SoraVideoTask]:
    """Get a task's result

     Returns the task with its status (queued, processing, completed, failed); `video_url` once
    completed (valid for 1 day), `error` once failed. Recommended polling interval 30-60 s; stop on
    completed or failed. Docs: https://docs.globalaiopc.com/en/api-reference/video/sora/sora-query,
    https://docs.xingchaoyiqing.com/api-reference/video/sora-query,
    https://xingchao.mintlify.app/guides/async-tasks

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GlobalAiOpcErrorResponse | SoraVideoTask]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
) -> GlobalAiOpcErrorResponse | SoraVideoTask | None:
    """Get a task's result

     Returns the task with its status (queued, processing, completed, failed); `video_url` once
    completed (valid for 1 day), `error` once failed. Recommended polling interval 30-60 s; stop on
    completed or failed. Docs: https://docs.globalaiopc.com/en/api-reference/video/sora/sora-query,
    https://docs.xingchaoyiqing.com/api-reference/video/sora-query,
    https://xingchao.mintlify.app/guides/async-tasks

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalAiOpcErrorResponse | SoraVideoTask
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
