# Generated from specs/rivya.yaml by `make generate`: do not edit.
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.public_api_file import PublicApiFile
from ...models.upload_file_request import UploadFileRequest
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: UploadFileRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/files",
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PublicApiFile | None:
    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if 200 <= response.status_code <= 299:
        response_2xx = PublicApiFile.from_dict(response.json())

        return response_2xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | PublicApiFile]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadFileRequest,
) -> Response[ErrorResponse | PublicApiFile]:
    """Upload a reference file (image, video or audio)

     Multipart upload of reference media. The Files API does not create generation tasks; pass the
    returned
    `url` (and `duration_token` as `durationToken` for audio/video) in `params.referenceMediaItems`.
    Rivya validates the detected file signature, not the extension. When `model` is given, model-
    specific MIME
    and size rules apply (for sora-2-pro: one image, see `x-model-card` on `Sora2ProParams`).

    Docs: https://rivya.ai/docs/api-files

    Args:
        body (UploadFileRequest): Multipart fields of POST /api/v1/files.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PublicApiFile]
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
    body: UploadFileRequest,
) -> ErrorResponse | PublicApiFile | None:
    """Upload a reference file (image, video or audio)

     Multipart upload of reference media. The Files API does not create generation tasks; pass the
    returned
    `url` (and `duration_token` as `durationToken` for audio/video) in `params.referenceMediaItems`.
    Rivya validates the detected file signature, not the extension. When `model` is given, model-
    specific MIME
    and size rules apply (for sora-2-pro: one image, see `x-model-card` on `Sora2ProParams`).

    Docs: https://rivya.ai/docs/api-files

    Args:
        body (UploadFileRequest): Multipart fields of POST /api/v1/files.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PublicApiFile
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadFileRequest,
) -> Response[ErrorResponse | PublicApiFile]:
    """Upload a reference file (image, video or audio)

     Multipart upload of reference media. The Files API does not create generation tasks; pass the
    returned
    `url` (and `duration_token` as `durationToken` for audio/video) in `params.referenceMediaItems`.
    Rivya validates the detected file signature, not the extension. When `model` is given, model-
    specific MIME
    and size rules apply (for sora-2-pro: one image, see `x-model-card` on `Sora2ProParams`).

    Docs: https://rivya.ai/docs/api-files

    Args:
        body (UploadFileRequest): Multipart fields of POST /api/v1/files.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PublicApiFile]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UploadFileRequest,
) -> ErrorResponse | PublicApiFile | None:
    """Upload a reference file (image, video or audio)

     Multipart upload of reference media. The Files API does not create generation tasks; pass the
    returned
    `url` (and `duration_token` as `durationToken` for audio/video) in `params.referenceMediaItems`.
    Rivya validates the detected file signature, not the extension. When `model` is given, model-
    specific MIME
    and size rules apply (for sora-2-pro: one image, see `x-model-card` on `Sora2ProParams`).

    Docs: https://rivya.ai/docs/api-files

    Args:
        body (UploadFileRequest): Multipart fields of POST /api/v1/files.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PublicApiFile
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
