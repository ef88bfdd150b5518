# Generated from specs/unifiedvideo.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unified_video_error_body import UnifiedVideoErrorBody


T = TypeVar("T", bound="UnifiedVideoErrorResponse")


@_attrs_define
class UnifiedVideoErrorResponse:
    """Lenient error envelope (decision U-x2): accepts the OpenAI/New-API shape {"error": {"message", "type", "param",
    "code"}}, the New-API task-relay shape {"code", "message", "data"}, and a bare {"error": "<message>"}. Unknown
    fields are kept.

        Attributes:
            error (str | UnifiedVideoErrorBody | Unset):
            code (int | None | str | Unset):
            message (None | str | Unset):
            data (Any | Unset): Opaque payload of the task-relay envelope (usually null).
    """

    error: str | UnifiedVideoErrorBody | Unset = UNSET
    code: int | None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    data: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.unified_video_error_body import UnifiedVideoErrorBody  # noqa: PLC0415

        error: dict[str, Any] | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, UnifiedVideoErrorBody):
            error = self.error.to_dict()
        else:
            error = self.error

        code: int | None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error is not UNSET:
            field_dict["error"] = error
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unified_video_error_body import UnifiedVideoErrorBody  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_error(data: object) -> str | UnifiedVideoErrorBody | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = UnifiedVideoErrorBody.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | UnifiedVideoErrorBody | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_code(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        data = d.pop("data", UNSET)

        unified_video_error_response = cls(
            error=error,
            code=code,
            message=message,
            data=data,
        )

        unified_video_error_response.additional_properties = d
        return unified_video_error_response

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
