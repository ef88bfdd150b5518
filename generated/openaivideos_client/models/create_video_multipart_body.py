# Generated from specs/openaivideos.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..models.video_model import VideoModel
from ..models.video_seconds import VideoSeconds
from ..models.video_size import VideoSize
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateVideoMultipartBody")


@_attrs_define
class CreateVideoMultipartBody:
    """Multipart parameters for creating a new video generation job. No default is written here (the generator would always
    send it): model defaults to sora-2, seconds to "4", size to 720x1280.

        Attributes:
            prompt (str): Text prompt that describes the video to generate.
            model (VideoModel | Unset): The model. sora-2 and sora-2-pro are the documented choices ("allowed values:
                sora-2, sora-2-pro"); the dated snapshots of the published VideoModel enum are accepted too. Per-model
                capabilities are in `x-model-capabilities` (JSON pointers into this document).
            input_reference (str | Unset): Optional reference image uploaded as a file part (decision O-x8).
            seconds (VideoSeconds | Unset): Clip duration in seconds, as a string (allowed values 4, 8, 12; documented
                default "4").
            size (VideoSize | Unset): Output resolution as width x height (allowed values 720x1280, 1280x720, 1024x1792,
                1792x1024; documented default 720x1280). 1024x1792 and 1792x1024 are sora-2-pro's (the guide); sora-2 has
                `Sora2Size`.
    """

    prompt: str
    model: VideoModel | Unset = UNSET
    input_reference: str | Unset = UNSET
    seconds: VideoSeconds | Unset = UNSET
    size: VideoSize | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        input_reference = self.input_reference

        seconds: str | Unset = UNSET
        if not isinstance(self.seconds, Unset):
            seconds = self.seconds.value

        size: str | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if input_reference is not UNSET:
            field_dict["input_reference"] = input_reference
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("prompt", (None, str(self.prompt).encode(), "text/plain")))

        if not isinstance(self.model, Unset):
            files.append(("model", (None, str(self.model.value).encode(), "text/plain")))

        if not isinstance(self.input_reference, Unset):
            files.append(("input_reference", (None, str(self.input_reference).encode(), "text/plain")))

        if not isinstance(self.seconds, Unset):
            files.append(("seconds", (None, str(self.seconds.value).encode(), "text/plain")))

        if not isinstance(self.size, Unset):
            files.append(("size", (None, str(self.size.value).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        _model = d.pop("model", UNSET)
        model: VideoModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = VideoModel(_model)

        input_reference = d.pop("input_reference", UNSET)

        _seconds = d.pop("seconds", UNSET)
        seconds: VideoSeconds | Unset
        if isinstance(_seconds, Unset):
            seconds = UNSET
        else:
            seconds = VideoSeconds(_seconds)

        _size = d.pop("size", UNSET)
        size: VideoSize | Unset
        if isinstance(_size, Unset):
            size = UNSET
        else:
            size = VideoSize(_size)

        create_video_multipart_body = cls(
            prompt=prompt,
            model=model,
            input_reference=input_reference,
            seconds=seconds,
            size=size,
        )

        return create_video_multipart_body
