# Generated from specs/globalaiopc.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sora_aspect_ratio import SoraAspectRatio
from ..models.sora_model import SoraModel
from ..models.sora_seconds import SoraSeconds
from ..models.sora_size import SoraSize
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSoraVideoRequest")


@_attrs_define
class CreateSoraVideoRequest:
    """Body of POST /kyyReactApiServer/v1/sora/videos. Pairs are exclusive (size|aspect_ratio, duration|seconds,
    input_reference|image_urls), expressed in `allOf` and, for tools, in `x-mutually-exclusive` / `x-required-one-of`.
    Docs: https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create

        Attributes:
            model (SoraModel): `openAiSora2Plus` (enhanced version) and `openAiSora2Pro` (higher-quality generation); both
                support 4, 8 and 12 s (https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create). Capabilities per
                model are in `x-model-capabilities` (JSON pointers into this document).
            prompt (str): What the video shows. No length limit is documented.
            size (SoraSize | Unset): `720x1280` portrait (documented default), `1280x720` landscape. Same for both models.
            aspect_ratio (SoraAspectRatio | Unset): `16:9` landscape, `9:16` portrait. Alternative to size (use one or the
                other).
            duration (SoraSeconds | Unset): Duration in seconds; 4, 8 and 12 for both models. Used by both `duration` and
                `seconds`.
            seconds (SoraSeconds | Unset): Duration in seconds; 4, 8 and 12 for both models. Used by both `duration` and
                `seconds`.
            input_reference (list[str] | Unset): Reference image URLs guiding the video, at most 1. Do not send real-person
                portraits ("likely to fail"); the image must match the requested ratio: only 1280x720 (16:9) or 720x1280 (9:16).
            image_urls (list[str] | Unset): Reference image URLs guiding the video, at most 1. Do not send real-person
                portraits ("likely to fail"); the image must match the requested ratio: only 1280x720 (16:9) or 720x1280 (9:16).
    """

    model: SoraModel
    prompt: str
    size: SoraSize | Unset = UNSET
    aspect_ratio: SoraAspectRatio | Unset = UNSET
    duration: SoraSeconds | Unset = UNSET
    seconds: SoraSeconds | Unset = UNSET
    input_reference: list[str] | Unset = UNSET
    image_urls: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        prompt = self.prompt

        size: str | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size.value

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio.value

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration.value

        seconds: int | Unset = UNSET
        if not isinstance(self.seconds, Unset):
            seconds = self.seconds.value

        input_reference: list[str] | Unset = UNSET
        if not isinstance(self.input_reference, Unset):
            input_reference = self.input_reference

        image_urls: list[str] | Unset = UNSET
        if not isinstance(self.image_urls, Unset):
            image_urls = self.image_urls

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "prompt": prompt,
            }
        )
        if size is not UNSET:
            field_dict["size"] = size
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if input_reference is not UNSET:
            field_dict["input_reference"] = input_reference
        if image_urls is not UNSET:
            field_dict["image_urls"] = image_urls

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = SoraModel(d.pop("model"))

        prompt = d.pop("prompt")

        _size = d.pop("size", UNSET)
        size: SoraSize | Unset
        if isinstance(_size, Unset):
            size = UNSET
        else:
            size = SoraSize(_size)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: SoraAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = SoraAspectRatio(_aspect_ratio)

        _duration = d.pop("duration", UNSET)
        duration: SoraSeconds | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = SoraSeconds(_duration)

        _seconds = d.pop("seconds", UNSET)
        seconds: SoraSeconds | Unset
        if isinstance(_seconds, Unset):
            seconds = UNSET
        else:
            seconds = SoraSeconds(_seconds)

        input_reference = cast(list[str], d.pop("input_reference", UNSET))

        image_urls = cast(list[str], d.pop("image_urls", UNSET))

        create_sora_video_request = cls(
            model=model,
            prompt=prompt,
            size=size,
            aspect_ratio=aspect_ratio,
            duration=duration,
            seconds=seconds,
            input_reference=input_reference,
            image_urls=image_urls,
        )

        return create_sora_video_request
