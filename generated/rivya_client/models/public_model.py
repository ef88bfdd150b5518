# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_input_status import ApiInputStatus
from ..models.api_status import ApiStatus

T = TypeVar("T", bound="PublicModel")


@_attrs_define
class PublicModel:
    """One catalog entry of GET /api/v1/models.

    Attributes:
        id (str):
        display_name (str):
        category (str): e.g. image (other values not enumerated in the docs).
        runtime (str): e.g. async_task.
        base_credits (int):
        billing_type (str): e.g. FIXED.
        supported_modes (list[str]):
        max_prompt_length (int | None):
        reference_media (Any): Reference media rules, or null; shape not documented (any JSON value is kept).
        params (list[Any]): Parameter descriptors; item shape not documented (any JSON value is kept).
        api_status (ApiStatus | str):
        api_input_status (ApiInputStatus | str):
        supported_api_inputs (list[str]):
        requires_files_api (bool):
        requires_upload_for_modes (list[str]):
        url_input_supported (bool):
        file_kinds (list[str]):
        chat_capabilities (Any): Chat capabilities, or null; shape not documented (any JSON value is kept).
        notices (list[Any]): Notices; item shape not documented (any JSON value is kept).
    """

    id: str
    display_name: str
    category: str
    runtime: str
    base_credits: int
    billing_type: str
    supported_modes: list[str]
    max_prompt_length: int | None
    reference_media: Any
    params: list[Any]
    api_status: ApiStatus | str
    api_input_status: ApiInputStatus | str
    supported_api_inputs: list[str]
    requires_files_api: bool
    requires_upload_for_modes: list[str]
    url_input_supported: bool
    file_kinds: list[str]
    chat_capabilities: Any
    notices: list[Any]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        display_name = self.display_name

        category = self.category

        runtime = self.runtime

        base_credits = self.base_credits

        billing_type = self.billing_type

        supported_modes = self.supported_modes

        max_prompt_length: int | None
        max_prompt_length = self.max_prompt_length

        reference_media = self.reference_media

        params = self.params

        api_status: str
        if isinstance(self.api_status, ApiStatus):
            api_status = self.api_status.value
        else:
            api_status = self.api_status

        api_input_status: str
        if isinstance(self.api_input_status, ApiInputStatus):
            api_input_status = self.api_input_status.value
        else:
            api_input_status = self.api_input_status

        supported_api_inputs = self.supported_api_inputs

        requires_files_api = self.requires_files_api

        requires_upload_for_modes = self.requires_upload_for_modes

        url_input_supported = self.url_input_supported

        file_kinds = self.file_kinds

        chat_capabilities = self.chat_capabilities

        notices = self.notices

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "display_name": display_name,
                "category": category,
                "runtime": runtime,
                "base_credits": base_credits,
                "billing_type": billing_type,
                "supported_modes": supported_modes,
                "max_prompt_length": max_prompt_length,
                "reference_media": reference_media,
                "params": params,
                "api_status": api_status,
                "api_input_status": api_input_status,
                "supported_api_inputs": supported_api_inputs,
                "requires_files_api": requires_files_api,
                "requires_upload_for_modes": requires_upload_for_modes,
                "url_input_supported": url_input_supported,
                "file_kinds": file_kinds,
                "chat_capabilities": chat_capabilities,
                "notices": notices,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        display_name = d.pop("display_name")

        category = d.pop("category")

        runtime = d.pop("runtime")

        base_credits = d.pop("base_credits")

        billing_type = d.pop("billing_type")

        supported_modes = cast(list[str], d.pop("supported_modes"))

        def _parse_max_prompt_length(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_prompt_length = _parse_max_prompt_length(d.pop("max_prompt_length"))

        reference_media = d.pop("reference_media")

        params = cast(list[Any], d.pop("params"))

        def _parse_api_status(data: object) -> ApiStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                api_status_type_0 = ApiStatus(data)

                return api_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApiStatus | str, data)

        api_status = _parse_api_status(d.pop("api_status"))

        def _parse_api_input_status(data: object) -> ApiInputStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                api_input_status_type_0 = ApiInputStatus(data)

                return api_input_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApiInputStatus | str, data)

        api_input_status = _parse_api_input_status(d.pop("api_input_status"))

        supported_api_inputs = cast(list[str], d.pop("supported_api_inputs"))

        requires_files_api = d.pop("requires_files_api")

        requires_upload_for_modes = cast(list[str], d.pop("requires_upload_for_modes"))

        url_input_supported = d.pop("url_input_supported")

        file_kinds = cast(list[str], d.pop("file_kinds"))

        chat_capabilities = d.pop("chat_capabilities")

        notices = cast(list[Any], d.pop("notices"))

        public_model = cls(
            id=id,
            display_name=display_name,
            category=category,
            runtime=runtime,
            base_credits=base_credits,
            billing_type=billing_type,
            supported_modes=supported_modes,
            max_prompt_length=max_prompt_length,
            reference_media=reference_media,
            params=params,
            api_status=api_status,
            api_input_status=api_input_status,
            supported_api_inputs=supported_api_inputs,
            requires_files_api=requires_files_api,
            requires_upload_for_modes=requires_upload_for_modes,
            url_input_supported=url_input_supported,
            file_kinds=file_kinds,
            chat_capabilities=chat_capabilities,
            notices=notices,
        )

        public_model.additional_properties = d
        return public_model

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
