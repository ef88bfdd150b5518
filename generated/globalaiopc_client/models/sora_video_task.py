# Generated from specs/globalaiopc.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sora_model import SoraModel
from ..models.sora_video_status import SoraVideoStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SoraVideoTask")


@_attrs_define
class SoraVideoTask:
    """A Sora task as returned by create and by the result route. Lenient: unknown fields are kept and the sibling
    families' fields (e.g. image_url) pass through.

        Attributes:
            id (str): Task id, used with getResult.
            status (SoraVideoStatus | str):
            object_ (str | Unset): Always "video.generation" for Sora tasks.
            created (int | Unset): Creation time, Unix seconds.
            model (SoraModel | str | Unset):
            video_url (None | str | Unset): MP4 URL, only when completed; "Generated video URLs expire after 1 day".
            actual_duration (float | None | Unset): Actual output duration in seconds, only when completed (decision G8).
            amount (float | None | str | Unset): Billing amount; seen only in third-party code, not in the docs (decision
                G8).
            error (None | str | Unset): Error message, only when failed (decision G7).
    """

    id: str
    status: SoraVideoStatus | str
    object_: str | Unset = UNSET
    created: int | Unset = UNSET
    model: SoraModel | str | Unset = UNSET
    video_url: None | str | Unset = UNSET
    actual_duration: float | None | Unset = UNSET
    amount: float | None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str
        if isinstance(self.status, SoraVideoStatus):
            status = self.status.value
        else:
            status = self.status

        object_ = self.object_

        created = self.created

        model: str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        elif isinstance(self.model, SoraModel):
            model = self.model.value
        else:
            model = self.model

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        actual_duration: float | None | Unset
        if isinstance(self.actual_duration, Unset):
            actual_duration = UNSET
        else:
            actual_duration = self.actual_duration

        amount: float | None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if created is not UNSET:
            field_dict["created"] = created
        if model is not UNSET:
            field_dict["model"] = model
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if actual_duration is not UNSET:
            field_dict["actualDuration"] = actual_duration
        if amount is not UNSET:
            field_dict["amount"] = amount
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> SoraVideoStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = SoraVideoStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SoraVideoStatus | str, data)

        status = _parse_status(d.pop("status"))

        object_ = d.pop("object", UNSET)

        created = d.pop("created", UNSET)

        def _parse_model(data: object) -> SoraModel | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_0 = SoraModel(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SoraModel | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        def _parse_actual_duration(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        actual_duration = _parse_actual_duration(d.pop("actualDuration", UNSET))

        def _parse_amount(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        sora_video_task = cls(
            id=id,
            status=status,
            object_=object_,
            created=created,
            model=model,
            video_url=video_url,
            actual_duration=actual_duration,
            amount=amount,
            error=error,
        )

        sora_video_task.additional_properties = d
        return sora_video_task

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
