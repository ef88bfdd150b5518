# Generated from specs/globalaiopc.yaml by `make generate`: do not edit.
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_sora_video_request import CreateSoraVideoRequest
from ...models.global_ai_opc_error_response import GlobalAiOpcErrorResponse
from ...models.sora_video_task import SoraVideoTask
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: CreateSoraVideoRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kyyReactApiServer/v1/sora/videos",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    *,
    client: AuthenticatedClient,
    body: CreateSoraVideoRequest,
) -> Response[GlobalAiOpcErrorResponse | SoraVideoTask]:
    """Create a Sora video task

     Creates an asynchronous video task; the answer carries the task id with status `queued`.
    Poll it with `getResult`. Docs: https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create

    Args:
        body (CreateSoraVideoRequest): Body of POST /kyyReactApiServer/v1/sora/videos. Pairs are
            exclusive (size|aspect_ratio, duration|seconds, input_reference|image_urls), expressed in
            `allOf` and, for tools, in `x-mutually-exclusive` / `x-required-one-of`. Docs:
            https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GlobalAiOpcErrorResponse | SoraVideoTask]
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
    body: CreateSoraVideoRequest,
) -> GlobalAiOpcErrorResponse | SoraVideoTask | None:
    """Create a Sora video task

     Creates an asynchronous video task; the answer carries the task id with status `queued`.
    Poll it with `getResult`. Docs: https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create

    Args:
        body (CreateSoraVideoRequest): Body of POST /kyyReactApiServer/v1/sora/videos. Pairs are
            exclusive (size|aspect_ratio, duration|seconds, input_reference|image_urls), expressed in
            `allOf` and, for tools, in `x-mutually-exclusive` / `x-required-one-of`. Docs:
            https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalAiOpcErrorResponse | SoraVideoTask
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSoraVideoRequest,
) -> Response[GlobalAiOpcErrorResponse | SoraVideoTask]:
    """Create a Sora video task

     Creates an asynchronous video task; the answer carries the task id with status `queued`.
    Poll it with `getResult`. Docs: https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create

    Args:
        body (CreateSoraVideoRequest): Body of POST /kyyReactApiServer/v1/sora/videos. Pairs are
            exclusive (size|aspect_ratio, duration|seconds, input_reference|image_urls), expressed in
            `allOf` and, for tools, in `x-mutually-exclusive` / `x-required-one-of`. Docs:
            https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GlobalAiOpcErrorResponse | SoraVideoTask]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateSoraVideoRequest,
) -> GlobalAiOpcErrorResponse | SoraVideoTask | None:
    """Create a Sora video task

     Creates an asynchronous video task; the answer carries the task id with status `queued`.
    Poll it with `getResult`. Docs: https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create

    Args:
        body (CreateSoraVideoRequest): Body of POST /kyyReactApiServer/v1/sora/videos. Pairs are
            exclusive (size|aspect_ratio, duration|seconds, input_reference|image_urls), expressed in
            `allOf` and, for tools, in `x-mutually-exclusive` / `x-required-one-of`. Docs:
            https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GlobalAiOpcErrorResponse | SoraVideoTask
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
