"""Derive broken variants of a valid example from its schema, to prove the contract tests can fail.

Three kinds: `remove` (a required member removed), `enum` (a closed enum/const value replaced by an
undocumented one of the same type), `type` (a value replaced by one of a JSON type the schema does not accept).

Which variants the schema must reject is decided here, from the schema alone, by a deliberately small
checker (`must_reject`) that understands `$ref`, `allOf`, `anyOf`, `oneOf`, `type`, `enum`, `const`,
`required`, `properties`, `additionalProperties: false` and `items`, and ignores everything else. Ignoring
a keyword can only make it less sure, never wrong: it says "rejected" only when Draft 2020-12 must reject.
So an open status `anyOf [StatusEnum, {type: string}]` yields no `enum` variant, and a variant that would stay
valid is never generated. The contract test then asserts that jsonschema, on the real spec, agrees.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from generator import _speclib as lib

MutationKind = Literal["remove", "enum", "type"]
_PLAIN_KEY = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")  # what jsonschema's `json_path` writes as `.key`
# A value of another JSON type, the most plausible mistake first ("10" for 10, 10 for "10").
_WRONG_TYPES: dict[str, tuple[Any, ...]] = {
    "string": (12345, True, None),
    "integer": ("12345", True, None),
    "number": ("1.5", True, None),
    "boolean": ("true", 1, None),
    "null": (0, "null"),
    "object": ("not-an-object", [], None),
    "array": ("not-an-array", {}, None),
}


@dataclass(frozen=True)
class Mutation:
    """One broken variant of an example, and where the validator must say it is broken."""

    kind: MutationKind
    path: str  # JSON path of the changed member
    error_path: str  # JSON path the validator must report (the parent object for `remove`)
    member: str | None  # the removed member's name (`remove`)
    instance: Any

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.path}"


def derive_mutations(spec: lib.Spec, schema_pointer: str, instance: Any) -> list[Mutation]:
    """Every variant of `instance` the schema at `schema_pointer` must reject, in document order."""
    schema = lib.resolve_pointer(spec, schema_pointer)
    rejected = (m for m in _candidates(instance, [], instance) if must_reject(spec, schema, m.instance))
    return _first_per_id(rejected)  # one variant per kind and location: the first candidate rejected


def must_reject(spec: lib.Spec, schema: Any, value: Any) -> bool:
    """True when Draft 2020-12 certainly rejects `value` (a sound, incomplete check: see the module docstring)."""
    if not isinstance(schema, dict):
        return schema is False
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#") and must_reject(spec, lib.resolve_pointer(spec, ref[1:]), value):
        return True
    if any(must_reject(spec, sub, value) for sub in schema.get("allOf") or []):
        return True
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if branches and all(must_reject(spec, sub, value) for sub in branches):
            return True
    return _rejects_here(schema, value) or _rejects_members(spec, schema, value)


def _rejects_here(schema: dict[str, Any], value: Any) -> bool:
    kind = schema.get("type")
    kinds = {kind} if isinstance(kind, str) else set(kind) if isinstance(kind, list) else None
    if kinds is not None and json_type(value) not in kinds | ({"integer"} if "number" in kinds else set()):
        return True
    if "const" in schema and not _same(schema["const"], value):
        return True
    return isinstance(schema.get("enum"), list) and not any(_same(v, value) for v in schema["enum"])


def _rejects_members(spec: lib.Spec, schema: dict[str, Any], value: Any) -> bool:
    if isinstance(value, dict):
        props = schema.get("properties") or {}
        if any(name not in value for name in schema.get("required") or []):
            return True
        patterns = schema.get("patternProperties") or {}
        for key, child in value.items():
            if key in props:
                if must_reject(spec, props[key], child):
                    return True
            elif not any(re.search(p, key) for p in patterns) and schema.get("additionalProperties") is False:
                return True
    if isinstance(value, list):
        prefix = schema.get("prefixItems") or []
        items = schema.get("items")
        for index, child in enumerate(value):
            sub = prefix[index] if index < len(prefix) else items
            if sub is not None and must_reject(spec, sub, child):
                return True
    return False


def _same(a: Any, b: Any) -> bool:
    # JSON equality: 1 == 1.0, but true != 1 (Python says otherwise).
    return json_type(a) == json_type(b) and a == b


def json_type(value: Any) -> str:
    """The JSON Schema type of a value from json.loads (1.0 is an integer, as in Draft 2020-12)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def json_path(parts: list[str | int]) -> str:
    """The JSON path jsonschema reports (`ValidationError.json_path`) for an instance location."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += "." + part
        else:
            out += "['" + part.replace("\\", "\\\\").replace("'", r"\'") + "']"
    return out


def _candidates(value: Any, parts: list[str | int], root: Any) -> Iterator[Mutation]:
    here = json_path(parts)
    if isinstance(value, dict):
        for name in value:
            without = {k: v for k, v in value.items() if k != name}
            yield Mutation("remove", json_path([*parts, name]), here, name, _replace(root, parts, without))
    if parts:  # replacing the whole document is not an interesting mistake
        if isinstance(value, str):
            slips = [str(int(value) + 1)] if value.isdigit() else []  # "11" for "10" reads like a real mistake
            for text in [*slips, "undocumented-value"]:
                yield Mutation("enum", here, here, None, _replace(root, parts, text))
        elif isinstance(value, int) and not isinstance(value, bool):
            # The first neighbour not in the enum is the plausible slip (11 for 10); `must_reject` picks it.
            for number in (value + 1, value - 1, value + 1000):
                yield Mutation("enum", here, here, None, _replace(root, parts, number))
        for wrong in _WRONG_TYPES[json_type(value)]:
            yield Mutation("type", here, here, None, _replace(root, parts, wrong))
    children: list[tuple[str | int, Any]] = []
    if isinstance(value, dict):
        children = list(value.items())
    elif isinstance(value, list) and value:
        children = [(0, value[0])]  # the first item stands for all: one set of variants per schema location
    for key, child in children:
        yield from _candidates(child, [*parts, key], root)


def _first_per_id(mutations: Iterator[Mutation]) -> list[Mutation]:
    first: dict[str, Mutation] = {}
    for mutation in mutations:
        first.setdefault(mutation.id, mutation)
    return list(first.values())


def _replace(root: Any, parts: list[str | int], new: Any) -> Any:
    if not parts:
        return new
    out = copy.deepcopy(root)
    node = out
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = new
    return out
