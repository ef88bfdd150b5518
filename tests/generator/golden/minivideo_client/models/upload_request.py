# Generated from tests/generator/fixtures/specs/minivideo.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="UploadRequest")


@_attrs_define
class UploadRequest:
    """
    Attributes:
        file (File):
        public (bool):
        caption (str | Unset): Free text; a value may contain a multipart delimiter.
    """

    file: File
    public: bool
    caption: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        public = self.public

        caption = self.caption

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
                "public": public,
            }
        )
        if caption is not UNSET:
            field_dict["caption"] = caption

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("public", (None, ("true" if self.public else "false").encode(), "text/plain")))

        if not isinstance(self.caption, Unset):
            files.append(("caption", (None, str(self.caption).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        public = d.pop("public")

        caption = d.pop("caption", UNSET)

        upload_request = cls(
            file=file,
            public=public,
            caption=caption,
        )

        return upload_request
