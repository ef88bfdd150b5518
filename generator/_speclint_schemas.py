"""Schema-level spec rules for `speclint`: strict requests, lenient responses, enums, names, `required`.

Walks every JSON Schema reachable from the spec (following local `$ref`s once each) and yields
`(level, rule, pointer, message)`; `speclint` turns them into `Problem`s. Pointers are where the schema
is written (after `$ref`), so the same component reported from two operations is reported once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# The module/member naming of the generated clients, for the collision checks: the generator's own function.
from openapi_python_client.strings import snake_case

from generator import _speclib as lib

Finding = tuple[str, str, str, str]  # level, rule, pointer, message

# Keywords whose value is one subschema / a list of subschemas / a mapping name -> subschema.
_ONE = ("additionalProperties", "unevaluatedProperties", "items", "contains", "not", "if", "then", "else",
        "propertyNames", "unevaluatedItems")  # fmt: skip
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
_NAMED = ("properties", "patternProperties", "dependentSchemas", "$defs")
_FRAGMENTS = ("if", "then", "else", "not", "contains", "propertyNames", "dependentSchemas")
_PASCAL = re.compile(r"^[A-Z][A-Za-z0-9]*$")
# openapi-python-client names a string enum member `value.upper()` only when the value starts with a letter;
# otherwise `VALUE_<index>`, which renames members whenever a value is inserted. JSON-literal-looking
# values ("true") are listed by docs/conventions.md as needing names too.
_NAMEABLE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")
_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LITERAL_WORDS = {"true", "false", "null", "none"}


def walk(
    spec: lib.Spec, node: Any, ptr: str, seen: set[str], fragment: bool = False
) -> Iterator[tuple[dict[str, Any], str, bool]]:
    """Every schema reachable from `node` (itself included), each location once per `seen`.

    `fragment` is true below `if`/`then`/`else`/`not`/...: such schemas add conditions to an object
    described elsewhere, so they are not an object level of their own (`additionalProperties: false`
    in a `then` would reject every property it does not repeat).
    """
    if not isinstance(node, dict) or ptr in seen:
        return
    seen.add(ptr)
    yield node, ptr, fragment
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#"):
        yield from walk(spec, lib.resolve_pointer(spec, ref[1:]), ref[1:], seen, fragment)
    for key in _ONE:
        yield from walk(spec, node.get(key), ptr + lib.pointer(key), seen, fragment or key in _FRAGMENTS)
    for key in _MANY:
        for index, sub in enumerate(node.get(key) or []):
            yield from walk(spec, sub, ptr + lib.pointer(key, index), seen, fragment)
    for key in _NAMED:
        named = node.get(key)
        for name, sub in named.items() if isinstance(named, dict) else ():
            yield from walk(spec, sub, ptr + lib.pointer(key, name), seen, fragment or key in _FRAGMENTS)


def _is_object(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in schema


def _roots(spec: lib.Spec) -> Iterator[tuple[str, Any, str]]:
    """(role, schema, pointer) of every schema root: request, response (webhooks are responses), other."""
    for op in lib.iter_operations(spec):
        for media in lib.iter_media_types(spec, op):
            incoming = media.kind == "response" or op.webhook  # a webhook body is sent to us, like a response
            if media.schema_pointer is not None:
                yield ("response" if incoming else "request"), media.node["schema"], media.schema_pointer
        for index, param in enumerate(op.node.get("parameters") or []):
            if isinstance(param, dict) and isinstance(param.get("schema"), dict):
                yield "other", param["schema"], op.pointer + lib.pointer("parameters", index, "schema")
    for name, schema in (spec.get("components", {}).get("schemas") or {}).items():
        yield "other", schema, lib.pointer("components", "schemas", name)


def schema_problems(spec: lib.Spec) -> list[Finding]:
    """Findings of every schema rule, without duplicates."""
    findings: list[Finding] = []
    findings.extend(_names(spec))
    findings.extend(_inline_schemas(spec))
    everything: set[str] = set()
    requests: set[str] = set()
    responses: set[str] = set()
    for role, schema, ptr in _roots(spec):
        for node, at, _ in walk(spec, schema, ptr, everything):
            findings.extend(_generic(spec, node, at))
        seen = requests if role == "request" else responses if role == "response" else None
        if seen is None:
            continue
        for node, at, fragment in walk(spec, schema, ptr, seen):
            findings.extend(_request(node, at, fragment) if role == "request" else _response(node, at))
    return list(dict.fromkeys(findings))


def _names(spec: lib.Spec) -> Iterator[Finding]:
    for name, schema in (spec.get("components", {}).get("schemas") or {}).items():
        ptr = lib.pointer("components", "schemas", name)
        if not _PASCAL.match(name):
            yield "error", "schema-names", ptr, f"schema name {name!r} is not PascalCase"
        if name == "Client":
            yield "error", "schema-names", ptr, "a schema named Client collides with the generated Client class"
        for prop in (schema.get("properties") or {}) if isinstance(schema, dict) else ():
            if snake_case(prop) == snake_case(name):
                # openapi-python-client issue #1117: the model module shadows the property; mypy --strict fails.
                where = ptr + lib.pointer("properties", prop)
                yield "error", "schema-names", where, f"{name}.{prop} names its own model"


def _inline_schemas(spec: lib.Spec) -> Iterator[Finding]:
    for op in lib.iter_operations(spec):
        for media in lib.iter_media_types(spec, op):
            if media.schema_pointer is None:
                continue
            stack: list[tuple[Any, str]] = [(media.node["schema"], media.schema_pointer)]
            while stack:  # only what is written inline here: $refs are not followed
                node, ptr = stack.pop()
                if not isinstance(node, dict):
                    continue
                if "properties" in node or node.get("type") == "object":
                    yield "error", "inline-schema", ptr, f"{op.owner}: inline object schema; use components/schemas"
                    continue
                stack.extend((node.get(key), ptr + lib.pointer(key)) for key in ("items", "additionalProperties"))
                for key in ("allOf", "anyOf", "oneOf"):
                    stack.extend((sub, ptr + lib.pointer(key, i)) for i, sub in enumerate(node.get(key) or []))


def _generic(spec: lib.Spec, node: dict[str, Any], ptr: str) -> Iterator[Finding]:
    if "properties" in node or node.get("type") == "object":
        yield from _required(spec, node, ptr)
    yield from _enum(node, ptr)


_CONDITIONS = ("allOf", "anyOf", "oneOf", "not", "if", "then", "else")


def _required(spec: lib.Spec, node: dict[str, Any], ptr: str) -> Iterator[Finding]:
    """`required` names of an object level, and of the condition fragments written inside it
    (`not: {required: [a, b]}` for "not both"), must be properties of that object."""
    known = _properties(spec, node, set())
    stack: list[tuple[Any, str]] = [(node, ptr)]
    while stack:
        current, at = stack.pop()
        if not isinstance(current, dict) or (current is not node and "properties" in current):
            continue  # a nested object level is checked on its own
        for name in current.get("required") or []:
            if name not in known:
                yield "error", "required-properties", at + "/required", f"required {name!r} is not in properties"
        for key in _CONDITIONS:
            subs = current.get(key)
            if isinstance(subs, list):
                stack.extend((sub, at + lib.pointer(key, i)) for i, sub in enumerate(subs))
            elif isinstance(subs, dict):
                stack.append((subs, at + lib.pointer(key)))


def _properties(spec: lib.Spec, node: Any, seen: set[str]) -> set[str]:
    """Property names of a schema and of everything it `allOf`s / `$ref`s (what `required` may name)."""
    if not isinstance(node, dict):
        return set()
    names = set(node.get("properties") or {})
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#") and ref not in seen:
        seen.add(ref)
        names |= _properties(spec, lib.resolve_pointer(spec, ref[1:]), seen)
    for sub in node.get("allOf") or []:
        names |= _properties(spec, sub, seen)
    return names


def _enum(node: dict[str, Any], ptr: str) -> Iterator[Finding]:
    values = node.get("enum")
    if not isinstance(values, list):
        return
    kind = node.get("type")
    if isinstance(kind, list) and "null" in kind:
        yield "error", "nullable-enum", ptr, "enum with `type: [.., 'null']`: use anyOf [<enum>, {type: 'null'}]"
    concrete = [v for v in values if v is not None]
    names = node.get("x-enum-varnames")
    integers = bool(concrete) and all(isinstance(v, int) and not isinstance(v, bool) for v in concrete)
    strings = bool(concrete) and all(isinstance(v, str) for v in concrete)
    needs = integers or (strings and any(not _nameable(v) for v in concrete))
    if names is None:
        if needs:
            what = "integer enum" if integers else f"string enum {concrete}"
            yield "error", "enum-varnames", ptr, f"{what} needs x-enum-varnames (member names)"
    elif not isinstance(names, list) or len(names) != len(concrete):
        count = len(names) if isinstance(names, list) else 0
        yield "error", "enum-varnames", ptr, f"x-enum-varnames has {count} names for {len(concrete)} values"
    elif len({str(n).upper() for n in names}) != len(names) or not all(_VARNAME.match(str(n)) for n in names):
        yield "error", "enum-varnames", ptr, f"x-enum-varnames {names} must be distinct identifiers"
    if strings and names is None:
        members = [snake_case(v).upper() for v in concrete]
        if len(set(members)) != len(members):
            # The generator crashes with "Duplicate key" on such enums (../shared/research/openapi-python-client.md).
            yield "error", "enum-varnames", ptr, f"values {concrete} collide as member names: add x-enum-varnames"


def _nameable(value: str) -> bool:
    return bool(_NAMEABLE.match(value)) and value.lower() not in _LITERAL_WORDS


def _request(node: dict[str, Any], ptr: str, fragment: bool) -> Iterator[Finding]:
    if not fragment and _is_object(node) and node.get("additionalProperties") is not False:
        yield "error", "request-strict", ptr, "request object schema needs additionalProperties: false"
    if "default" in node:
        yield "error", "request-default", ptr + "/default", "no default in request schemas: use x-documented-default"


def _response(node: dict[str, Any], ptr: str) -> Iterator[Finding]:
    for key in ("additionalProperties", "unevaluatedProperties"):
        if node.get(key) is False:
            yield "error", "response-lenient", ptr + lib.pointer(key), f"response schemas never set {key}: false"


# -- required fields against documented examples -----------------------------------------------------------

Missing = tuple[str, str, str]  # where in the example (`$.result`), the missing field, pointer of its `required`


def missing_required(spec: lib.Spec, schema: Any, ptr: str, instance: Any, at: str = "$") -> list[Missing]:
    """Fields a schema requires (its `$ref`s and `allOf`s followed) that `instance` lacks, at any depth.

    Only `required` is judged here: types, enums and the rest are the contract tests' job. Under `anyOf`/`oneOf`
    an example needs to satisfy one branch of its own JSON type; when none does, the closest branch is reported.
    """
    levels = list(_levels(spec, schema, ptr, set()))
    found: list[Missing] = []
    if isinstance(instance, dict):
        for node, node_ptr in levels:
            found.extend(
                (at, name, node_ptr + "/required") for name in node.get("required") or [] if name not in instance
            )
        for key, value in instance.items():
            for sub, sub_ptr in _member_schemas(levels, key):
                found.extend(missing_required(spec, sub, sub_ptr, value, f"{at}.{key}"))
    elif isinstance(instance, list):
        for node, node_ptr in levels:
            if isinstance(node.get("items"), dict):
                for index, item in enumerate(instance):
                    found.extend(missing_required(spec, node["items"], node_ptr + "/items", item, f"{at}[{index}]"))
    for node, node_ptr in levels:
        for key in ("anyOf", "oneOf"):
            branches = [
                missing_required(spec, sub, node_ptr + lib.pointer(key, index), instance, at)
                for index, sub in enumerate(node.get(key) or [])
                if _admits_type(spec, sub, instance)
            ]
            if branches and all(branches):
                closest: list[Missing] = min(branches, key=len)
                found.extend(closest)
    return list(dict.fromkeys(found))


def _levels(spec: lib.Spec, node: Any, ptr: str, seen: set[str]) -> Iterator[tuple[dict[str, Any], str]]:
    """A schema and what it is made of on the same instance: its `$ref` target and `allOf` members, recursively."""
    if not isinstance(node, dict) or ptr in seen:
        return
    seen.add(ptr)
    yield node, ptr
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#"):
        yield from _levels(spec, lib.resolve_pointer(spec, ref[1:]), ref[1:], seen)
    for index, sub in enumerate(node.get("allOf") or []):
        yield from _levels(spec, sub, ptr + lib.pointer("allOf", index), seen)


def _member_schemas(levels: list[tuple[dict[str, Any], str]], key: str) -> Iterator[tuple[Any, str]]:
    """The schemas a property value must follow: `properties[key]` of every level, else `additionalProperties`."""
    named = [
        (node["properties"][key], ptr + lib.pointer("properties", key))
        for node, ptr in levels
        if isinstance(node.get("properties"), dict) and key in node["properties"]
    ]
    if named:
        yield from named
        return
    for node, ptr in levels:
        if isinstance(node.get("additionalProperties"), dict):
            yield node["additionalProperties"], ptr + "/additionalProperties"


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "boolean": (bool,), "null": (type(None),),
    "integer": (int,), "number": (int, float),
}  # fmt: skip


def _admits_type(spec: lib.Spec, schema: Any, instance: Any) -> bool:
    """Whether a branch's declared `type` (on any level) admits the instance's JSON type; no `type` admits all."""
    for node, _ in _levels(spec, schema, "", set()):
        declared = node.get("type")
        kinds = [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else None
        if kinds is None:
            continue
        python = tuple(t for kind in kinds for t in _JSON_TYPES.get(kind, ()))
        if isinstance(instance, bool) and bool not in python:
            return False
        if not isinstance(instance, python):
            return False
    return True
