# Generated from specs/unifiedvideo.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orientation import Orientation
from ..models.unified_model import UnifiedModel
from ..models.video_duration import VideoDuration
from ..models.video_size_tier import VideoSizeTier
from ..models.video_style import VideoStyle
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateVideoRequest")


@_attrs_define
class CreateVideoRequest:
    """Body of POST /v1/video/create. Per-model rules (duration, size) are in `allOf` (if model is sora-2-pro / sora-2)
    and, for tools, in UnifiedModel's `x-model-capabilities`. Docs: https://aiapi-
    doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html

        Attributes:
            images (list[str]): Reference image URLs (图片链接); `[]` for text to video. No count or size limit is documented.
            model (str | UnifiedModel): A covered model (UnifiedModel) or a reseller channel alias (decision U11).
            orientation (Orientation): `portrait` 竖屏 (vertical), `landscape` 横屏 (horizontal). Same for every model.
            prompt (str): Prompt (提示词). No length limit is documented.
            size (VideoSizeTier): Quality tier: `large` 高清 1080p, `small` 一般 720p (enum of the character variant;
                https://app.apifox.com/web/project/7109750/apis/api-421110409-run).
            duration (VideoDuration): Every documented duration in seconds (character-variant enum 10 | 15 | 25). Which
                model accepts which is in Sora2ProDuration and Sora2Duration.
            watermark (bool | Unset): Documented default true: "prefers no watermark, falls back to a watermarked video on
                error". false forces no watermark and keeps retrying on watermark-removal errors.
            private (bool | Unset): Documented default false. true hides the video: it is not published and cannot be
                remixed.
            style (VideoStyle | Unset): octopusx only: style preset "only for models such as sora_video2"
                (https://docs.octopusx.ai/en/videos/sora/unified-generation).
            storyboard (bool | Unset): octopusx only; storyboard mode (https://docs.octopusx.ai/en/videos/sora/unified-
                generation).
            character_url (str | Unset): Video to take a character from; it must contain no real person. Apifox status
                "developing" (https://app.apifox.com/web/project/7109750/apis/api-421110409-run).
            character_timestamps (str | Unset): Seconds range of the character in character_url, "{start},{end}", with end -
                start between 1 and 3 s (e.g. "1,3"). Apifox status "developing".
    """

    images: list[str]
    model: str | UnifiedModel
    orientation: Orientation
    prompt: str
    size: VideoSizeTier
    duration: VideoDuration
    watermark: bool | Unset = UNSET
    private: bool | Unset = UNSET
    style: VideoStyle | Unset = UNSET
    storyboard: bool | Unset = UNSET
    character_url: str | Unset = UNSET
    character_timestamps: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        images = self.images

        model: str
        if isinstance(self.model, UnifiedModel):
            model = self.model.value
        else:
            model = self.model

        orientation = self.orientation.value

        prompt = self.prompt

        size = self.size.value

        duration = self.duration.value

        watermark = self.watermark

        private = self.private

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.value

        storyboard = self.storyboard

        character_url = self.character_url

        character_timestamps = self.character_timestamps

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "images": images,
                "model": model,
                "orientation": orientation,
                "prompt": prompt,
                "size": size,
                "duration": duration,
            }
        )
        if watermark is not UNSET:
            field_dict["watermark"] = watermark
        if private is not UNSET:
            field_dict["private"] = private
        if style is not UNSET:
            field_dict["style"] = style
        if storyboard is not UNSET:
            field_dict["storyboard"] = storyboard
        if character_url is not UNSET:
            field_dict["character_url"] = character_url
        if character_timestamps is not UNSET:
            field_dict["character_timestamps"] = character_timestamps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        images = cast(list[str], d.pop("images"))

        def _parse_model(data: object) -> str | UnifiedModel:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_0 = UnifiedModel(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | UnifiedModel, data)

        model = _parse_model(d.pop("model"))

        orientation = Orientation(d.pop("orientation"))

        prompt = d.pop("prompt")

        size = VideoSizeTier(d.pop("size"))

        duration = VideoDuration(d.pop("duration"))

        watermark = d.pop("watermark", UNSET)

        private = d.pop("private", UNSET)

        _style = d.pop("style", UNSET)
        style: VideoStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = VideoStyle(_style)

        storyboard = d.pop("storyboard", UNSET)

        character_url = d.pop("character_url", UNSET)

        character_timestamps = d.pop("character_timestamps", UNSET)

        create_video_request = cls(
            images=images,
            model=model,
            orientation=orientation,
            prompt=prompt,
            size=size,
            duration=duration,
            watermark=watermark,
            private=private,
            style=style,
            storyboard=storyboard,
            character_url=character_url,
            character_timestamps=character_timestamps,
        )

        return create_video_request
