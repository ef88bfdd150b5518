"""Compare the payloads found on one page with the stored examples, and validate each against the spec.

Matching is by JSON value (whitespace is not compared: the stored copies keep the published text,
pages reformat it). A payload equal to any stored example of the provider is known; a stored
verbatim/seed example citing this page (`x-source`) that no payload equals is paired with the most
similar unknown payload of the same kind: that pair is an example *changed* on the page (with a JSON
diff); what stays unpaired is *gone* (stored, no longer shown) or *new* (shown, not stored).

Every distinct payload is validated against the schema of its operation and status: the stored
example's when it is known or changed, else the page's own hint (curl URL, Apifox status), else the
schema it fits best. A rejected response is breaking (a client generated from the spec would refuse
a real answer of that shape); a rejected request is a warning (the docs show a request the spec
cannot express: a new option, or a field no longer sent).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match

from generator import _speclib as lib
from generator.docs_check._model import Finding, Level, PageStats, Payload, json_path
from generator.docs_check._provider import Provider, StoredExample, Target

_SIMILAR = 0.5  # share of top-level keys two payloads must have in common to be one example, changed


@dataclass
class _Seen:
    payload: Payload
    target: Target | None
    known: StoredExample | None = None


def compare_page(
    provider: Provider, page: str, payloads: Sequence[Payload], source: str
) -> tuple[list[Finding], PageStats]:
    """The example and schema findings of one page, and what the page yielded."""
    out = _Out(provider.id, page)
    distinct = _distinct(payloads)
    by_value = {_canonical(ex.value): ex for ex in provider.examples if ex.value is not None}
    seen: list[_Seen] = []
    for payload in distinct:
        known = by_value.get(_canonical(payload.value))
        seen.append(_Seen(payload, known.target if known else None, known))
    expected = [ex for ex in provider.examples if ex.source == page and ex.expected_on_page]
    missing = [ex for ex in expected if not any(s.known is ex for s in seen)]
    for item in seen:
        if item.known is not None:
            _known(out, item)
    unknown = [s for s in seen if s.known is None and not _out_of_scope(out, provider, s.payload)]
    for stored, item in _pair(missing, unknown):
        item.target = stored.target
        diff = list(diff_json(stored.value, item.payload.value))
        out.add(
            "example-changed",
            Level.WARNING,
            f"the page shows a changed version ({len(diff)} difference(s))",
            stored.file,
            detail=diff,
        )
        missing.remove(stored)
        unknown.remove(item)
    for stored in missing:
        out.add(
            "example-gone",
            Level.WARNING,
            "stored as a copy of this page (x-source), no longer shown on it",
            stored.file,
        )
    for item in unknown:
        item.target = _best_target(provider, item.payload)
        what = item.target.description if item.target else "no operation of the spec"
        out.add(
            "example-new",
            Level.INFO,
            f"a payload with no stored copy, line {item.payload.line} ({what})",
            item.target.label if item.target else "",
            detail=[_short(item.payload.value)],
        )
    for item in seen:
        if item.target is not None and (item.known is None or item.known.origin != "doc-error"):
            _validate(out, provider, item)
    matched = sum(1 for s in seen if s.known is not None)
    return out.findings, PageStats(provider.id, page, source, len(payloads), len(distinct), matched)


class _Out:
    def __init__(self, provider: str, page: str) -> None:
        self.provider, self.page, self.findings = provider, page, list[Finding]()

    def add(
        self, rule: str, level: Level, message: str, where: str = "", path: str = "", detail: Sequence[str] = ()
    ) -> None:
        self.findings.append(Finding(self.provider, self.page, rule, level, message, where, path, tuple(detail)))


def _known(out: _Out, item: _Seen) -> None:
    known = item.known
    assert known is not None
    if known.origin == "doc-error":
        out.add(
            "documentation-error-still-published",
            Level.INFO,
            "the page still shows this payload, listed in x-documentation-errors",
            known.file,
        )
    elif json.dumps(known.value) != json.dumps(item.payload.value):
        out.add("example-key-order-changed", Level.INFO, "same keys and values, in another order", known.file)


def _out_of_scope(out: _Out, provider: Provider, payload: Payload) -> bool:
    model = payload.value.get("model") if isinstance(payload.value, dict) else None
    for entry in provider.out_of_scope:
        if entry.get("source") == out.page and model is not None and entry.get("model") == model:
            out.add(
                "example-out-of-scope",
                Level.INFO,
                f"payload for model {model!r} on line {payload.line}: listed in x-out-of-scope-examples",
            )
            return True
    return False


def _distinct(payloads: Sequence[Payload]) -> list[Payload]:
    """One payload per JSON value (Mintlify pages show each example twice), the first kept."""
    firsts: dict[str, Payload] = {}
    for payload in payloads:
        firsts.setdefault(_canonical(payload.value), payload)
    return list(firsts.values())


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _pair(missing: list[StoredExample], unknown: list[_Seen]) -> list[tuple[StoredExample, _Seen]]:
    """Greedy pairs of a stored example and an unknown payload of the same kind, most similar first."""
    scored = sorted(
        (
            (_similarity(s.value, u.payload.value), i, j)
            for i, s in enumerate(missing)
            for j, u in enumerate(unknown)
            if u.payload.kind in (None, s.target.kind if s.target else None)
        ),
        reverse=True,
    )
    pairs: list[tuple[StoredExample, _Seen]] = []
    used_s: set[int] = set()
    used_u: set[int] = set()
    for score, i, j in scored:
        if score >= _SIMILAR and i not in used_s and j not in used_u:
            pairs.append((missing[i], unknown[j]))
            used_s.add(i)
            used_u.add(j)
    return pairs


def _similarity(a: Any, b: Any) -> float:
    if isinstance(a, dict) and isinstance(b, dict):
        keys = a.keys() | b.keys()
        return sum(1 for k in keys if k in a and k in b) / len(keys) if keys else 1.0
    return 1.0 if type(a) is type(b) else 0.0


def diff_json(old: Any, new: Any, path: tuple[str | int, ...] = ()) -> Iterator[str]:
    """One line per difference from the stored copy (`old`) to the page (`new`)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            where = (*path, key)
            if key not in new:
                yield f"{json_path(where)}: removed (was {_short(old[key])})"
            elif key not in old:
                yield f"{json_path(where)}: added {_short(new[key])}"
            else:
                yield from diff_json(old[key], new[key], where)
    elif isinstance(old, list) and isinstance(new, list) and old and new:
        for index in range(max(len(old), len(new))):
            if index >= len(new):
                yield f"{json_path((*path, index))}: removed (was {_short(old[index])})"
            elif index >= len(old):
                yield f"{json_path((*path, index))}: added {_short(new[index])}"
            else:
                yield from diff_json(old[index], new[index], (*path, index))
    elif old != new or type(old) is not type(new):
        yield f"{json_path(path)}: {_short(old)} -> {_short(new)}"


