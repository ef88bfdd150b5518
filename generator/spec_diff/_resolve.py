"""Resolve `$ref`s and reduce a schema to what a client sees: its variants, nullability and enum.

The diff never compares raw YAML. Each schema is first normalized:

- `$ref` chains are followed (local refs only; a cycle of pure refs resolves to an empty schema);
- `allOf` is left in place: `_schema.py` compares it branch by branch (a lone `allOf: [$ref]` is unwrapped);
- `anyOf`/`oneOf` whose branches only constrain the object (`required: [...]`) are not alternatives;
- `anyOf`/`oneOf` are flattened into a list of `Variant`s (nested unions included);
- null is taken out as a flag, whichever way it is written: `anyOf: [X, {type: 'null'}]`,
  `type: [x, 'null']`, OpenAPI 3.0 `nullable: true`, or a `null` enum value;
- the project's *open enum* (`anyOf: [{$ref: XStatus}, {type: string}]`, docs/conventions.md) becomes
  one variant whose enum is marked open: the documented values, with any other string accepted.

Recursive schemas stay finite because the walker in `_schema.py` stops on a pair of components it is
already comparing; `normalize` itself only recurses into `anyOf`/`oneOf` and a lone `allOf`, and guards those.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator import _speclib as lib

Schema = dict[str, Any]

_TYPE_OF_VALUE: tuple[tuple[type, str], ...] = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"))


class Resolver:
    """Follows local `$ref`s inside one document: `_speclib.follow_refs`, lenient (old revisions may be broken)."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document if isinstance(document, dict) else dict(document)

    def resolve(self, node: Any) -> tuple[Schema, str | None]:
        """The mapping a node stands for, and the name of the last component on its `$ref` chain."""
        followed = isinstance(node, Mapping) and isinstance(node.get("$ref"), str)
        resolved, ptr = lib.follow_refs(self._document, node, "", lenient=True) if followed else (node, "")
        name = ptr.rsplit("/", 1)[-1] if followed else None
        if isinstance(resolved, Mapping) and isinstance(resolved.get("$ref"), str):
            # An external ref (another file) is not followed: the specs of this project are single files.
            ref = resolved["$ref"]
            return {"x-unresolved-ref": ref}, ref.rsplit("/", 1)[-1]
        if isinstance(resolved, dict):
            return resolved, name  # the document's own dict: its identity is the cycle guard of `normalize`
        return (dict(resolved) if isinstance(resolved, Mapping) else {}), name

    def target(self, ref: str) -> Any:
        """What a `$ref` string points at, or `{"x-unresolved-ref": ref}`."""
        return self.resolve({"$ref": ref})[0]


class Sameness:
    """Whether two nodes of the two documents mean the same: equal as written, and every `$ref` in them too.

    The diff asks this before comparing anything, so an unchanged operation or schema of a large spec
    costs one C-level equality test and a lookup per component it uses, not a walk.
    """

    def __init__(self, base: Resolver, revision: Resolver) -> None:
        self._base, self._revision = base, revision
        self._refs: dict[str, bool] = {}

    def same(self, base: Any, revision: Any) -> bool:
        """True when `base` and `revision` are equal and so are all the components they reference."""
        return base == revision and all(self._ref_same(ref) for ref in _refs_in(base))

    def _ref_same(self, ref: str) -> bool:
        known = self._refs.get(ref)
        if known is not None:
            return known
        self._refs[ref] = True  # a cycle back to this ref: judged by the rest of the chain
        result = self.same(self._base.target(ref), self._revision.target(ref))
        self._refs[ref] = result
        return result


