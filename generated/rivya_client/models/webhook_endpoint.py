# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_endpoint_status import WebhookEndpointStatus
from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEndpoint")


@_attrs_define
class WebhookEndpoint:
    """A webhook endpoint. `signing_secret` is present only in the creation response.

    Attributes:
        id (str): Endpoint id (`whend_...`).
        object_ (str): Always "webhook_endpoint" in the docs.
        name (str):
        url (str):
        event_types (list[str | WebhookEventType]):
        status (str | WebhookEndpointStatus):
        secret_preview (str): Masked secret, e.g. `whsec_12...abc123`.
        last_success_at (None | str):
        last_failure_at (None | str):
        failure_count (int):
        created_at (str):
        updated_at (str):
        disabled_at (None | str):
        revoked_at (None | str):
        signing_secret (str | Unset): Full signing secret (`whsec_...`), returned only once. Store it server-side.
    """

    id: str
    object_: str
    name: str
    url: str
    event_types: list[str | WebhookEventType]
    status: str | WebhookEndpointStatus
    secret_preview: str
    last_success_at: None | str
    last_failure_at: None | str
    failure_count: int
    created_at: str
    updated_at: str
    disabled_at: None | str
    revoked_at: None | str
    signing_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        name = self.name

        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item: str
            if isinstance(event_types_item_data, WebhookEventType):
                event_types_item = event_types_item_data.value
            else:
                event_types_item = event_types_item_data
            event_types.append(event_types_item)

        status: str
        if isinstance(self.status, WebhookEndpointStatus):
            status = self.status.value
        else:
            status = self.status

        secret_preview = self.secret_preview

        last_success_at: None | str
        last_success_at = self.last_success_at

        last_failure_at: None | str
        last_failure_at = self.last_failure_at

        failure_count = self.failure_count

        created_at = self.created_at

        updated_at = self.updated_at

        disabled_at: None | str
        disabled_at = self.disabled_at

        revoked_at: None | str
        revoked_at = self.revoked_at

        signing_secret = self.signing_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "name": name,
                "url": url,
                "event_types": event_types,
                "status": status,
                "secret_preview": secret_preview,
                "last_success_at": last_success_at,
                "last_failure_at": last_failure_at,
                "failure_count": failure_count,
                "created_at": created_at,
                "updated_at": updated_at,
                "disabled_at": disabled_at,
                "revoked_at": revoked_at,
            }
        )
        if signing_secret is not UNSET:
            field_dict["signing_secret"] = signing_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object")

        name = d.pop("name")

        url = d.pop("url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:

            def _parse_event_types_item(data: object) -> str | WebhookEventType:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    event_types_item_type_0 = WebhookEventType(data)

                    return event_types_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(str | WebhookEventType, data)

            event_types_item = _parse_event_types_item(event_types_item_data)

            event_types.append(event_types_item)

        def _parse_status(data: object) -> str | WebhookEndpointStatus:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = WebhookEndpointStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | WebhookEndpointStatus, data)

        status = _parse_status(d.pop("status"))

        secret_preview = d.pop("secret_preview")

        def _parse_last_success_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_success_at = _parse_last_success_at(d.pop("last_success_at"))

        def _parse_last_failure_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_failure_at = _parse_last_failure_at(d.pop("last_failure_at"))

        failure_count = d.pop("failure_count")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        def _parse_disabled_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        def _parse_revoked_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        signing_secret = d.pop("signing_secret", UNSET)

        webhook_endpoint = cls(
            id=id,
            object_=object_,
            name=name,
            url=url,
            event_types=event_types,
            status=status,
            secret_preview=secret_preview,
            last_success_at=last_success_at,
            last_failure_at=last_failure_at,
            failure_count=failure_count,
            created_at=created_at,
            updated_at=updated_at,
            disabled_at=disabled_at,
            revoked_at=revoked_at,
            signing_secret=signing_secret,
        )

        webhook_endpoint.additional_properties = d
        return webhook_endpoint

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
