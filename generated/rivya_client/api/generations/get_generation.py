# Generated from specs/rivya.yaml by `make generate`: do not edit.
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.generation import Generation
from ...types import Response, http_status


def _get_kwargs(
    task_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/generations/{task_id}".format(
            task_id=quote(str(task_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Generation | None:
    if response.status_code == 200:
        response_200 = Generation.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

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
    task_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | Generation]:
    """Get a generation task (poll its status)

     Returns the public generation object. Polling guidance from the docs: wait 2-3 seconds after
    submission,
    poll every 5-10 seconds for normal jobs, slow down for long video and audio jobs, stop when the
    status is
    `succeeded` or `failed`. A task that does not exist or is not owned by the key's account gives
    `not_found`.

    Docs: https://rivya.ai/docs/api-generation-status

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Generation]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | Generation | None:
    """Get a generation task (poll its status)

     Returns the public generation object. Polling guidance from the docs: wait 2-3 seconds after
    submission,
    poll every 5-10 seconds for normal jobs, slow down for long video and audio jobs, stop when the
    status is
    `succeeded` or `failed`. A task that does not exist or is not owned by the key's account gives
    `not_found`.

    Docs: https://rivya.ai/docs/api-generation-status

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Generation
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | Generation]:
    """Get a generation task (poll its status)

     Returns the public generation object. Polling guidance from the docs: wait 2-3 seconds after
    submission,
    poll every 5-10 seconds for normal jobs, slow down for long video and audio jobs, stop when the
    status is
    `succeeded` or `failed`. A task that does not exist or is not owned by the key's account gives
    `not_found`.

    Docs: https://rivya.ai/docs/api-generation-status

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Generation]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | Generation | None:
    """Get a generation task (poll its status)

     Returns the public generation object. Polling guidance from the docs: wait 2-3 seconds after
    submission,
    poll every 5-10 seconds for normal jobs, slow down for long video and audio jobs, stop when the
    status is
    `succeeded` or `failed`. A task that does not exist or is not owned by the key's account gives
    `not_found`.

    Docs: https://rivya.ai/docs/api-generation-status

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Generation
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
        )
    ).parsed
