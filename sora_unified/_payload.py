"""Reading values out of a provider's JSON payload by path: the lookups normalization and error classification share."""

from __future__ import annotations

from sora_unified._spec import FieldPath


def lookup(payload: object, path: FieldPath) -> object:
    """The value at `path` (keys and list indexes), or None when any step is missing."""
    node = payload
    for step in path:
        if isinstance(step, int):
            if not isinstance(node, list) or not -len(node) <= step < len(node):
                return None
            node = node[step]
        elif isinstance(node, dict):  # JSON objects are dicts: a concrete check is ~4x cheaper than the ABC
            node = node.get(step)
        else:
            return None
    return node


def first_scalar(payload: object, paths: tuple[FieldPath, ...]) -> object:
    """The first value among `paths` that is a present, non-null scalar (objects and lists are skipped)."""
    for path in paths:
        value = lookup(payload, path)
        if value is not None and not isinstance(value, (dict, list)):
            return value
    return None


def first_text(payload: object, paths: tuple[FieldPath, ...]) -> str | None:
    """`first_scalar` as text; booleans are not text."""
    value = first_scalar(payload, paths)
    if value is None or isinstance(value, bool):
        return None
    text = str(value)
    return text if text else None
