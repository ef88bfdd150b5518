# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.model_id import ModelId
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sora_2_pro_params import Sora2ProParams


T = TypeVar("T", bound="CreateGenerationRequest")


@_attrs_define
class CreateGenerationRequest:
    """Body of POST /api/v1/generations for sora-2-pro.

    Attributes:
        model (ModelId): Public model ids covered by this spec (the catalog itself is larger and dynamic).
        prompt (str): Text prompt; required for sora-2-pro, at most 10000 characters for this model.
        params (Sora2ProParams | Unset): Model-specific `params` of sora-2-pro. Every documented key is optional;
            documented defaults are in `x-documented-default` and are applied by Rivya when the key is omitted (they are
            never sent implicitly).
        client_request_id (str | Unset): Optional client-side id to trace the request in your own system.
    """

    model: ModelId
    prompt: str
    params: Sora2ProParams | Unset = UNSET
    client_request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        prompt = self.prompt

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        client_request_id = self.client_request_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "prompt": prompt,
            }
        )
        if params is not UNSET:
            field_dict["params"] = params
        if client_request_id is not UNSET:
            field_dict["client_request_id"] = client_request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sora_2_pro_params import Sora2ProParams  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelId(d.pop("model"))

        prompt = d.pop("prompt")

        _params = d.pop("params", UNSET)
        params: Sora2ProParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = Sora2ProParams.from_dict(_params)

        client_request_id = d.pop("client_request_id", UNSET)

        create_generation_request = cls(
            model=model,
            prompt=prompt,
            params=params,
            client_request_id=client_request_id,
        )

        return create_generation_request
