# Generated from specs/unifiedvideo.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.unified_video_status import UnifiedVideoStatus
from ..models.video_size_tier import VideoSizeTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.video_task_detail import VideoTaskDetail


T = TypeVar("T", bound="CreateVideoResponse")


@_attrs_define
class CreateVideoResponse:
    """Create result as in every published example ({id, status, status_update_time}); octopusx says it "may also include
    object, model, progress, created_at, size, and detail".

        Attributes:
            id (str): Task id, `sora-2:task_<ULID>` (also for sora-2-pro). Contains ':'.
            status (str | UnifiedVideoStatus):
            status_update_time (int | Unset): Epoch milliseconds in every example (decision U9).
            object_ (str | Unset):
            model (str | Unset):
            progress (float | int | str | Unset):
            created_at (int | Unset): Unix seconds (octopusx).
            size (str | Unset | VideoSizeTier):
            detail (None | Unset | VideoTaskDetail):
    """

    id: str
    status: str | UnifiedVideoStatus
    status_update_time: int | Unset = UNSET
    object_: str | Unset = UNSET
    model: str | Unset = UNSET
    progress: float | int | str | Unset = UNSET
    created_at: int | Unset = UNSET
    size: str | Unset | VideoSizeTier = UNSET
    detail: None | Unset | VideoTaskDetail = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.video_task_detail import VideoTaskDetail  # noqa: PLC0415

        id = self.id

        status: str
        if isinstance(self.status, UnifiedVideoStatus):
            status = self.status.value
        else:
            status = self.status

        status_update_time = self.status_update_time

        object_ = self.object_

        model = self.model

        progress: float | int | str | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        created_at = self.created_at

        size: str | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        elif isinstance(self.size, VideoSizeTier):
            size = self.size.value
        else:
            size = self.size

        detail: dict[str, Any] | None | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        elif isinstance(self.detail, VideoTaskDetail):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if status_update_time is not UNSET:
            field_dict["status_update_time"] = status_update_time
        if object_ is not UNSET:
            field_dict["object"] = object_
        if model is not UNSET:
            field_dict["model"] = model
        if progress is not UNSET:
            field_dict["progress"] = progress
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if size is not UNSET:
            field_dict["size"] = size
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.video_task_detail import VideoTaskDetail  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> str | UnifiedVideoStatus:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = UnifiedVideoStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | UnifiedVideoStatus, data)

        status = _parse_status(d.pop("status"))

        status_update_time = d.pop("status_update_time", UNSET)

        object_ = d.pop("object", UNSET)

        model = d.pop("model", UNSET)

        def _parse_progress(data: object) -> float | int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | int | str | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        created_at = d.pop("created_at", UNSET)

        def _parse_size(data: object) -> str | Unset | VideoSizeTier:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_0 = VideoSizeTier(data)

                return size_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | Unset | VideoSizeTier, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_detail(data: object) -> None | Unset | VideoTaskDetail:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = VideoTaskDetail.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VideoTaskDetail, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        create_video_response = cls(
            id=id,
            status=status,
            status_update_time=status_update_time,
            object_=object_,
            model=model,
            progress=progress,
            created_at=created_at,
            size=size,
            detail=detail,
        )

        create_video_response.additional_properties = d
        return create_video_response

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
