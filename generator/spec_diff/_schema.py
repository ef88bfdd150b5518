"""Compare two schemas semantically, from the point of view of a client that sends or receives them.

The same change is breaking in one direction and harmless in the other: a new enum value is fine
in a request (the client may keep sending the old ones) and a warning in a response (the server may
now send a value the client does not know). `Side` says which way the data flows; the rule ids are
built from its prefixes (`request-property-...`, `response-body-...`) and their levels come from
`_rules.py`.
"""

from __future__ import annotations

from numbers import Real
from typing import Any, Final

from generator.spec_diff._emitter import Emitter, Side, show
from generator.spec_diff._keywords import KeywordDiff
from generator.spec_diff._model import JsonPath
from generator.spec_diff._resolve import Node, Resolver, Sameness, Variant, normalize, value_key
from generator.spec_diff._rules import LIMITS
from generator.spec_diff._types import type_change_suffix

__all__ = ["Emitter", "SchemaDiff", "Side", "show"]  # Emitter, Side and show are re-exported for the walkers

# Deeper than any real spec; a backstop against pathological inline nesting.
_MAX_DEPTH = 64


def _show_enum(values: tuple[Any, ...] | None, is_open: bool) -> str:
    if values is None:
        return "no enum"
    text = "[" + ", ".join(show(v) for v in values) + "]"
    return f"{text} + any string" if is_open else text


class SchemaDiff(KeywordDiff):
    """Walks two schemas side by side and emits one change per client-visible difference."""

    def __init__(
        self, emitter: Emitter, side: Side, base: Resolver, revision: Resolver, same: Sameness | None = None
    ) -> None:
        self._emitter = emitter
        self._same = same or Sameness(base, revision)
        self._side = side
        self._base = base
        self._revision = revision
        self._active: set[tuple[str | None, str | None]] = set()
        self._read_only = False  # inside a property the revision marks readOnly
        self._write_only = False  # inside a property the base marks writeOnly

    def compare(self, base: Any, revision: Any, path: JsonPath, prop: str = "") -> None:
        """Compare two schemas (or `$ref`s) found at `path`; `prop` is the property path, `""` at the root."""
        if len(path) > _MAX_DEPTH or self._same.same(base, revision):
            return
        self._nodes(normalize(base, self._base), normalize(revision, self._revision), path, prop)

    def _side_same(self, base: Any, revision: Any) -> bool:
        return self._same.same(base, revision)

    def _emit(self, suffix: str, path: JsonPath, prop: str, message: str) -> None:
        if self._read_only and self._side.sent and suffix in _READ_ONLY_SUFFIXES:
            # The server ignores a readOnly property in a request: narrowing it hurts no sender.
            self._emitter.emit(f"request-read-only-property-{suffix}", path, message)
        elif self._write_only and not self._side.sent and suffix == "enum-value-added":
            self._emitter.emit("response-write-only-property-enum-value-added", path, message)
        elif suffix == "became-enum" and self._header_property(prop):
            self._emitter.emit("request-header-property-became-enum", path, message)
        else:
            self._emitter.emit(f"{self._side.prefix(prop)}-{suffix}", path, message)

    def _header_property(self, prop: str) -> bool:
        return self._side.location == "header" and self._side.prefix(prop) == "request-parameter-property"

    def _nodes(self, base: Node, revision: Node, path: JsonPath, prop: str) -> None:
        what = self._side.what(prop)
        if base.nullable != revision.nullable:
            suffix = "became-nullable" if revision.nullable else "became-not-nullable"
            before, after = ("null allowed", "null rejected") if base.nullable else ("null rejected", "null allowed")
            self._emit(suffix, path, prop, f"{what} {suffix.replace('-', ' ')}: {before} -> {after}")
        if len(base.variants) == 1 and len(revision.variants) == 1:
            self._variants(base.variants[0], revision.variants[0], path, prop)
            return
        if not prop and _wrapped_in_one_of(base, revision):
            # One object split into oneOf alternatives: one finding, not a removed/optional property per field.
            message = f"{what} wrapped in oneOf: {len(revision.variants)} alternatives, exactly one must match"
            self._emit("wrapped-in-one-of", path, prop, message)
            return
        self._annotations(base.schema, revision.schema, path, prop)
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
            # As in oasdiff, an alternative of a union is a sub-schema: what changes inside it is a property change.
            inner = f"{prop}/{keyword}({new.label})" if prop else f"{keyword}({new.label})"
            self._variants(old, new, (*path, f"{keyword}({new.label})"), inner)

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
            suffix = type_change_suffix(
                base.types,
                _text(base.schema.get("format")),
                revision.types,
                _text(revision.schema.get("format")),
                sent=self._side.sent,
                strongly_typed=self._side.strongly_typed,
            )
            if suffix == "type-changed" and self._side.prefix(prop) == "request-parameter-property":
                # Inside a parameter everything travels as text: oasdiff calls a narrower type specialized
                # (breaking) and a change to string merely changed (warning).
                suffix = "type-changed" if revision.types == {"string"} else "type-specialized"
            verb = suffix.removeprefix("type-")
            self._emit(suffix, path, prop, f"{what}: type {verb}: {base.type_text} -> {revision.type_text}")
            if base.types and revision.types and not base.types & revision.types:
                if (base.enum is None) != (revision.enum is None):  # became (not) an enum besides: say so
                    self._enum(base, revision, path, prop)
                return
        self._enum(base, revision, path, prop)
        self._limits(base.schema, revision.schema, path, prop)
        self._annotations(base.schema, revision.schema, path, prop)
        self._all_of(base.schema, revision.schema, path, prop)
        self._keywords(base.schema, revision.schema, path, prop)
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
        for name in sorted(old_props.keys() | new_props.keys()):
            child = f"{prop}/{name}" if prop else name
            child_path = (*path, "properties", name)
            was, now = name in old_required, name in new_required
            old_flags = self._flags(old_props.get(name), self._base)
            new_flags = self._flags(new_props.get(name), self._revision)
            if name not in new_props:
                self._property_removed(child, child_path, was, old_flags)
            elif name not in old_props:
                self._property_added(child, child_path, now, new_flags, new_props[name])
            else:
                self._property_flags(child, child_path, now, old_flags, new_flags)
                if was != now:
                    self._requiredness(child, child_path, was, now, old_flags, new_flags, new_props[name])
                outer = (self._read_only, self._write_only)
                self._read_only, self._write_only = new_flags[0], old_flags[1]
                try:
                    self.compare(old_props[name], new_props[name], child_path, child)
                finally:
                    self._read_only, self._write_only = outer

    def _flags(self, schema: Any, resolver: Resolver) -> tuple[bool, bool]:
        resolved, _ = resolver.resolve(schema)
        return resolved.get("readOnly") is True, resolved.get("writeOnly") is True

    def _property_removed(self, child: str, path: JsonPath, was: bool, flags: tuple[bool, bool]) -> None:
        what, state = self._side.what(child), _STATE[was]
        if self._side.sent:
            if not flags[0]:  # a readOnly property was never sent
                self._emitter.emit("request-property-removed", path, f"{what} removed: {state} -> absent")
            return
        write_only = "write-only-" if flags[1] else ""
        self._emitter.emit(f"response-{state}-{write_only}property-removed", path, f"{what} removed: {state} -> absent")

    def _property_added(self, child: str, path: JsonPath, now: bool, flags: tuple[bool, bool], schema: Any) -> None:
        what, state = self._side.what(child), _STATE[now]
        if self._side.sent:
            if flags[0]:  # readOnly: the client does not send it, required or not
                return
            rule = f"new-{state}-request-property"
            if now and self._header_property(child):
                rule = "new-required-request-header-property"
            elif now and "default" in self._revision.resolve(schema)[0]:
                rule = "new-required-request-property-with-default"
            self._emitter.emit(rule, path, f"{what} added: absent -> {state}")
            return
        write_only = "write-only-" if flags[1] else ""
        self._emitter.emit(f"response-{state}-{write_only}property-added", path, f"{what} added: absent -> {state}")

    def _requiredness(
        self,
        child: str,
        path: JsonPath,
        was: bool,
        now: bool,
        old_flags: tuple[bool, bool],
        new_flags: tuple[bool, bool],
        schema: Any,
    ) -> None:
        what = self._side.what(child)
        message = f"{what} became {_STATE[now]}: {_STATE[was]} -> {_STATE[now]}"
        if self._side.sent:
            if new_flags[0]:
                return  # readOnly: the server ignores it in a request
            rule = f"request-property-became-{_STATE[now]}"
            if now and self._header_property(child):
                rule = "request-header-property-became-required"
            elif now and "default" in self._revision.resolve(schema)[0]:
                rule = "request-property-became-required-with-default"
            self._emitter.emit(rule, path, message)
            return
        write_only = old_flags[1] or new_flags[1]
        prefix = "response-write-only-property" if write_only else "response-property"
        self._emitter.emit(f"{prefix}-became-{_STATE[now]}", path, message)

    def _property_flags(
        self, child: str, path: JsonPath, now: bool, old_flags: tuple[bool, bool], new_flags: tuple[bool, bool]
    ) -> None:
        side = "request" if self._side.sent else "response"
        what = self._side.what(child)
        for index, flag in enumerate(("read-only", "write-only")):
            if old_flags[index] != new_flags[index]:
                verb = flag if new_flags[index] else f"not-{flag}"
                rule = f"{side}-{_STATE[now]}-property-became-{verb}"
                self._emitter.emit(rule, path, f"{what} became {verb.replace('-', ' ')}")


