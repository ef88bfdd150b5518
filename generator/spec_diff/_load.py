"""Parse a spec fast: JSON directly, YAML from libyaml's event stream (3x faster than `yaml.load`).

`yaml.load` with the C loader still builds a node tree and then Python objects from it; on a 700 KB
spec that is 0.4-0.7 s of a diff a reviewer waits for. Here the C parser's events are turned into
dicts and lists in one loop, and plain scalars are resolved once per distinct text with the very
resolvers and constructors of `generator._speclib` (YAML 1.1 without timestamps), so the result is
the same data `_speclib.parse_spec` returns; `tests/generator/spec_diff/test_load.py` checks that on
every spec of the repository. Anchors and aliases are kept (an alias is the anchored object, as with
`yaml.load`); anything unusual (merge keys, explicit tags, complex keys) falls back to
`_speclib.parse_spec` itself.

A large text (over 256 KB) is also cached by its sha256 as JSON under `$XDG_CACHE_HOME/sora-video-toolkit/
spec-diff` (`~/.cache/...`; `SPEC_DIFF_CACHE=0` turns it off): the base side of a review rarely changes,
and reading 700 KB of JSON takes 3 ms where parsing the YAML takes 150 ms or more. The cache holds
plain JSON (never pickle), is keyed by the exact text, and keeps the 32 newest entries.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator import _speclib as lib


class _Fallback(Exception):
    """A YAML feature the event loop does not handle: use the full loader."""


_CACHED_FROM = 256_000
_CACHE_ENTRIES = 32


def _cache_dir() -> Path | None:
    if os.environ.get("SPEC_DIFF_CACHE", "1") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sora-video-toolkit" / "spec-diff"


def parse(text: str, origin: str) -> dict[str, Any]:
    """The document as JSON data (every key a string); `ValueError` if it is not a mapping."""
    folder = _cache_dir() if len(text) > _CACHED_FROM else None
    if folder is None:
        return _parse(text, origin)
    entry = folder / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}.json"
    try:
        cached = json.loads(entry.read_text(encoding="utf-8"))
        if isinstance(cached, dict):
            return cached
    except (OSError, ValueError):
        pass
    data = _parse(text, origin)
    _store(folder, entry, data)
    return data


def _store(folder: Path, entry: Path, data: dict[str, Any]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = entry.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(entry)  # atomic: a concurrent reader sees the whole entry or none
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_CACHE_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: no cache, same result


def _parse(text: str, origin: str) -> dict[str, Any]:
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            data = None  # YAML flow style that is not JSON: parse it as YAML
        if isinstance(data, dict):
            return data
    try:
        data = _from_events(text)
    except _Fallback:
        return lib.parse_spec(text, origin)
    if not isinstance(data, dict):
        raise ValueError(f"{origin}: a spec must be a YAML mapping")
    return data


def _from_events(text: str) -> Any:
    stack: list[Any] = []
    keys: list[Any] = []  # for each open mapping: the pending key, or _NO_KEY
    anchors: dict[str, Any] = {}  # an alias is the anchored object itself, as yaml.load makes it
    root: Any = None
    for event in yaml.parse(text, Loader=lib._SafeBase):
        if isinstance(event, yaml.ScalarEvent):
            if event.tag is not None and event.tag != "!":
                raise _Fallback
            value: Any = _plain(event.value) if event.implicit[0] else event.value
            if event.anchor is not None:
                anchors[event.anchor] = value
        elif isinstance(event, yaml.CollectionStartEvent):
            if event.tag is not None and not event.implicit:
                raise _Fallback
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            if event.anchor is not None:
                anchors[event.anchor] = container
            _add(stack, keys, container)
            stack.append(container)
            keys.append(_NO_KEY)
            continue
        elif isinstance(event, yaml.CollectionEndEvent):
            root = stack.pop()
            keys.pop()
            continue
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise _Fallback  # an undefined alias: let yaml.load word the error
            value = anchors[event.anchor]
        else:
            continue  # stream and document start/end
        if not stack:
            return value
        _add(stack, keys, value)
    return root


_NO_KEY = object()


def _add(stack: list[Any], keys: list[Any], value: Any) -> None:
    if not stack:
        return
    top = stack[-1]
    if isinstance(top, list):
        top.append(value)
    elif keys[-1] is _NO_KEY:
        if value == "<<" or isinstance(value, (dict, list)):
            raise _Fallback  # a merge key or a complex key
        keys[-1] = value
    else:
        top[str(keys[-1])] = value
        keys[-1] = _NO_KEY


_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_RESOLVER.yaml_implicit_resolvers = lib._SpecLoader.yaml_implicit_resolvers  # the same rules


@lru_cache(maxsize=8192)
def _plain(text: str) -> Any:
    """A plain scalar as `_speclib`'s loader reads it (`200` an int, `true` a bool, `2026-05-11` a string)."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag == _STR:
        return text
    try:
        return yaml.constructor.SafeConstructor().construct_object(yaml.ScalarNode(tag, text))
    except yaml.YAMLError:
        raise _Fallback from None  # `<<` (a merge key) and anything else the safe constructor refuses