def _refs_in(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                found.add(ref)
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
    return found


@dataclass(eq=False)  # identity: two variants with equal fields are still two alternatives
class Variant:
    """One alternative of a schema, after refs, allOf and nullability are taken out."""

    schema: Schema
    ref: str | None
    types: frozenset[str]
    enum: tuple[Any, ...] | None
    enum_open: bool = False

    @property
    def label(self) -> str:
        """The component name, else the type(s): how a variant is named in paths and messages."""
        return self.ref or self.type_text

    @property
    def type_text(self) -> str:
        """`string`, `integer|string`, `string/binary` (type with format), `any` when untyped."""
        text = "|".join(sorted(self.types)) or "any"
        fmt = self.schema.get("format")
        return f"{text}/{fmt}" if isinstance(fmt, str) else text


@dataclass
class Node:
    """A normalized schema: its variants, whether null is allowed, and the union keyword used."""

    variants: list[Variant]
    nullable: bool
    keyword: str
    schema: Schema = field(default_factory=dict)  # the union's own keywords (a discriminator lives here)


def value_key(value: Any) -> str:
    """A canonical text for an enum value, so `10` and `"10"` stay different values."""
    return json.dumps(value, sort_keys=True)


def normalize(schema: Any, resolver: Resolver, _active: frozenset[int] = frozenset()) -> Node:
    """Reduce a schema (or `$ref`) to a `Node`; see the module docstring."""
    resolved, ref = resolver.resolve(schema)
    if id(resolved) in _active:
        return Node([], False, "anyOf")
    inner = _active | {id(resolved)}
    wrapped = _single_all_of(resolved)
    if wrapped is not None:  # `allOf: [{$ref: X}]` beside annotations only: X itself
        node = normalize(wrapped, resolver, inner)
        node.nullable = node.nullable or resolved.get("nullable") is True  # OpenAPI 3.0 `allOf: [$ref], nullable`
        return node
    nullable = resolved.get("nullable") is True
    keyword = "oneOf" if isinstance(resolved.get("oneOf"), list) else "anyOf"
    branches = resolved.get(keyword)
    variants: list[Variant] = []
    if isinstance(branches, list) and branches and not all(_constraint_only(resolver.resolve(b)[0]) for b in branches):
        for branch in branches:
            sub = normalize(branch, resolver, inner)
            nullable = nullable or sub.nullable
            variants.extend(sub.variants)
    else:
        variant, null = _variant(resolved, ref)
        nullable = nullable or null
        if variant is not None:
            variants.append(variant)
    union = resolved if isinstance(branches, list) and len(variants) > 1 else {}
    return Node(_merge_open_enums(variants), nullable, keyword, union)


def _variant(schema: Schema, ref: str | None) -> tuple[Variant | None, bool]:
    raw_type = schema.get("type")
    declared = {raw_type} if isinstance(raw_type, str) else set(raw_type) if isinstance(raw_type, list) else set()
    enum: tuple[Any, ...] | None = None
    if isinstance(schema.get("enum"), list):
        enum = tuple(schema["enum"])
    null = "null" in declared or (enum is not None and None in enum)
    if enum is not None:
        enum = tuple(v for v in enum if v is not None)
    types = declared - {"null"}
    if not types:
        if declared or (enum is not None and not enum):
            return None, True  # `{type: 'null'}` or `enum: [null]`: only null
        types = _inferred_types(schema, enum)
    return Variant(schema, ref, frozenset(types), enum), null


def _inferred_types(schema: Schema, enum: tuple[Any, ...] | None) -> set[str]:
    if "properties" in schema or "additionalProperties" in schema:
        return {"object"}
    if "items" in schema:
        return {"array"}
    if enum:
        return {next(name for cls, name in _TYPE_OF_VALUE if isinstance(v, cls)) for v in enum if _typed(v)}
    return set()


def _typed(value: Any) -> bool:
    return any(isinstance(value, cls) for cls, _ in _TYPE_OF_VALUE)


_STRUCTURAL = frozenset({"type", "properties", "items", "enum", "const", "anyOf", "oneOf", "additionalProperties"})
_CONSTRAINTS = frozenset({"required", "not", "description", "title", "minProperties", "maxProperties"})


def _single_all_of(schema: Schema) -> Any:
    branches = schema.get("allOf")
    if isinstance(branches, list) and len(branches) == 1 and not _STRUCTURAL & schema.keys():
        return branches[0]
    return None


def _constraint_only(schema: Schema) -> bool:
    """A branch like `{required: [duration]}`: it constrains the enclosing object, it is no alternative."""
    return bool(schema) and schema.keys() <= _CONSTRAINTS


def _merge_open_enums(variants: list[Variant]) -> list[Variant]:
    """Fold `enum of type T` + `plain T` into one open-enum variant (the lenient status pattern)."""
    result = list(variants)
    for variant in variants:
        if variant.enum is None or len(variant.types) != 1 or variant not in result:
            continue
        plain = next(
            (v for v in result if v is not variant and v.enum is None and v.types == variant.types and v.ref is None),
            None,
        )
        if plain is not None:
            result.remove(plain)
            variant.enum_open = True
    return result
