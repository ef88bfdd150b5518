# Generated from specs/openaivideos.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_size import VideoSize
from ..models.video_status import VideoStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.video_error import VideoError


T = TypeVar("T", bound="VideoResource")


@_attrs_define
class VideoResource:
    """A video job. Lenient: only id and status are required (decision O-x9), unknown fields are kept, status, size and
    seconds accept any string.

        Attributes:
            id (str):
            status (str | VideoStatus):
            object_ (str | Unset): Always "video".
            model (str | Unset):
            progress (float | int | str | Unset): Approximate completion percentage, 0-100 (an integer upstream; gateways
                send numbers or strings).
            created_at (int | Unset): Unix timestamp (seconds) of creation.
            completed_at (int | None | Unset):
            expires_at (int | None | Unset): Unix seconds at which the downloadable assets expire, if set (decision O2).
            prompt (None | str | Unset):
            size (None | str | Unset | VideoSize):
            seconds (None | str | Unset): Duration as a string ("For extensions, this is the stitched total duration").
            remixed_from_video_id (None | str | Unset):
            video_url (None | str | Unset): A direct MP4 URL some gateways add once completed (not in the upstream schema).
            error (None | Unset | VideoError):
    """

    id: str
    status: str | VideoStatus
    object_: str | Unset = UNSET
    model: str | Unset = UNSET
    progress: float | int | str | Unset = UNSET
    created_at: int | Unset = UNSET
    completed_at: int | None | Unset = UNSET
    expires_at: int | None | Unset = UNSET
    prompt: None | str | Unset = UNSET
    size: None | str | Unset | VideoSize = UNSET
    seconds: None | str | Unset = UNSET
    remixed_from_video_id: None | str | Unset = UNSET
    video_url: None | str | Unset = UNSET
    error: None | Unset | VideoError = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.video_error import VideoError  # noqa: PLC0415

        id = self.id

        status: str
        if isinstance(self.status, VideoStatus):
            status = self.status.value
        else:
            status = self.status

        object_ = self.object_

        model = self.model

        progress: float | int | str | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        created_at = self.created_at

        completed_at: int | None | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        expires_at: int | None | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        prompt: None | str | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        else:
            prompt = self.prompt

        size: None | str | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        elif isinstance(self.size, VideoSize):
            size = self.size.value
        else:
            size = self.size

        seconds: None | str | Unset
        if isinstance(self.seconds, Unset):
            seconds = UNSET
        else:
            seconds = self.seconds

        remixed_from_video_id: None | str | Unset
        if isinstance(self.remixed_from_video_id, Unset):
            remixed_from_video_id = UNSET
        else:
            remixed_from_video_id = self.remixed_from_video_id

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, VideoError):
            error = self.error.to_dict()
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
        if model is not UNSET:
            field_dict["model"] = model
        if progress is not UNSET:
            field_dict["progress"] = progress
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if size is not UNSET:
            field_dict["size"] = size
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if remixed_from_video_id is not UNSET:
            field_dict["remixed_from_video_id"] = remixed_from_video_id
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.video_error import VideoError  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> str | VideoStatus:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = VideoStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | VideoStatus, data)

        status = _parse_status(d.pop("status"))

        object_ = d.pop("object", UNSET)

        model = d.pop("model", UNSET)

        def _parse_progress(data: object) -> float | int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | int | str | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        created_at = d.pop("created_at", UNSET)

        def _parse_completed_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_expires_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt = _parse_prompt(d.pop("prompt", UNSET))

        def _parse_size(data: object) -> None | str | Unset | VideoSize:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_0 = VideoSize(data)

                return size_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | str | Unset | VideoSize, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_seconds(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        seconds = _parse_seconds(d.pop("seconds", UNSET))

        def _parse_remixed_from_video_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remixed_from_video_id = _parse_remixed_from_video_id(d.pop("remixed_from_video_id", UNSET))

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        def _parse_error(data: object) -> None | Unset | VideoError:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = VideoError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VideoError, data)

        error = _parse_error(d.pop("error", UNSET))

        video_resource = cls(
            id=id,
            status=status,
            object_=object_,
            model=model,
            progress=progress,
            created_at=created_at,
            completed_at=completed_at,
            expires_at=expires_at,
            prompt=prompt,
            size=size,
            seconds=seconds,
            remixed_from_video_id=remixed_from_video_id,
            video_url=video_url,
            error=error,
        )

        video_resource.additional_properties = d
        return video_resource

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
