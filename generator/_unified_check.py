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
from typing import TYPE_CHECKING, Any, NamedTuple

from generator import _speclib as lib
from generator._unified_values import canonical_text, closed_values

if TYPE_CHECKING:
    from generator._unified_mapping import ModelContext, ProviderContext

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


def _provider_value(rule: dict[str, Any], value: object) -> object:
    """As `sora_unified._body.provider_value`, on the generator's rule dicts."""
    if rule["transform"] == "map":
        return rule["values"].get(canonical_text(value))
    if rule["transform"] == "string":
        return canonical_text(value)
    return value


def _base_body(ctx: ProviderContext, model: ModelContext) -> dict[str, Any]:
    """What the runtime sends for `VideoRequest(prompt=...)` with nothing else set."""
    body: dict[str, Any] = {}
    _put(body, ctx.model_path, model.id)
    _put(body, ctx.prompt_path, "a prompt")
    for rule in ctx.fields:
        if rule["field"] in model.defaults:
            _put(body, rule["to"], _provider_value(rule, model.defaults[rule["field"]]))
    if ctx.reference is not None and ctx.reference["has_when_absent"]:
        _put(body, ctx.reference["to"], ctx.reference["when_absent"])
    for path, constant in ctx.constants:
        _put(body, path, constant)
    return body


def _with(base: dict[str, Any], path: Path, value: object) -> dict[str, Any]:
    body: dict[str, Any] = lib.as_json(base)
    _put(body, path, value)
    return body


def _request_pointer(spec: lib.Spec, operation_id: str) -> str | None:
    for op in lib.iter_operations(spec):
        if op.node.get("operationId") == operation_id:
            content = op.node.get("requestBody", {}).get("content", {})
            for media_type, media in content.items():
                schema = media.get("schema", {})
                if isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/"):
                    return str(schema["$ref"][1:])
                return lib.pointer(
                    "paths", *op.item_pointer.split("/")[2:], op.method, "requestBody", "content", media_type, "schema"
                )
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


def check_provider(spec: lib.Spec, mapping: dict[str, Any], ctx: ProviderContext, file: str) -> list[Problem]:
    """Every accepted/reachable problem of one provider's mapping."""
    pointer = _request_pointer(spec, mapping["client"]["submit"]["operation_id"])
    if pointer is None:
        return [Problem(file, "/client/submit", "the submit operation has no request body schema")]
    validator = lib.validator_for(spec, pointer)

    def refused(body: dict[str, Any]) -> str | None:
        errors = sorted(validator.iter_errors(body), key=lambda e: e.json_path)
        return "; ".join(f"{e.json_path}: {e.message}" for e in errors[:3]) or None

    problems: list[Problem] = []
    for index, model in enumerate(ctx.models):
        base = _base_body(ctx, model)
        why = refused(base)
        if why is not None:
            problems.append(
                Problem(file, f"/models/{index}", f"{model.id}: the minimal body {base} is refused ({why})")
            )
            continue
        problems += _check_fields(ctx, model, index, base, refused, spec, pointer, mapping, file)
        problems += _check_computed(ctx, model, index, base, refused, spec, pointer, mapping, file)
    return problems


def _check_fields(
    ctx: ProviderContext,
    model: ModelContext,
    index: int,
    base: dict[str, Any],
    refused: Refuse,
    spec: lib.Spec,
    pointer: str,
    mapping: dict[str, Any],
    file: str,
) -> Iterator[Problem]:
    for rule in ctx.fields:
        name = rule["field"]
        sent: list[object] = []
        for value in model.allowed.get(name, ()):
            provider_value = _provider_value(rule, value)
            sent.append(provider_value)
            why = refused(_with(base, rule["to"], provider_value))
            if why is not None:
                yield Problem(
                    file,
                    f"/models/{index}/allowed/{name}",
                    f"{model.id}: {name}={value!r} is sent as {provider_value!r}, which {pointer} refuses ({why})",
                )
        excluded = mapping["request"]["fields"][name].get("excluded", {}).get("values", [])
        yield from _unreachable(
            spec, pointer, rule["to"], base, refused, sent, excluded, model, file, f"/request/fields/{name}"
        )


def _check_computed(
    ctx: ProviderContext,
    model: ModelContext,
    index: int,
    base: dict[str, Any],
    refused: Refuse,
    spec: lib.Spec,
    pointer: str,
    mapping: dict[str, Any],
    file: str,
) -> Iterator[Problem]:
    rules: dict[str, Any] = mapping["request"].get("computed", {})
    for (key, raw), rule in zip(rules.items(), ctx.computed, strict=True):
        sent: list[object] = []
        for combo, provider_value in rule["table"].items():
            canon = dict(zip(rule["inputs"], combo, strict=True))
            if not all(
                any(canonical_text(v) == canon[name] for v in model.allowed.get(name, ())) for name in rule["inputs"]
            ):
                continue
            sent.append(provider_value)
            why = refused(_with(base, rule["to"], provider_value))
            if why is not None:
                yield Problem(
                    file,
                    f"/models/{index}/computed/{key}",
                    f"{model.id}: {canon} is sent as {provider_value!r}, which {pointer} refuses ({why})",
                )
        excluded = raw.get("excluded", {}).get("values", [])
        yield from _unreachable(
            spec, pointer, rule["to"], base, refused, sent, excluded, model, file, f"/request/computed/{key}"
        )


def _unreachable(
    spec: lib.Spec,
    pointer: str,
    to: Path,
    base: dict[str, Any],
    refused: Refuse,
    sent: list[object],
    excluded: list[object],
    model: ModelContext,
    file: str,
    where: str,
) -> Iterator[Problem]:
    candidates = _closed_at(spec, pointer, to)
    for candidate in candidates or []:
        if _same_in(candidate, sent) or _same_in(candidate, excluded):
            continue
        if refused(_with(base, to, candidate)) is None:
            yield Problem(
                file,
                where,
                f"{model.id}: the request schema accepts {'.'.join(map(str, to))}={candidate!r} but no allowed "
                "VideoRequest value sends it: allow it for this model or list it in `excluded` with a reason",
            )
