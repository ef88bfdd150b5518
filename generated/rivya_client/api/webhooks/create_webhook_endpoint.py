# Generated from specs/rivya.yaml by `make generate`: do not edit.
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_webhook_endpoint_request import CreateWebhookEndpointRequest
from ...models.error_response import ErrorResponse
from ...models.webhook_endpoint import WebhookEndpoint
from ...types import Response, http_status


def _get_kwargs(
    *,
    body: CreateWebhookEndpointRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | WebhookEndpoint | None:
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
        response_2xx = WebhookEndpoint.from_dict(response.json())

        return response_2xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | WebhookEndpoint]:
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookEndpointRequest,
) -> Response[ErrorResponse | WebhookEndpoint]:
    """Create a webhook endpoint (returns the signing secret once)

     Registers an HTTPS endpoint for terminal generation events. The response carries `signing_secret`
    (`whsec_...`) only once; if it is lost, rotate it (`POST /api/v1/webhooks/{endpointId}/rotate-
    secret`,
    not described here: its bodies are not readable). URLs with credentials, fragments, localhost names,
    local/private/loopback/reserved addresses are rejected with `webhook_url_rejected`.

    Docs: https://rivya.ai/docs/api-webhooks

    Args:
        body (CreateWebhookEndpointRequest): Body of POST /api/v1/webhooks.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookEndpoint]
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
    body: CreateWebhookEndpointRequest,
) -> ErrorResponse | WebhookEndpoint | None:
    """Create a webhook endpoint (returns the signing secret once)

     Registers an HTTPS endpoint for terminal generation events. The response carries `signing_secret`
    (`whsec_...`) only once; if it is lost, rotate it (`POST /api/v1/webhooks/{endpointId}/rotate-
    secret`,
    not described here: its bodies are not readable). URLs with credentials, fragments, localhost names,
    local/private/loopback/reserved addresses are rejected with `webhook_url_rejected`.

    Docs: https://rivya.ai/docs/api-webhooks

    Args:
        body (CreateWebhookEndpointRequest): Body of POST /api/v1/webhooks.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookEndpoint
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookEndpointRequest,
) -> Response[ErrorResponse | WebhookEndpoint]:
    """Create a webhook endpoint (returns the signing secret once)

     Registers an HTTPS endpoint for terminal generation events. The response carries `signing_secret`
    (`whsec_...`) only once; if it is lost, rotate it (`POST /api/v1/webhooks/{endpointId}/rotate-
    secret`,
    not described here: its bodies are not readable). URLs with credentials, fragments, localhost names,
    local/private/loopback/reserved addresses are rejected with `webhook_url_rejected`.

    Docs: https://rivya.ai/docs/api-webhooks

    Args:
        body (CreateWebhookEndpointRequest): Body of POST /api/v1/webhooks.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebhookEndpoint]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateWebhookEndpointRequest,
) -> ErrorResponse | WebhookEndpoint | None:
    """Create a webhook endpoint (returns the signing secret once)

     Registers an HTTPS endpoint for terminal generation events. The response carries `signing_secret`
    (`whsec_...`) only once; if it is lost, rotate it (`POST /api/v1/webhooks/{endpointId}/rotate-
    secret`,
    not described here: its bodies are not readable). URLs with credentials, fragments, localhost names,
    local/private/loopback/reserved addresses are rejected with `webhook_url_rejected`.

    Docs: https://rivya.ai/docs/api-webhooks

    Args:
        body (CreateWebhookEndpointRequest): Body of POST /api/v1/webhooks.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebhookEndpoint
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