def _wrapped_in_one_of(base: Node, revision: Node) -> bool:
    objects = all("properties" in v.schema for v in (*base.variants, *revision.variants))
    return len(base.variants) == 1 and len(revision.variants) > 1 and revision.keyword == "oneOf" and objects


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
    # Inline variants left on both sides, in order: the same alternative retyped (oasdiff compares by position).
    for old, new in zip([v for v in left if v.ref is None], [v for v in right if v.ref is None], strict=False):
        pairs.append((old, new))
        left.remove(old)
        right.remove(new)
    return pairs, left, right


def _same_component(a: Variant, b: Variant) -> bool:
    return a.ref is not None and a.ref == b.ref


def _same_type(a: Variant, b: Variant) -> bool:
    return a.types == b.types and (a.ref is None or b.ref is None or a.ref != b.ref)


_STATE: Final = {True: "required", False: "optional"}
_READ_ONLY_SUFFIXES: Final = frozenset(
    {
        "enum-value-removed",
        "max-length-decreased",
        "max-decreased",
        "min-increased",
        "exclusive-max-decreased",
        "exclusive-min-increased",
    }
)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    # OpenAPI 3.0 writes exclusiveMaximum as a boolean: only numbers are bounds.
    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    return float(value)


def _show_limit(value: float | None) -> str:
    if value is None:
        return "none"
    return str(int(value)) if value.is_integer() else str(value)
