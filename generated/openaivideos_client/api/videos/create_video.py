# Generated from specs/openaivideos.yaml by `make generate`: do not edit.
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_video_multipart_body import CreateVideoMultipartBody
from ...models.error_response import ErrorResponse
from ...models.video_resource import VideoResource
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: CreateVideoMultipartBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/videos",
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | VideoResource | None:
    if response.status_code == 200:
        response_200 = VideoResource.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | VideoResource]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateVideoMultipartBody,
) -> Response[ErrorResponse | VideoResource]:
    """Create a video job

     Create a new video generation job from a prompt and optional reference assets; the answer is the
    job (status `queued`). Poll it with `getVideo`, download it with `retrieveVideoContent`.
    Docs: https://platform.openai.com/docs/api-reference/videos/create

    Args:
        body (CreateVideoMultipartBody): Multipart parameters for creating a new video generation
            job. No default is written here (the generator would always send it): model defaults to
            sora-2, seconds to "4", size to 720x1280.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoResource]
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
    body: CreateVideoMultipartBody,
) -> ErrorResponse | VideoResource | None:
    """Create a video job

     Create a new video generation job from a prompt and optional reference assets; the answer is the
    job (status `queued`). Poll it with `getVideo`, download it with `retrieveVideoContent`.
    Docs: https://platform.openai.com/docs/api-reference/videos/create

    Args:
        body (CreateVideoMultipartBody): Multipart parameters for creating a new video generation
            job. No default is written here (the generator would always send it): model defaults to
            sora-2, seconds to "4", size to 720x1280.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoResource
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateVideoMultipartBody,
) -> Response[ErrorResponse | VideoResource]:
    """Create a video job

     Create a new video generation job from a prompt and optional reference assets; the answer is the
    job (status `queued`). Poll it with `getVideo`, download it with `retrieveVideoContent`.
    Docs: https://platform.openai.com/docs/api-reference/videos/create

    Args:
        body (CreateVideoMultipartBody): Multipart parameters for creating a new video generation
            job. No default is written here (the generator would always send it): model defaults to
            sora-2, seconds to "4", size to 720x1280.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoResource]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateVideoMultipartBody,
) -> ErrorResponse | VideoResource | None:
    """Create a video job

     Create a new video generation job from a prompt and optional reference assets; the answer is the
    job (status `queued`). Poll it with `getVideo`, download it with `retrieveVideoContent`.
    Docs: https://platform.openai.com/docs/api-reference/videos/create

    Args:
        body (CreateVideoMultipartBody): Multipart parameters for creating a new video generation
            job. No default is written here (the generator would always send it): model defaults to
            sora-2, seconds to "4", size to 720x1280.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoResource
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
