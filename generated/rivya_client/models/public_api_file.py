# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublicApiFile")


@_attrs_define
class PublicApiFile:
    """Public file metadata returned by POST /api/v1/files and GET /api/v1/files/{fileId}. Its full field list is not
    readable (decision R-x8); only the fields below are known, and every other field is kept.

        Attributes:
            id (str | Unset): File id, usable as `fileId` (field name inferred).
            url (str | Unset): URL to pass as `referenceMediaItems[].url`.
            duration_token (None | str | Unset): Pass as `referenceMediaItems[].durationToken` for audio/video references.
    """

    id: str | Unset = UNSET
    url: str | Unset = UNSET
    duration_token: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        duration_token: None | str | Unset
        if isinstance(self.duration_token, Unset):
            duration_token = UNSET
        else:
            duration_token = self.duration_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if duration_token is not UNSET:
            field_dict["duration_token"] = duration_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        def _parse_duration_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        duration_token = _parse_duration_token(d.pop("duration_token", UNSET))

        public_api_file = cls(
            id=id,
            url=url,
            duration_token=duration_token,
        )

        public_api_file.additional_properties = d
        return public_api_file

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
