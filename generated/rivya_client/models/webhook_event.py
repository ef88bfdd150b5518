# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.generation import Generation


T = TypeVar("T", bound="WebhookEvent")


@_attrs_define
class WebhookEvent:
    """Webhook delivery body. Readable start of the documented envelope: {"id": "evt_...", "type": "generation.succeeded",
    "api_version": "2026-05-11", "created_at": ... (truncated). "Webhook payloads use the same public generation
    serializer as the status endpoint"; where that generation sits is not readable (decision R9), so `data` is optional
    and top-level generation fields are kept as extra properties.

        Attributes:
            id (str): Event id (`evt_...`); use it to deduplicate deliveries.
            type_ (str | WebhookEventType):
            api_version (str): e.g. 2026-05-11.
            created_at (Any): Event time; its value is in the unreadable part of the example (type not asserted).
            data (Generation | Unset): Public generation object, returned by create, status and (per the webhooks page) in
                webhook payloads. `final_credits` may stay 0 while the task is queued or processing; Rivya's own create example
                on the developers page omits it and both timestamps (decision R-x18).
    """

    id: str
    type_: str | WebhookEventType
    api_version: str
    created_at: Any
    data: Generation | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: str
        if isinstance(self.type_, WebhookEventType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        api_version = self.api_version

        created_at = self.created_at

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "api_version": api_version,
                "created_at": created_at,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.generation import Generation  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_type_(data: object) -> str | WebhookEventType:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = WebhookEventType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | WebhookEventType, data)

        type_ = _parse_type_(d.pop("type"))

        api_version = d.pop("api_version")

        created_at = d.pop("created_at")

        _data = d.pop("data", UNSET)
        data: Generation | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = Generation.from_dict(_data)

        webhook_event = cls(
            id=id,
            type_=type_,
            api_version=api_version,
            created_at=created_at,
            data=data,
        )

        webhook_event.additional_properties = d
        return webhook_event

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
