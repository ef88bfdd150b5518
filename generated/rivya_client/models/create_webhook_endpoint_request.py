# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_event_type import WebhookEventType

T = TypeVar("T", bound="CreateWebhookEndpointRequest")


@_attrs_define
class CreateWebhookEndpointRequest:
    """Body of POST /api/v1/webhooks.

    Attributes:
        name (str): Display name, e.g. `Production webhook`.
        url (str): Public HTTPS URL without credentials or fragment; localhost, private, loopback and reserved addresses
            are rejected (`webhook_url_rejected`).
        event_types (list[WebhookEventType]):
    """

    name: str
    url: str
    event_types: list[WebhookEventType]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "url": url,
                "event_types": event_types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        url = d.pop("url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = WebhookEventType(event_types_item_data)

            event_types.append(event_types_item)

        create_webhook_endpoint_request = cls(
            name=name,
            url=url,
            event_types=event_types,
        )

        return create_webhook_endpoint_request
