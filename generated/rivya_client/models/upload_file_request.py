# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..models.file_kind import FileKind
from ..models.model_id import ModelId
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="UploadFileRequest")


@_attrs_define
class UploadFileRequest:
    """Multipart fields of POST /api/v1/files.

    Attributes:
        file (File): The image, video or audio file. Default limits per kind below; some models differ (sora-2-pro:
            image only, 10 MB, see Sora2ProParams.x-model-card). Rivya checks the detected file signature.
        kind (FileKind): Kind of reference media.
        model (ModelId | Unset): Public model ids covered by this spec (the catalog itself is larger and dynamic).
        client_request_id (str | Unset): Your trace id, up to 128 characters.
    """

    file: File
    kind: FileKind
    model: ModelId | Unset = UNSET
    client_request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        kind = self.kind.value

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        client_request_id = self.client_request_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
                "kind": kind,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if client_request_id is not UNSET:
            field_dict["client_request_id"] = client_request_id

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("kind", (None, str(self.kind.value).encode(), "text/plain")))

        if not isinstance(self.model, Unset):
            files.append(("model", (None, str(self.model.value).encode(), "text/plain")))

        if not isinstance(self.client_request_id, Unset):
            files.append(("client_request_id", (None, str(self.client_request_id).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        kind = FileKind(d.pop("kind"))

        _model = d.pop("model", UNSET)
        model: ModelId | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = ModelId(_model)

        client_request_id = d.pop("client_request_id", UNSET)

        upload_file_request = cls(
            file=file,
            kind=kind,
            model=model,
            client_request_id=client_request_id,
        )

        return upload_file_request
