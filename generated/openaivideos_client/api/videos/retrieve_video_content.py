# Generated from specs/openaivideos.yaml by `make generate`: do not edit.
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.video_content_variant import VideoContentVariant
from ...types import UNSET, File, Response, Unset, http_status


def _get_kwargs(
    video_id: str,
    *,
    variant: VideoContentVariant | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_variant: str | Unset = UNSET
    if not isinstance(variant, Unset):
        json_variant = variant.value

    params["variant"] = json_variant

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/videos/{video_id}/content".format(
            video_id=quote(str(video_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

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
) -> Response[ErrorResponse | File]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    video_id: str,
    *,
    client: AuthenticatedClient,
    variant: VideoContentVariant | Unset = UNSET,
) -> Response[ErrorResponse | File]:
    """Download a video's content

     Download the generated video bytes or a derived preview asset (variant video, the default, is the
    MP4). Docs: https://platform.openai.com/docs/api-reference/videos/content

    Args:
        video_id (str):
        variant (VideoContentVariant | Unset): video (MP4, the default), thumbnail (WebP) or
            spritesheet.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
    """

    kwargs = _get_kwargs(
        video_id=video_id,
        variant=variant,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    video_id: str,
    *,
    client: AuthenticatedClient,
    variant: VideoContentVariant | Unset = UNSET,
) -> ErrorResponse | File | None:
    """Download a video's content

     Download the generated video bytes or a derived preview asset (variant video, the default, is the
    MP4). Docs: https://platform.openai.com/docs/api-reference/videos/content

    Args:
        video_id (str):
        variant (VideoContentVariant | Unset): video (MP4, the default), thumbnail (WebP) or
            spritesheet.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return sync_detailed(
        video_id=video_id,
        client=client,
        variant=variant,
    ).parsed


async def asyncio_detailed(
    video_id: str,
    *,
    client: AuthenticatedClient,
    variant: VideoContentVariant | Unset = UNSET,
) -> Response[ErrorResponse | File]:
    """Download a video's content

     Download the generated video bytes or a derived preview asset (variant video, the default, is the
    MP4). Docs: https://platform.openai.com/docs/api-reference/videos/content

    Args:
        video_id (str):
        variant (VideoContentVariant | Unset): video (MP4, the default), thumbnail (WebP) or
            spritesheet.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
    """

    kwargs = _get_kwargs(
        video_id=video_id,
        variant=variant,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    video_id: str,
    *,
    client: AuthenticatedClient,
    variant: VideoContentVariant | Unset = UNSET,
) -> ErrorResponse | File | None:
    """Download a video's content

     Download the generated video bytes or a derived preview asset (variant video, the default, is the
    MP4). Docs: https://platform.openai.com/docs/api-reference/videos/content

    Args:
        video_id (str):
        variant (VideoContentVariant | Unset): video (MP4, the default), thumbnail (WebP) or
            spritesheet.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return (
        await asyncio_detailed(
            video_id=video_id,
            client=client,
            variant=variant,
        )
    ).parsed
