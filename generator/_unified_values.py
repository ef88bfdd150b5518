"""Read allowed values out of a spec by JSON pointer and translate them into VideoRequest's vocabulary.

`enum_values` understands the shapes the specs use for closed sets: `enum`, `const`, `anyOf`/`oneOf` of
those (open `{type: string}` branches and `null` are skipped) and `type: boolean`. `canonical_allowed`
applies a mapping transform backwards: the provider's `"10"` with transform `string` is the canonical 10,
and a `map` keeps only the canonical values whose provider value the spec allows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator import _speclib as lib
from sora_unified._vocabulary import FIELDS

# The VideoRequest fields a mapping can route, with their canonical type and closed vocabulary (one table).
FIELD_TYPES: Mapping[str, tuple[type, tuple[object, ...] | None]] = FIELDS


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local `$ref`s until a node without one (`_speclib.follow_refs`); ValueError when one dangles."""
    try:
        return lib.follow_refs(spec, node, "")[0]
    except KeyError as exc:
        raise ValueError(f"pointer {node.get('$ref')} does not resolve ({exc.args[0]})") from exc


def enum_values(spec: dict[str, Any], pointer: str) -> list[object]:
    """The closed set of values the schema at `pointer` allows, in spec order."""
    schema = resolve(spec, {"$ref": pointer})
    if isinstance(schema, str) and schema.startswith("#/"):
        # An index of per-model pointers in the spec (x-model-capabilities): follow it once.
        schema = resolve(spec, {"$ref": schema})
    values = closed_values(spec, schema)
    if values is None:
        raise ValueError(f"{pointer} is not a closed set (enum, const, boolean or anyOf of them)")
    return values


def closed_values(spec: dict[str, Any], schema: Any) -> list[object] | None:
    """The closed set a schema node allows (enum, const, boolean, anyOf/oneOf of them), or None when it is open."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return None
    if "enum" in schema:
        return list(schema["enum"])
    if "const" in schema:
        return [schema["const"]]
    if schema.get("type") == "boolean":
        return [True, False]
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        found: list[object] = []
        for branch in branches:
            values = closed_values(spec, branch)
            if values is not None:
                found += [v for v in values if v not in found]
        return found or None
    return None


def canonical_text(value: object) -> str:
    """The text form of a canonical value in a mapping table: "true"/"false", "10", "landscape"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _same(a: object, b: object) -> bool:
    return type(a) is type(b) and a == b


def parse_key(name: str, key: str) -> object:
    kind, vocabulary = FIELD_TYPES[name]
    if kind is int:
        if not key.isdigit():
            raise ValueError(f"{key!r} is not a whole number of seconds")
        return int(key)
    if kind is bool:
        if key not in ("true", "false"):
            raise ValueError(f"{key!r} is not true or false")
        return key == "true"
    if vocabulary is not None and key not in vocabulary:
        raise ValueError(f"{key!r} is not one of {vocabulary}")
    return key


def canonical_allowed(name: str, rule: dict[str, Any], provider_values: list[object]) -> tuple[object, ...]:
    """The canonical values of field `name` that the mapping turns into one of `provider_values`."""
    transform = rule.get("transform", "identity")
    kind, vocabulary = FIELD_TYPES[name]
    if transform == "map":
        values: dict[str, object] = rule["values"]
        allowed = []
        for key, provider_value in values.items():
            canonical = parse_key(name, str(key))
            if any(_same(provider_value, v) for v in provider_values):
                allowed.append(canonical)
        return tuple(allowed)
    result: list[object] = []
    for value in provider_values:
        if transform == "string":
            if not isinstance(value, str):
                raise ValueError(f"transform string expects string values in the spec, got {value!r}")
            result.append(parse_key(name, value))
        else:
            if type(value) is not kind or (vocabulary is not None and value not in vocabulary):
                raise ValueError(f"spec value {value!r} is not a canonical {name} value: use transform string or map")
            result.append(value)
    return tuple(result)


def check_map_targets(name: str, rule: dict[str, Any], all_values: list[object]) -> list[object]:
    """Provider values in a `map` that no model of the spec allows (typos in the mapping)."""
    if rule.get("transform", "identity") != "map":
        return []
    return [v for v in rule["values"].values() if not any(_same(v, a) for a in all_values)]
