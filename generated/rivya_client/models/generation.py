# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.generation_status import GenerationStatus
from ..models.model_id import ModelId
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.generation_result import GenerationResult
    from ..models.task_error import TaskError


T = TypeVar("T", bound="Generation")


@_attrs_define
class Generation:
    """Public generation object, returned by create, status and (per the webhooks page) in webhook payloads.
    `final_credits` may stay 0 while the task is queued or processing; Rivya's own create example on the developers page
    omits it and both timestamps (decision R-x18).

        Attributes:
            id (str): Public task id.
            status (GenerationStatus | str):
            model (ModelId | str):
            reserved_credits (int): Credits reserved at task start.
            result (GenerationResult | None):
            error (None | TaskError):
            session_id (None | str | Unset): Listed among the public fields; its use outside Chat is not documented.
            message (Any | Unset): Listed among the public fields; its type is not documented (any JSON value is kept).
            usage (Any | Unset): Listed among the public fields; its shape is not documented (any JSON value is kept).
            final_credits (int | Unset): Credits finally charged; may remain 0 while queued or processing (0 on failure).
            created_at (str | Unset): ISO-8601 with milliseconds and Z, e.g. 2026-05-10T00:00:00.000Z.
            updated_at (str | Unset):
    """

    id: str
    status: GenerationStatus | str
    model: ModelId | str
    reserved_credits: int
    result: GenerationResult | None
    error: None | TaskError
    session_id: None | str | Unset = UNSET
    message: Any | Unset = UNSET
    usage: Any | Unset = UNSET
    final_credits: int | Unset = UNSET
    created_at: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.generation_result import GenerationResult  # noqa: PLC0415
        from ..models.task_error import TaskError  # noqa: PLC0415

        id = self.id

        status: str
        if isinstance(self.status, GenerationStatus):
            status = self.status.value
        else:
            status = self.status

        model: str
        if isinstance(self.model, ModelId):
            model = self.model.value
        else:
            model = self.model

        reserved_credits = self.reserved_credits

        result: dict[str, Any] | None
        if isinstance(self.result, GenerationResult):
            result = self.result.to_dict()
        else:
            result = self.result

        error: dict[str, Any] | None
        if isinstance(self.error, TaskError):
            error = self.error.to_dict()
        else:
            error = self.error

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        message = self.message

        usage = self.usage

        final_credits = self.final_credits

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "model": model,
                "reserved_credits": reserved_credits,
                "result": result,
                "error": error,
            }
        )
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if message is not UNSET:
            field_dict["message"] = message
        if usage is not UNSET:
            field_dict["usage"] = usage
        if final_credits is not UNSET:
            field_dict["final_credits"] = final_credits
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.generation_result import GenerationResult  # noqa: PLC0415
        from ..models.task_error import TaskError  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> GenerationStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = GenerationStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenerationStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_model(data: object) -> ModelId | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_0 = ModelId(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelId | str, data)

        model = _parse_model(d.pop("model"))

        reserved_credits = d.pop("reserved_credits")

        def _parse_result(data: object) -> GenerationResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = GenerationResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenerationResult | None, data)

        result = _parse_result(d.pop("result"))

        def _parse_error(data: object) -> None | TaskError:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = TaskError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskError, data)

        error = _parse_error(d.pop("error"))

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        message = d.pop("message", UNSET)

        usage = d.pop("usage", UNSET)

        final_credits = d.pop("final_credits", UNSET)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        generation = cls(
            id=id,
            status=status,
            model=model,
            reserved_credits=reserved_credits,
            result=result,
            error=error,
            session_id=session_id,
            message=message,
            usage=usage,
            final_credits=final_credits,
            created_at=created_at,
            updated_at=updated_at,
        )

        generation.additional_properties = d
        return generation

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
