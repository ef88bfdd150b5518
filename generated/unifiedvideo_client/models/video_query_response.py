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
    from ..models.unified_video_task_error import UnifiedVideoTaskError
    from ..models.video_task_detail import VideoTaskDetail


T = TypeVar("T", bound="VideoQueryResponse")


@_attrs_define
class VideoQueryResponse:
    """Query result. Fields differ by reseller and state (https://docs.octopusx.ai/en/videos/sora/unified-query: "perform
    compatible parsing based on the actual response"); everything but id and status is optional.

        Attributes:
            id (str):
            status (str | UnifiedVideoStatus):
            video_url (None | str | Unset): Result video URL (signed), present once completed (decision U7).
            enhanced_prompt (None | str | Unset):
            status_update_time (int | Unset): Epoch milliseconds in every example; octopusx warns some upstreams use seconds
                (decision U9).
            progress (float | int | str | Unset): Absent in the Apifox examples, the string "0" on octopusx, an integer
                elsewhere (decision U6).
            thumbnail_url (None | str | Unset):
            width (int | None | Unset):
            height (int | None | Unset):
            object_ (str | Unset): Commonly "video" (octopusx).
            model (str | Unset):
            created_at (int | Unset): Unix seconds (octopusx).
            size (str | Unset | VideoSizeTier):
            detail (None | Unset | VideoTaskDetail):
            error (None | str | UnifiedVideoTaskError | Unset): Failure information if the reseller sends an `error` field
                (decision U8).
            fail_reason (None | str | Unset): Failure reason if the reseller sends `fail_reason` (decision U8).
            failure_reason (None | str | Unset): Failure reason if the reseller sends `failure_reason` (decision U8).
    """

    id: str
    status: str | UnifiedVideoStatus
    video_url: None | str | Unset = UNSET
    enhanced_prompt: None | str | Unset = UNSET
    status_update_time: int | Unset = UNSET
    progress: float | int | str | Unset = UNSET
    thumbnail_url: None | str | Unset = UNSET
    width: int | None | Unset = UNSET
    height: int | None | Unset = UNSET
    object_: str | Unset = UNSET
    model: str | Unset = UNSET
    created_at: int | Unset = UNSET
    size: str | Unset | VideoSizeTier = UNSET
    detail: None | Unset | VideoTaskDetail = UNSET
    error: None | str | UnifiedVideoTaskError | Unset = UNSET
    fail_reason: None | str | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.unified_video_task_error import UnifiedVideoTaskError  # noqa: PLC0415
        from ..models.video_task_detail import VideoTaskDetail  # noqa: PLC0415

        id = self.id

        status: str
        if isinstance(self.status, UnifiedVideoStatus):
            status = self.status.value
        else:
            status = self.status

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        enhanced_prompt: None | str | Unset
        if isinstance(self.enhanced_prompt, Unset):
            enhanced_prompt = UNSET
        else:
            enhanced_prompt = self.enhanced_prompt

        status_update_time = self.status_update_time

        progress: float | int | str | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        thumbnail_url: None | str | Unset
        if isinstance(self.thumbnail_url, Unset):
            thumbnail_url = UNSET
        else:
            thumbnail_url = self.thumbnail_url

        width: int | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        else:
            width = self.width

        height: int | None | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        else:
            height = self.height

        object_ = self.object_

        model = self.model

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

        error: dict[str, Any] | None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, UnifiedVideoTaskError):
            error = self.error.to_dict()
        else:
            error = self.error

        fail_reason: None | str | Unset
        if isinstance(self.fail_reason, Unset):
            fail_reason = UNSET
        else:
            fail_reason = self.fail_reason

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if enhanced_prompt is not UNSET:
            field_dict["enhanced_prompt"] = enhanced_prompt
        if status_update_time is not UNSET:
            field_dict["status_update_time"] = status_update_time
        if progress is not UNSET:
            field_dict["progress"] = progress
        if thumbnail_url is not UNSET:
            field_dict["thumbnail_url"] = thumbnail_url
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if object_ is not UNSET:
            field_dict["object"] = object_
        if model is not UNSET:
            field_dict["model"] = model
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if size is not UNSET:
            field_dict["size"] = size
        if detail is not UNSET:
            field_dict["detail"] = detail
        if error is not UNSET:
            field_dict["error"] = error
        if fail_reason is not UNSET:
            field_dict["fail_reason"] = fail_reason
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unified_video_task_error import UnifiedVideoTaskError  # noqa: PLC0415
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

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        def _parse_enhanced_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        enhanced_prompt = _parse_enhanced_prompt(d.pop("enhanced_prompt", UNSET))

        status_update_time = d.pop("status_update_time", UNSET)

        def _parse_progress(data: object) -> float | int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | int | str | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_thumbnail_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thumbnail_url = _parse_thumbnail_url(d.pop("thumbnail_url", UNSET))

        def _parse_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        width = _parse_width(d.pop("width", UNSET))

        def _parse_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        height = _parse_height(d.pop("height", UNSET))

        object_ = d.pop("object", UNSET)

        model = d.pop("model", UNSET)

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

        def _parse_error(data: object) -> None | str | UnifiedVideoTaskError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = UnifiedVideoTaskError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | str | UnifiedVideoTaskError | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_fail_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fail_reason = _parse_fail_reason(d.pop("fail_reason", UNSET))

        def _parse_failure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason", UNSET))

        video_query_response = cls(
            id=id,
            status=status,
            video_url=video_url,
            enhanced_prompt=enhanced_prompt,
            status_update_time=status_update_time,
            progress=progress,
            thumbnail_url=thumbnail_url,
            width=width,
            height=height,
            object_=object_,
            model=model,
            created_at=created_at,
            size=size,
            detail=detail,
            error=error,
            fail_reason=fail_reason,
            failure_reason=failure_reason,
        )

        video_query_response.additional_properties = d
        return video_query_response

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
