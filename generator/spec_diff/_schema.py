"""Compare two schemas semantically, from the point of view of a client that sends or receives them.

The same change is breaking in one direction and harmless in the other: a new enum value is fine
in a request (the client may keep sending the old ones) and a warning in a response (the server may
now send a value the client does not know). `Side` says which way the data flows; the rule ids are
built from its prefixes (`request-property-...`, `response-body-...`) and their levels come from
`_rules.py`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from numbers import Real
from typing import Any

from generator.spec_diff._model import Change, JsonPath, render_path
from generator.spec_diff._resolve import Node, Resolver, Variant, normalize, value_key
from generator.spec_diff._rules import LIMITS, level_of

# Deeper than any real spec; a backstop against pathological inline nesting.
_MAX_DEPTH = 64


@dataclass
class Emitter:
    """Collects the changes of one operation (or of a whole spec when `operation` is empty)."""

    provider: str
    operation: str = ""
    changes: list[Change] = field(default_factory=list)

    def emit(self, rule: str, path: JsonPath, message: str) -> None:
        """Record one change; its level comes from the rule table."""
        self.changes.append(Change(self.provider, rule, level_of(rule), self.operation, render_path(path), message))


@dataclass(frozen=True)
class Side:
    """Which way the data flows, and how to name what is compared in messages."""

    sent: bool  # True: the client sends it (request); False: the client receives it (response)
    root_prefix: str  # rule prefix for the schema itself: request-body, request-parameter, response-body
    subject: str  # how the root is named: "request body", "query parameter `limit`", ...
    context: str = ""  # appended to property names: " (status 200)"

    def prefix(self, prop: str) -> str:
        """The rule prefix at a property path (`""` is the root)."""
        if not prop:
            return self.root_prefix
        return "request-property" if self.sent else "response-property"

    def what(self, prop: str) -> str:
        """`request property \\`params/size\\``, or the subject at the root."""
        if not prop:
            return self.subject
        return f"{'request' if self.sent else 'response'} property `{prop}`{self.context}"


def show(value: Any) -> str:
    """A value as JSON text, the way messages quote old and new values."""
    return json.dumps(value, ensure_ascii=False)


def _show_enum(values: tuple[Any, ...] | None, is_open: bool) -> str:
    if values is None:
        return "no enum"
    text = "[" + ", ".join(show(v) for v in values) + "]"
    return f"{text} + any string" if is_open else text


class SchemaDiff:
    """Walks two schemas side by side and emits one change per client-visible difference."""

    def __init__(self, emitter: Emitter, side: Side, base: Resolver, revision: Resolver) -> None:
        self._emitter = emitter
        self._side = side
        self._base = base
        self._revision = revision
        self._active: set[tuple[str | None, str | None]] = set()

    def compare(self, base: Any, revision: Any, path: JsonPath, prop: str = "") -> None:
        """Compare two schemas (or `$ref`s) found at `path`; `prop` is the property path, `""` at the root."""
        if len(path) > _MAX_DEPTH:
            return
        self._nodes(normalize(base, self._base), normalize(revision, self._revision), path, prop)

    def _emit(self, suffix: str, path: JsonPath, prop: str, message: str) -> None:
        self._emitter.emit(f"{self._side.prefix(prop)}-{suffix}", path, message)

    def _nodes(self, base: Node, revision: Node, path: JsonPath, prop: str) -> None:
        what = self._side.what(prop)
        if base.nullable != revision.nullable:
            suffix = "became-nullable" if revision.nullable else "became-not-nullable"
            before, after = ("null allowed", "null rejected") if base.nullable else ("null rejected", "null allowed")
            self._emit(suffix, path, prop, f"{what} {suffix.replace('-', ' ')}: {before} -> {after}")
        if len(base.variants) == 1 and len(revision.variants) == 1:
            self._variants(base.variants[0], revision.variants[0], path, prop)
            return
        keyword = revision.keyword if len(revision.variants) > 1 else base.keyword
        kind = "any-of" if keyword == "anyOf" else "one-of"
        old_labels = "|".join(v.label for v in base.variants) or "none"
        new_labels = "|".join(v.label for v in revision.variants) or "none"
        pairs, removed, added = _match(base.variants, revision.variants)
        for variant in removed:
            self._emit(
                f"{kind}-removed",
                (*path, f"{keyword}({variant.label})"),
                prop,
                f"{what}: variant {variant.label} removed from {keyword}: {old_labels} -> {new_labels}",
            )
        for variant in added:
            self._emit(
                f"{kind}-added",
                (*path, f"{keyword}({variant.label})"),
                prop,
                f"{what}: variant {variant.label} added to {keyword}: {old_labels} -> {new_labels}",
            )
        for old, new in pairs:
            self._variants(old, new, (*path, f"{keyword}({new.label})"), prop)

    def _variants(self, base: Variant, revision: Variant, path: JsonPath, prop: str) -> None:
        key = (base.ref, revision.ref)
        if key in self._active:  # a recursive schema: this pair is already being compared higher up
            return
        if key != (None, None):
            self._active.add(key)
        try:
            self._variant_body(base, revision, path, prop)
        finally:
            self._active.discard(key)

    def _variant_body(self, base: Variant, revision: Variant, path: JsonPath, prop: str) -> None:
        what = self._side.what(prop)
        if base.type_text != revision.type_text:
            self._emit("type-changed", path, prop, f"{what}: type changed: {base.type_text} -> {revision.type_text}")
            if not base.types & revision.types:
                return
        self._enum(base, revision, path, prop)
        self._limits(base.schema, revision.schema, path, prop)
        if "properties" in base.schema or "properties" in revision.schema:
            self._properties(base.schema, revision.schema, path, prop)
        if "items" in base.schema and "items" in revision.schema:
            self.compare(base.schema["items"], revision.schema["items"], (*path, "items"), f"{prop}[]")

    def _enum(self, base: Variant, revision: Variant, path: JsonPath, prop: str) -> None:
        what = self._side.what(prop)
        old = _show_enum(base.enum, base.enum_open)
        new = _show_enum(revision.enum, revision.enum_open)
        if base.enum is None and revision.enum is None:
            return
        if base.enum is None:
            suffix = "became-open-enum" if revision.enum_open else "became-enum"
            self._emit(suffix, path, prop, f"{what} {suffix.replace('-', ' ')}: {old} -> {new}")
            return
        if revision.enum is None:
            suffix = "open-enum-removed" if base.enum_open else "became-not-enum"
            self._emit(suffix, path, prop, f"{what} {suffix.replace('-', ' ')}: {old} -> {new}")
            return
        if base.enum_open != revision.enum_open:
            suffix = "became-open-enum" if revision.enum_open else "became-closed-enum"
            self._emit(suffix, path, prop, f"{what} {suffix.replace('-', ' ')}: {old} -> {new}")
        # A sender is hurt when the receiver (revision) rejects a value; a receiver is hurt when the
        # values it was generated for (base) were a closed list.
        family = "open-enum-value" if (revision.enum_open if self._side.sent else base.enum_open) else "enum-value"
        new_keys = {value_key(v) for v in revision.enum}
        old_keys = {value_key(v) for v in base.enum}
        for value in base.enum:
            if value_key(value) not in new_keys:
                self._emit(f"{family}-removed", path, prop, f"{what}: enum value {show(value)} removed: {old} -> {new}")
        for value in revision.enum:
            if value_key(value) not in old_keys:
                self._emit(f"{family}-added", path, prop, f"{what}: enum value {show(value)} added: {old} -> {new}")

    def _limits(self, base: dict[str, Any], revision: dict[str, Any], path: JsonPath, prop: str) -> None:
        what = self._side.what(prop)
        for keyword, (label, _upper) in LIMITS.items():
            old, new = _number(base.get(keyword)), _number(revision.get(keyword))
            if old == new:
                continue
            if old is None:
                verb = "set"
            elif new is None:
                verb = "unset"
            else:
                verb = "increased" if new > old else "decreased"
            self._emit(
                f"{label}-{verb}",
                (*path, keyword),
                prop,
                f"{what}: {keyword} {verb}: {_show_limit(old)} -> {_show_limit(new)}",
            )

    def _properties(self, base: dict[str, Any], revision: dict[str, Any], path: JsonPath, prop: str) -> None:
        old_props: dict[str, Any] = base.get("properties") or {}
        new_props: dict[str, Any] = revision.get("properties") or {}
        old_required = set(base.get("required") or [])
        new_required = set(revision.get("required") or [])
        sent = self._side.sent
        for name in sorted(old_props.keys() | new_props.keys()):
            child = f"{prop}/{name}" if prop else name
            child_path = (*path, "properties", name)
            what = self._side.what(child)
            was, now = name in old_required, name in new_required
            state = {True: "required", False: "optional"}
            if name not in new_props:
                rule = "request-property-removed" if sent else f"response-{state[was]}-property-removed"
                self._emitter.emit(rule, child_path, f"{what} removed: {state[was]} -> absent")
            elif name not in old_props:
                rule = f"new-{state[now]}-request-property" if sent else f"response-{state[now]}-property-added"
                self._emitter.emit(rule, child_path, f"{what} added: absent -> {state[now]}")
            else:
                if was != now:
                    side = "request" if sent else "response"
                    self._emitter.emit(
                        f"{side}-property-became-{state[now]}",
                        child_path,
                        f"{what} became {state[now]}: {state[was]} -> {state[now]}",
                    )
                self.compare(old_props[name], new_props[name], child_path, child)


def _match(
    base: list[Variant], revision: list[Variant]
) -> tuple[list[tuple[Variant, Variant]], list[Variant], list[Variant]]:
    """Pair variants by component name first, then by type; return pairs, removed and added."""
    pairs: list[tuple[Variant, Variant]] = []
    left, right = list(base), list(revision)
    for same in (_same_component, _same_type):
        for old in list(left):
            new = next((n for n in right if same(old, n)), None)
            if new is not None:
                pairs.append((old, new))
                left.remove(old)
                right.remove(new)
    return pairs, left, right


def _same_component(a: Variant, b: Variant) -> bool:
    return a.ref is not None and a.ref == b.ref


def _same_type(a: Variant, b: Variant) -> bool:
    return a.types == b.types and (a.ref is None or b.ref is None or a.ref != b.ref)


def _number(value: Any) -> float | None:
    # OpenAPI 3.0 writes exclusiveMaximum as a boolean: only numbers are bounds.
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    return float(value)


def _show_limit(value: float | None) -> str:
    if value is None:
        return "none"
    return str(int(value)) if value.is_integer() else str(value)
