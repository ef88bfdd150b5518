# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.file_kind import FileKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferenceMediaItem")


@_attrs_define
class ReferenceMediaItem:
    """One reference file, as returned by the Files API, inside `params.referenceMediaItems`.

    Attributes:
        url (str): The `url` returned by POST /api/v1/files.
        kind (FileKind): Kind of reference media.
        name (str | Unset): Optional file name, e.g. `reference-image.png`.
        mime_type (str | Unset): Optional MIME type, e.g. `image/png`.
        duration_seconds (float | Unset): Optional media duration in seconds (audio/video references).
        duration_token (str | Unset): The `duration_token` returned by /api/v1/files; audio or video inputs that need
            duration verification must carry it.
    """

    url: str
    kind: FileKind
    name: str | Unset = UNSET
    mime_type: str | Unset = UNSET
    duration_seconds: float | Unset = UNSET
    duration_token: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        kind = self.kind.value

        name = self.name

        mime_type = self.mime_type

        duration_seconds = self.duration_seconds

        duration_token = self.duration_token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "kind": kind,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if mime_type is not UNSET:
            field_dict["mimeType"] = mime_type
        if duration_seconds is not UNSET:
            field_dict["durationSeconds"] = duration_seconds
        if duration_token is not UNSET:
            field_dict["durationToken"] = duration_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        kind = FileKind(d.pop("kind"))

        name = d.pop("name", UNSET)

        mime_type = d.pop("mimeType", UNSET)

        duration_seconds = d.pop("durationSeconds", UNSET)

        duration_token = d.pop("durationToken", UNSET)

        reference_media_item = cls(
            url=url,
            kind=kind,
            name=name,
            mime_type=mime_type,
            duration_seconds=duration_seconds,
            duration_token=duration_token,
        )

        return reference_media_item
