# Generated from specs/rivya.yaml by `make generate`: do not edit.
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_generation_request import CreateGenerationRequest
from ...models.error_response import ErrorResponse
from ...models.generation import Generation
from ...types import UNSET, Response, Unset, http_status


def _get_kwargs(
    *,
    body: CreateGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/generations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Generation | None:
    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if 200 <= response.status_code <= 299:
        response_2xx = Generation.from_dict(response.json())

        return response_2xx

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | Generation]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Generation]:
    """Create an asynchronous sora-2-pro generation task

     Submits a generation and returns its public task id immediately (status `queued`). Poll
    `GET /api/v1/generations/{taskId}` or subscribe to webhooks for the terminal state.
    "Rivya does not accept a top-level `files` field": reference media go in
    `params.referenceMediaItems`.

    Docs: https://rivya.ai/docs/api-generations, https://rivya.ai/docs/api/models/sora-2-pro

    Args:
        idempotency_key (str | Unset): One unique key per logical task; reuse it only to retry
            that same request.
        body (CreateGenerationRequest): Body of POST /api/v1/generations for sora-2-pro.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Generation]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Generation | None:
    """Create an asynchronous sora-2-pro generation task

     Submits a generation and returns its public task id immediately (status `queued`). Poll
    `GET /api/v1/generations/{taskId}` or subscribe to webhooks for the terminal state.
    "Rivya does not accept a top-level `files` field": reference media go in
    `params.referenceMediaItems`.

    Docs: https://rivya.ai/docs/api-generations, https://rivya.ai/docs/api/models/sora-2-pro

    Args:
        idempotency_key (str | Unset): One unique key per logical task; reuse it only to retry
            that same request.
        body (CreateGenerationRequest): Body of POST /api/v1/generations for sora-2-pro.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Generation
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorResponse | Generation]:
    """Create an asynchronous sora-2-pro generation task

     Submits a generation and returns its public task id immediately (status `queued`). Poll
    `GET /api/v1/generations/{taskId}` or subscribe to webhooks for the terminal state.
    "Rivya does not accept a top-level `files` field": reference media go in
    `params.referenceMediaItems`.

    Docs: https://rivya.ai/docs/api-generations, https://rivya.ai/docs/api/models/sora-2-pro

    Args:
        idempotency_key (str | Unset): One unique key per logical task; reuse it only to retry
            that same request.
        body (CreateGenerationRequest): Body of POST /api/v1/generations for sora-2-pro.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Generation]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> ErrorResponse | Generation | None:
    """Create an asynchronous sora-2-pro generation task

     Submits a generation and returns its public task id immediately (status `queued`). Poll
    `GET /api/v1/generations/{taskId}` or subscribe to webhooks for the terminal state.
    "Rivya does not accept a top-level `files` field": reference media go in
    `params.referenceMediaItems`.

    Docs: https://rivya.ai/docs/api-generations, https://rivya.ai/docs/api/models/sora-2-pro

    Args:
        idempotency_key (str | Unset): One unique key per logical task; reuse it only to retry
            that same request.
        body (CreateGenerationRequest): Body of POST /api/v1/generations for sora-2-pro.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Generation
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
