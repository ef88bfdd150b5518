"""Generate-time cross-check of a mapping against its spec's request schema: every problem, in one run.

The allowed values a mapping reads through its JSON pointers say what validation lets through; the request
schema (with its per-model `allOf` rules) says what the provider accepts. Two checks keep them equal, per model:

- *accepted*: every value the mapping allows, written as the runtime writes it, into the body the runtime would
  send (model, prompt, the model's defaults, constants), is accepted by the request schema;
- *reachable*: every value of a closed set the request schema accepts at a mapped body path (for that model)
  is produced by some allowed canonical value, or listed in the rule's `excluded` with a reason.

Each problem names the mapping file and the JSON path in it; `load_providers` gathers the problems of every
provider before it fails, so one run of `make generate` reports them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from generator import _speclib as lib
from generator._unified_values import canonical_text, closed_values
from sora_unified._body import build_body
from sora_unified._body import provider_value as provider_value_of
from sora_unified._capabilities import ModelCapabilities
from sora_unified._models import VideoRequest
from sora_unified._spec import ModelSpec, ProviderSpec

Path = tuple[str | int, ...]
# Why the request schema refuses a body, or None when it accepts it.
Refuse = Callable[[dict[str, Any]], str | None]


class Problem(NamedTuple):
    """One disagreement between a mapping and its spec."""

    file: str
    json_path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.json_path}: {self.message}"


def _put(body: dict[str, Any], path: Path, value: object) -> None:
    node = body
    for step in path[:-1]:
        node = node.setdefault(str(step), {})
    node[str(path[-1])] = value


def _body(record: ProviderSpec, model: ModelSpec, **fields: Any) -> dict[str, Any]:
    """What the runtime sends for `VideoRequest(prompt=..., **fields)`: its own body builder, defaults included."""
    return build_body(record, model, VideoRequest(prompt="a prompt", **fields), None)


def _with(base: dict[str, Any], path: Path, value: object) -> dict[str, Any]:
    body: dict[str, Any] = lib.as_json(base)
    _put(body, path, value)
    return body


def _request_pointer(spec: lib.Spec, operation_id: str) -> str | None:
    """The pointer of the operation's request schema, after its `$ref` (the spec library's walk)."""
    for op in lib.iter_operations(spec):
        if op.node.get("operationId") != operation_id:
            continue
        for media in lib.iter_media_types(spec, op):
            if media.kind == "request" and media.schema_pointer is not None:
                return lib.follow_refs(spec, media.node["schema"], media.schema_pointer)[1]
        return None
    return None


def _closed_at(spec: lib.Spec, schema_pointer: str, path: Path) -> list[object] | None:
    """The closed set the request schema's `properties` give for a body path (its top-level declaration)."""
    node: Any = lib.resolve_pointer(spec, schema_pointer)
    for step in path:
        node, _ = lib.follow_refs(spec, node, "")
        properties = node.get("properties", {}) if isinstance(node, dict) else {}
        if str(step) not in properties:
            return None
        node = properties[str(step)]
    return closed_values(spec, node)


def _same_in(value: object, values: list[object]) -> bool:
    return any(type(value) is type(v) and value == v for v in values)


_ALLOWED: dict[str, Callable[[ModelCapabilities], tuple[object, ...]]] = {
    "seconds": lambda caps: caps.durations,
    "orientation": lambda caps: caps.orientations,
    "quality": lambda caps: caps.qualities,
    "watermark": lambda caps: caps.watermark,
}


def check_provider(spec: lib.Spec, mapping: dict[str, Any], record: ProviderSpec, file: str) -> list[Problem]:
    """Every accepted/reachable problem of one provider's mapping."""
    pointer = _request_pointer(spec, mapping["client"]["submit"]["operation_id"])
    if pointer is None:
        return [Problem(file, "/client/submit", "the submit operation has no request body schema")]
    validator = lib.validator_for(spec, pointer)

    def refused(body: dict[str, Any]) -> str | None:
        errors = sorted(validator.iter_errors(body), key=lambda e: e.json_path)
        return "; ".join(f"{e.json_path}: {e.message}" for e in errors[:3]) or None

    check = _Check(spec, pointer, refused, mapping, file)
    problems: list[Problem] = []
    for index, model in enumerate(record.models):
        base = _body(record, model)
        why = refused(base)
        if why is not None:
            problems.append(
                Problem(file, f"/models/{index}", f"{model.id}: the minimal body {base} is refused ({why})")
            )
            continue
        problems += check.fields(record, model, index, base)
        problems += check.computed(record, model, index, base)
    return problems


class _Check(NamedTuple):
    spec: lib.Spec
    pointer: str
    refused: Refuse
    mapping: dict[str, Any]
    file: str

    def fields(self, record: ProviderSpec, model: ModelSpec, index: int, base: dict[str, Any]) -> Iterator[Problem]:
        for rule in record.fields:
            name = rule.field
            sent: list[object] = []
            for value in _ALLOWED[name](model.capabilities):
                body = _body(record, model, **{name: value})
                provider_value = provider_value_of(rule, value)
                sent.append(provider_value)
                why = self.refused(body)
                if why is not None:
                    yield Problem(
                        self.file,
                        f"/models/{index}/allowed/{name}",
                        f"{model.id}: {name}={value!r} is sent as {provider_value!r}, "
                        f"which {self.pointer} refuses ({why})",
                    )
            excluded = self.mapping["request"]["fields"][name].get("excluded", {}).get("values", [])
            yield from self.unreachable(rule.to, base, sent, excluded, model, f"/request/fields/{name}")

    def computed(self, record: ProviderSpec, model: ModelSpec, index: int, base: dict[str, Any]) -> Iterator[Problem]:
        raw_rules: dict[str, Any] = self.mapping["request"].get("computed", {})
        for (key, raw), rule in zip(raw_rules.items(), record.computed, strict=True):
            sent: list[object] = []
            for combo, provider_value in rule.table.items():
                canon = dict(zip(rule.inputs, combo, strict=True))
                allowed = {
                    name: [canonical_text(v) for v in _ALLOWED[name](model.capabilities)] for name in rule.inputs
                }
                if not all(canon[name] in allowed[name] for name in rule.inputs):
                    continue
                sent.append(provider_value)
                values = {
                    name: _ALLOWED[name](model.capabilities)[allowed[name].index(canon[name])] for name in rule.inputs
                }
                why = self.refused(_body(record, model, **values))
                if why is not None:
                    yield Problem(
                        self.file,
                        f"/models/{index}/computed/{key}",
                        f"{model.id}: {canon} is sent as {provider_value!r}, which {self.pointer} refuses ({why})",
                    )
            excluded = raw.get("excluded", {}).get("values", [])
            yield from self.unreachable(rule.to, base, sent, excluded, model, f"/request/computed/{key}")

    def unreachable(
        self, to: Path, base: dict[str, Any], sent: list[object], excluded: list[object], model: ModelSpec, where: str
    ) -> Iterator[Problem]:
        for candidate in _closed_at(self.spec, self.pointer, to) or []:
            if _same_in(candidate, sent) or _same_in(candidate, excluded):
                continue
            if self.refused(_with(base, to, candidate)) is None:
                yield Problem(
                    self.file,
                    where,
                    f"{model.id}: the request schema accepts {'.'.join(map(str, to))}={candidate!r} but no allowed "
                    "VideoRequest value sends it: allow it for this model or list it in `excluded` with a reason",
                )
