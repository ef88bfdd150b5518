"""Diff two versions of a mapping (specs/mappings/<provider>.yaml): what the unified layer sends and accepts.

A mapping decides what `sora_unified` puts on the wire, so a change in it can cost a caller money
or break a request without any spec change: GlobalAiOpc's default duration 8 s -> 12 s changes
the price of every call that leaves `seconds` unset. The diff walks both mappings leaf by leaf
(models matched by `id`, `aliases` and `content_types` as sets) and classes each leaf by where it
is:

- `models[].defaults.*`: `mapping-default-changed` (breaking: a caller who set nothing gets another value);
- `models[]` and `models[].aliases`: a model or alias removed is breaking, added is info;
- `request.*`: where a field is sent (`to`, `transform`, `list`, `item`) and its `values` table;
- `statuses.map`: which provider status becomes which `TaskStatus`;
- `polling.*`: how often `wait()` polls (info);
- `decisions`, `source` and comments are documentation: not compared; anything else: `mapping-changed`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.spec_diff._model import Change
from generator.spec_diff._schema import Emitter, show

_IGNORED = frozenset({"decisions", "source", "sources", "$comment"})
_SETS = frozenset({"aliases", "content_types"})
Leaf = tuple[tuple[str, ...], Any, Any]
_ABSENT = object()


def diff_mappings(base: Mapping[str, Any], revision: Mapping[str, Any], origin: str) -> list[Change]:
    """Every change from `base` to `revision` of one mapping file, with rule ids of our own (`mapping-*`)."""
    provider = str(revision.get("provider") or base.get("provider") or origin)
    emitter = Emitter(provider, f"mapping {origin}")
    for path, old, new in _leaves((), base, revision):
        _classify(emitter, path, old, new)
    return emitter.changes


def _leaves(path: tuple[str, ...], old: Any, new: Any) -> Iterator[Leaf]:
    if old == new:
        return
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key in sorted(set(old) | set(new), key=str):
            if str(key) not in _IGNORED:
                yield from _leaves((*path, str(key)), old.get(key, _ABSENT), new.get(key, _ABSENT))
        return
    if path and path[-1] == "models" and isinstance(old, list) and isinstance(new, list):
        before, after = _by_id(old), _by_id(new)
        for key in sorted(before.keys() | after.keys()):
            yield from _leaves((*path, key), before.get(key, _ABSENT), after.get(key, _ABSENT))
        return
    if path and path[-1] in _SETS and isinstance(old, list) and isinstance(new, list):
        for value in old:
            if value not in new:
                yield (*path, str(value)), value, _ABSENT
        for value in new:
            if value not in old:
                yield (*path, str(value)), _ABSENT, value
        return
    yield path, old, new


def _by_id(models: list[Any]) -> dict[str, Any]:
    return {str(m.get("id")) if isinstance(m, Mapping) else str(i): m for i, m in enumerate(models)}


def _classify(emitter: Emitter, path: tuple[str, ...], old: Any, new: Any) -> None:
    where = ".".join(path)
    shown_old = "absent" if old is _ABSENT else show(old)
    shown_new = "absent" if new is _ABSENT else show(new)
    message = f"{where}: {shown_old} -> {shown_new}"
    verb = "added" if old is _ABSENT else "removed" if new is _ABSENT else "changed"
    rule = "mapping-changed"
    if (path[0] == "models" and len(path) == 2) or (path[:1] == ("models",) and "aliases" in path):
        rule = "mapping-added" if verb == "added" else "mapping-removed" if verb == "removed" else "mapping-changed"
        if verb == "removed":
            message = f"{where} removed: a request naming it is now refused ({shown_old})"
    elif path[0] == "models" and "defaults" in path:
        rule = "mapping-default-changed"
        message = f"default {where}: {shown_old} -> {shown_new} (sent whenever the caller leaves it unset)"
    elif path[0] == "request" and "values" in path:
        rule = {"added": "mapping-allowed-value-added", "removed": "mapping-allowed-value-removed"}.get(
            verb, "mapping-field-changed"
        )
    elif path[0] == "request":
        rule = {"added": "mapping-field-added", "removed": "mapping-field-removed"}.get(verb, "mapping-field-changed")
    elif path[:2] == ("statuses", "map"):
        rule = f"mapping-status-{verb}"
    elif path[0] == "polling":
        rule = "mapping-polling-changed"
    emitter.emit(rule, ("mapping", *path), message)
