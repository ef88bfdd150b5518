# Generated from tests/generator/fixtures/specs/minivideo.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.frames import Frames
from ..models.ratio import Ratio
from ..models.seconds import Seconds
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTaskRequest")


@_attrs_define
class CreateTaskRequest:
    """
    Attributes:
        prompt (str): What to render.
        seconds (Seconds | Unset):
        ratio (Ratio | Unset):
        fps (Frames | Unset):
    """

    prompt: str
    seconds: Seconds | Unset = UNSET
    ratio: Ratio | Unset = UNSET
    fps: Frames | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        seconds: str | Unset = UNSET
        if not isinstance(self.seconds, Unset):
            seconds = self.seconds.value

        ratio: str | Unset = UNSET
        if not isinstance(self.ratio, Unset):
            ratio = self.ratio.value

        fps: int | Unset = UNSET
        if not isinstance(self.fps, Unset):
            fps = self.fps.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if ratio is not UNSET:
            field_dict["ratio"] = ratio
        if fps is not UNSET:
            field_dict["fps"] = fps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        _seconds = d.pop("seconds", UNSET)
        seconds: Seconds | Unset
        if isinstance(_seconds, Unset):
            seconds = UNSET
        else:
            seconds = Seconds(_seconds)

        _ratio = d.pop("ratio", UNSET)
        ratio: Ratio | Unset
        if isinstance(_ratio, Unset):
            ratio = UNSET
        else:
            ratio = Ratio(_ratio)

        _fps = d.pop("fps", UNSET)
        fps: Frames | Unset
        if isinstance(_fps, Unset):
            fps = UNSET
        else:
            fps = Frames(_fps)

        create_task_request = cls(
            prompt=prompt,
            seconds=seconds,
            ratio=ratio,
            fps=fps,
        )

        return create_task_request
