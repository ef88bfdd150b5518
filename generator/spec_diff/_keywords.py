"""Keyword-level comparisons of a schema: annotations a client reads, 3.1 applicators, allOf branch by branch.

`KeywordDiff` is mixed into `SchemaDiff` (`_schema.py`): default, pattern, deprecation with
`x-sunset`, discriminator; const, `x-extensible-enum`, `dependentRequired`/`dependentSchemas`,
`patternProperties`, `additionalProperties`, and the applicators whose presence constrains a value
(`contains`, `if`/`then`/`else`, `prefixItems`, `propertyNames`, `unevaluated*`); and `allOf`, each
branch being one more constraint, paired by component and then by position.
"""

from __future__ import annotations

from typing import Any, Final

from generator.spec_diff._emitter import Side, show
from generator.spec_diff._lifecycle import SUNSET
from generator.spec_diff._model import JsonPath
from generator.spec_diff._resolve import Resolver


class KeywordDiff:
    """The keyword comparisons; the host class provides `_side`, `_base`, `_revision`, `_emit` and `compare`."""

    _side: Side
    _base: Resolver
    _revision: Resolver

    def _emit(self, suffix: str, path: JsonPath, prop: str, message: str) -> None:
        raise NotImplementedError

    def compare(self, base: Any, revision: Any, path: JsonPath, prop: str = "") -> None:
        """Compare two schemas found at `path` (implemented by `SchemaDiff`)."""
        raise NotImplementedError

    def _side_same(self, base: Any, revision: Any) -> bool:
        """Whether two subschemas mean the same (implemented by `SchemaDiff`)."""
        raise NotImplementedError

    def _annotations(self, base: dict[str, Any], revision: dict[str, Any], path: JsonPath, prop: str) -> None:
        """default, pattern, discriminator and deprecated: what a generated client or validator reads."""
        what = self._side.what(prop)
        for keyword, family in (("default", "default-value"), ("pattern", "pattern")):
            if keyword == "default" and not prop and self._side.required_parameter:
                continue  # the client always sends a required parameter: its default never applies
            old, new = base.get(keyword), revision.get(keyword)
            if old == new or (keyword == "pattern" and not old and not new):
                continue
            had = keyword in base and (keyword != "pattern" or bool(old))  # `pattern: ''` is no pattern
            has = keyword in revision and (keyword != "pattern" or bool(new))
            verb = "added" if not had else "removed" if not has else "changed"
            if keyword == "pattern" and new == ".*" and self._side.sent:
                verb = "generalized"  # anything matches now
            self._emit(
                f"{family}-{verb}", (*path, keyword), prop, f"{what}: {keyword} {verb}: {show(old)} -> {show(new)}"
            )
        if prop and (base.get("deprecated") is True) != (revision.get("deprecated") is True):
            verb = "deprecated" if revision.get("deprecated") is True else "reactivated"
            if verb == "deprecated" and SUNSET in revision:
                verb = "deprecated-with-sunset"
            self._emit(verb, (*path, "deprecated"), prop, f"{what} {verb.replace('-', ' ')}")
        self._discriminator(base.get("discriminator"), revision.get("discriminator"), path, prop)

    def _discriminator(self, base: Any, revision: Any, path: JsonPath, prop: str) -> None:
        what, path = self._side.what(prop), (*path, "discriminator")
        if not isinstance(base, dict) or not isinstance(revision, dict):
            if isinstance(base, dict) != isinstance(revision, dict):
                verb = "added" if isinstance(revision, dict) else "removed"
                self._emit(f"discriminator-{verb}", path, prop, f"{what}: discriminator {verb}")
            return
        if base.get("propertyName") != revision.get("propertyName"):
            old, new = show(base.get("propertyName")), show(revision.get("propertyName"))
            message = f"{what}: discriminator property {old} -> {new}"
            self._emit("discriminator-property-name-changed", path, prop, message)
        old_map: dict[str, Any] = base.get("mapping") or {}
        new_map: dict[str, Any] = revision.get("mapping") or {}
        for key in sorted(old_map.keys() | new_map.keys()):
            if old_map.get(key) == new_map.get(key):
                continue
            verb = "added" if key not in old_map else "deleted" if key not in new_map else "changed"
            self._emit(f"discriminator-mapping-{verb}", path, prop, f"{what}: discriminator mapping {show(key)} {verb}")

    def _keywords(self, base: dict[str, Any], revision: dict[str, Any], path: JsonPath, prop: str) -> None:
        """const, x-extensible-enum and the JSON Schema 2020-12 applicators OpenAPI 3.1 brings."""
        what = self._side.what(prop)
        if base.get("const") != revision.get("const") or ("const" in base) != ("const" in revision):
            verb = "added" if "const" not in base else "removed" if "const" not in revision else "changed"
            old, new = show(base.get("const")), show(revision.get("const"))
            self._emit(f"const-{verb}", (*path, "const"), prop, f"{what}: const {verb}: {old} -> {new}")
        old_ext, new_ext = base.get("x-extensible-enum"), revision.get("x-extensible-enum")
        if self._side.sent and isinstance(old_ext, list) and isinstance(new_ext, list):
            for value in old_ext:
                if value not in new_ext:
                    message = f"{what}: x-extensible-enum value {show(value)} removed"
                    self._emit("x-extensible-enum-value-removed", (*path, "x-extensible-enum"), prop, message)
        for keyword, label in _APPLICATORS.items():
            if (keyword in base) != (keyword in revision):
                verb = "added" if keyword in revision else "removed"
                self._emit(f"{label}-{verb}", (*path, keyword), prop, f"{what}: {keyword} {verb}")
            elif isinstance(base.get(keyword), dict) and isinstance(revision.get(keyword), dict):
                self.compare(base[keyword], revision[keyword], (*path, keyword), prop)
        for keyword, label in (("dependentRequired", "dependent-required"), ("dependentSchemas", "dependent-schema")):
            old_map, new_map = _mapping(base.get(keyword)), _mapping(revision.get(keyword))
            for key in sorted(old_map.keys() | new_map.keys()):
                if key in old_map and key in new_map:
                    if keyword == "dependentRequired" and old_map[key] != new_map[key]:
                        message = (
                            f"{what}: dependentRequired of {show(key)}: {show(old_map[key])} -> {show(new_map[key])}"
                        )
                        self._emit(f"{label}-changed", (*path, keyword, key), prop, message)
                    continue
                verb = "added" if key in new_map else "removed"
                self._emit(f"{label}-{verb}", (*path, keyword, key), prop, f"{what}: {keyword} of {show(key)} {verb}")
        old_pp, new_pp = _mapping(base.get("patternProperties")), _mapping(revision.get("patternProperties"))
        for pattern in sorted(old_pp.keys() | new_pp.keys()):
            pp_path = (*path, "patternProperties", pattern)
            if pattern in old_pp and pattern in new_pp:
                self.compare(old_pp[pattern], new_pp[pattern], pp_path, f"{prop}/{pattern}" if prop else pattern)
            else:
                verb = "added" if pattern in new_pp else "removed"
                self._emit(
                    f"pattern-property-{verb}", pp_path, prop, f"{what}: patternProperties {show(pattern)} {verb}"
                )
        if base.get("not") != revision.get("not") and not self._side_same(base.get("not"), revision.get("not")):
            # `not` inverts its subschema, so its inner changes are not classed one by one: one finding.
            verb = "added" if "not" not in base else "removed" if "not" not in revision else "changed"
            self._emit(
                f"not-{verb}",
                (*path, "not"),
                prop,
                f"{what}: not {verb}: {show(base.get('not'))} -> {show(revision.get('not'))}",
            )
        old_ap, new_ap = base.get("additionalProperties"), revision.get("additionalProperties")
        if isinstance(old_ap, dict) and isinstance(new_ap, dict):
            self.compare(old_ap, new_ap, (*path, "additionalProperties"), f"{prop}/*" if prop else "*")

    def _all_of(self, base: dict[str, Any], revision: dict[str, Any], path: JsonPath, prop: str) -> None:
        """allOf branch by branch (paired by component, then by position): each branch is a constraint."""
        old_raw, new_raw = base.get("allOf"), revision.get("allOf")
        old: list[Any] = old_raw if isinstance(old_raw, list) else []
        new: list[Any] = new_raw if isinstance(new_raw, list) else []
        if not old and not new:
            return
        what = self._side.what(prop)
        old_refs = [self._base.resolve(b)[1] for b in old]
        new_refs = [self._revision.resolve(b)[1] for b in new]
        pairs: list[tuple[int, int]] = []
        left, right = list(range(len(old))), list(range(len(new)))
        for i in list(left):
            j = next((j for j in right if old_refs[i] is not None and old_refs[i] == new_refs[j]), None)
            if j is not None:
                pairs.append((i, j))
                left.remove(i)
                right.remove(j)
        for i, j in zip(list(left), list(right), strict=False):
            if old_refs[i] is None and new_refs[j] is None:
                pairs.append((i, j))
                left.remove(i)
                right.remove(j)
        for i in left:
            suffix = "all-of-removed" + ("-annotation-only" if _annotation_only(self._base.resolve(old[i])[0]) else "")
            self._emit(suffix, (*path, f"allOf[{i}]"), prop, f"{what}: allOf branch {old_refs[i] or i} removed")
        for j in right:
            suffix = "all-of-added" + (
                "-annotation-only" if _annotation_only(self._revision.resolve(new[j])[0]) else ""
            )
            self._emit(suffix, (*path, f"allOf[{j}]"), prop, f"{what}: allOf branch {new_refs[j] or j} added")
        for i, j in pairs:
            self.compare(old[i], new[j], (*path, f"allOf[{j}]"), prop)


# Keywords whose presence constrains a value: keyword -> label in the rule id.
_APPLICATORS: Final = {
    "contains": "contains",
    "if": "if",
    "then": "then",
    "else": "else",
    "prefixItems": "prefix-items",
    "propertyNames": "property-names",
    "unevaluatedItems": "unevaluated-items",
    "unevaluatedProperties": "unevaluated-properties",
}
_ANNOTATIONS: Final = frozenset(
    {"description", "title", "example", "examples", "deprecated", "externalDocs", "$comment"}
)


def _annotation_only(schema: dict[str, Any]) -> bool:
    return bool(schema) and all(key in _ANNOTATIONS or key.startswith("x-") for key in schema)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
