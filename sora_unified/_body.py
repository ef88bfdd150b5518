"""Build a provider request body from a validated `VideoRequest`, driven by the provider's field rules.

Values are written exactly as the mapping says (`identity`, `string` or a `map` table); a field left
`None` is not sent, unless the model has a mapping default (a provider whose schema requires the field).
A computed field (`ComputedRule`) is one provider value looked up from several canonical fields.
`fingerprint` is what `SubmitOutcomeUnknownError` reports so a user can find the task they may have created.
"""

from __future__ import annotations

import hashlib
import json
from typing import NamedTuple

from sora_unified._models import VideoRequest
from sora_unified._spec import ComputedRule, FieldPath, FieldRule, ModelSpec, ProviderSpec


class ResolvedReference(NamedTuple):
    """A reference image ready to be written into a body: a URL plus what is known about it."""

    url: str
    name: str | None = None
    mime_type: str | None = None


def canonical_key(value: object) -> str:
    """The key a canonical value has in a mapping's `map` table: "true"/"false", "10", "landscape"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def provider_value(rule: FieldRule, value: object) -> object:
    """The value as the provider writes it."""
    if rule.transform == "map":
        return rule.values[canonical_key(value)]
    if rule.transform == "string":
        return canonical_key(value)
    return value


def _put(body: dict[str, object], path: FieldPath, value: object) -> None:
    node = body
    for step in path[:-1]:
        child = node.setdefault(str(step), {})
        if not isinstance(child, dict):
            raise ValueError(f"mapping writes below a non-object at {'.'.join(map(str, path))}")
        node = child
    node[str(path[-1])] = value


def _fill(template: object, reference: ResolvedReference) -> object:
    """The item template with placeholders filled; keys whose placeholder is unknown are dropped."""
    if isinstance(template, str):
        slots = {"{url}": reference.url, "{name}": reference.name, "{mime_type}": reference.mime_type}
        return slots.get(template, template)
    if isinstance(template, dict):
        filled = {key: _fill(value, reference) for key, value in template.items()}
        return {key: value for key, value in filled.items() if value is not None}
    return template


def _put_computed(body: dict[str, object], rule: ComputedRule, model: ModelSpec, request: VideoRequest) -> None:
    """Look the provider value up from the inputs; unset inputs come from the model's defaults.

    A request that sets none of the inputs sends nothing (the provider's documented default applies).
    The generator checks that every input has a model default and every combination validation lets
    through is in the table.
    """
    given = [getattr(request, name) for name in rule.inputs]
    if all(value is None for value in given):
        return
    values = [
        model.defaults.get(name) if value is None else value for name, value in zip(rule.inputs, given, strict=True)
    ]
    _put(body, rule.to, rule.table[tuple(canonical_key(value) for value in values)])


def build_body(
    spec: ProviderSpec,
    model: ModelSpec,
    request: VideoRequest,
    reference: ResolvedReference | None,
    client_request_id: str | None = None,
) -> dict[str, object]:
    """The JSON body for the provider's submit operation."""
    body: dict[str, object] = {}
    _put(body, spec.model_path, model.id)
    _put(body, spec.prompt_path, request.prompt)
    for rule in spec.fields:
        value = getattr(request, rule.field)
        if value is None:
            value = model.defaults.get(rule.field)
        if value is not None:
            _put(body, rule.to, provider_value(rule, value))
    for computed in spec.computed:
        _put_computed(body, computed, model, request)
    ref_rule = spec.reference
    if ref_rule is not None:
        if reference is not None:
            item = _fill(ref_rule.item, reference)
            _put(body, ref_rule.to, [item] if ref_rule.as_list else item)
        elif ref_rule.has_when_absent:
            _put(body, ref_rule.to, ref_rule.when_absent)
    for path, constant in spec.constants:
        _put(body, path, constant)
    if client_request_id is not None and spec.client_request_id_path is not None:
        _put(body, spec.client_request_id_path, client_request_id)
    return body


def fingerprint(body: object) -> str:
    """sha256 of the canonical JSON form (sorted keys, no spaces) of a request body."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