def _short(value: Any, limit: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _best_target(provider: Provider, payload: Payload) -> Target | None:
    """The page's own hint (operation, kind, status) narrowed by validation; fewest errors wins."""
    candidates = provider.targets_for(payload.method, payload.path) or list(provider.targets)
    candidates = [t for t in candidates if payload.kind in (None, t.kind)]
    candidates = [t for t in candidates if payload.status in (None, t.status)] or candidates
    if not candidates:
        return None

    def score(target: Target) -> tuple[int, float]:
        errors = sum(1 for _ in provider.validator(target.schema_pointer).iter_errors(payload.value))
        properties = _top_properties(provider, target)
        keys = set(payload.value) if isinstance(payload.value, dict) else set()
        overlap = len(keys & properties) / len(keys | properties) if keys | properties else 0.0
        return (errors, -overlap)

    return min(candidates, key=score)


def _top_properties(provider: Provider, target: Target) -> set[str]:
    node, _ = lib.follow_refs(provider.spec, lib.resolve_pointer(provider.spec, target.schema_pointer), "")
    props = node.get("properties") if isinstance(node, dict) else None
    return set(props) if isinstance(props, dict) else set()


def _validate(out: _Out, provider: Provider, item: _Seen) -> None:
    target = item.target
    assert target is not None
    level = Level.BREAKING if target.kind == "response" else Level.WARNING
    where = item.known.file if item.known else target.label
    errors = sorted(provider.validator(target.schema_pointer).iter_errors(item.payload.value), key=_error_key)
    # One finding per JSON path: a value can break several constraints there (a general enum, a per-model one).
    by_path: dict[str, list[str]] = {}
    for error in errors:
        path, message = explain(error)
        if message not in by_path.setdefault(path, []):
            by_path[path].append(message)
    for path, messages in by_path.items():
        text = f"{target.description} rejects it: {'; '.join(messages)}"
        out.add(f"{target.kind}-example-rejected", level, text, where, path)


def _error_key(error: ValidationError) -> tuple[str, str]:
    return (error.json_path, error.message)


def explain(error: ValidationError) -> tuple[str, str]:
    """(JSON path of the offending field, why): an unexpected or missing field is named in the path itself."""
    if error.context:
        return explain(best_match(error.context))
    tokens = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        extra = [k for k in error.instance if k not in (schema.get("properties") or {})]
        if extra:
            return json_path([*tokens, extra[0]]), f"field not in the spec ({', '.join(map(repr, extra))} on the page)"
    if error.validator == "required" and isinstance(error.instance, dict) and isinstance(error.validator_value, list):
        absent = [k for k in error.validator_value if k not in error.instance]
        if absent:
            return json_path([*tokens, absent[0]]), f"required by the spec, missing on the page ({', '.join(absent)})"
    return json_path(tokens), error.message
