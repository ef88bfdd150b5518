"""Answer templates: the JSON a provider sends, written as data in the `sandbox:` section of its mapping.

A template is JSON (YAML) whose strings may hold `{expression}` placeholders:

- a string that is exactly one placeholder, `"{task.duration_s}"`, becomes the value itself (an int stays an int,
  None becomes null); placeholders inside a longer string are formatted into it (`"req_{hex:24}"`);
- an expression is a dotted path into the context (`task.id`, `body.params.n_frames`, `card.base_credits`), or
  `hex:N` / `ulid:N` (N random characters), with fallbacks after `|`: another path, a JSON literal
  (`|null`, `|[]`, `|0`) or a quoted string (`|'video'`);
- `{"$if": "succeeded", "then": X, "else": Y}` picks by the task's phase or by `path=value` (one condition or a
  list of which any may hold; `!` negates); without `else` the key is left out of its object when it is false;
- `{"$pick": "task.request", "keys": [...]}` copies the listed keys that are present;
- `{"$each": "cards", "item": X}` renders X once per element, the element bound as `item`.

Everything else is copied as it is.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_ULID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
_MISSING = object()
_OMIT = object()


@dataclass(frozen=True)
class TemplateError(Exception):
    """A template that cannot be rendered (an unknown `$` form, a malformed expression)."""

    message: str

    def __str__(self) -> str:
        return self.message


def render(template: Any, context: Mapping[str, Any]) -> Any:
    """The JSON value `template` describes in `context` (see the module docstring)."""
    value = _render(template, context)
    return None if value is _OMIT else value


def _render(node: Any, context: Mapping[str, Any]) -> Any:
    if isinstance(node, str):
        return _string(node, context)
    if isinstance(node, list):
        items = (_render(item, context) for item in node)
        return [item for item in items if item is not _OMIT]
    if not isinstance(node, Mapping):
        return node
    if "$if" in node:
        if _condition(node["$if"], context):
            return _render(node.get("then"), context)
        return _render(node["else"], context) if "else" in node else _OMIT
    if "$pick" in node:
        source = lookup(str(node["$pick"]), context)
        source = source if isinstance(source, Mapping) else {}
        return {key: source[key] for key in node.get("keys", []) if key in source}
    if "$each" in node:
        items = lookup(str(node["$each"]), context)
        if not isinstance(items, Sequence):
            raise TemplateError(f"$each needs a list, {node['$each']!r} is {type(items).__name__}")
        return [_render(node.get("item"), {**context, "item": item}) for item in items]
    unknown = [key for key in node if isinstance(key, str) and key.startswith("$")]
    if unknown:
        raise TemplateError(f"unknown template form {unknown[0]!r}")
    rendered = {key: _render(value, context) for key, value in node.items()}
    return {key: value for key, value in rendered.items() if value is not _OMIT}


def _condition(spec: Any, context: Mapping[str, Any]) -> bool:
    """True when any listed condition holds: a phase (`succeeded`, `!failed`) or `path=value` (compared as text)."""
    wanted = [spec] if isinstance(spec, str) else list(spec)
    for item in map(str, wanted):
        negated = item.startswith("!")
        path, equals, value = item.lstrip("!").partition("=")
        actual = _text(lookup(path, context)) if equals else context.get("phase")
        if (actual == (value if equals else path)) != negated:
            return True
    return False


def _string(text: str, context: Mapping[str, Any]) -> Any:
    whole = _PLACEHOLDER.fullmatch(text)
    if whole:
        return evaluate(whole.group(1), context)
    return _PLACEHOLDER.sub(lambda m: _text(evaluate(m.group(1), context)), text)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def evaluate(expression: str, context: Mapping[str, Any]) -> Any:
    """The value of one placeholder expression (None when no alternative has a value)."""
    for alternative in expression.split("|"):
        value = _alternative(alternative.strip(), context)
        if value is not _MISSING and value is not None:
            return value
    return None


def _alternative(text: str, context: Mapping[str, Any]) -> Any:
    if text.startswith("'") and text.endswith("'") and len(text) >= 2:
        return text[1:-1]
    kind, _, count = text.partition(":")
    if kind in ("hex", "ulid") and count.isdigit():
        n = int(count)
        if kind == "hex":
            return secrets.token_hex((n + 1) // 2)[:n]
        return "".join(secrets.choice(_ULID_ALPHABET) for _ in range(n))
    if text[:1] in "[{0123456789-" or text in ("null", "true", "false"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise TemplateError(f"not a JSON literal: {text!r}") from exc
    return lookup(text, context, _MISSING)


def lookup(path: str, data: Any, missing: Any = None) -> Any:
    """The value at a dotted path (mapping keys, list indexes or attributes), or `missing`."""
    node = data
    for part in path.split("."):
        if isinstance(node, Mapping):
            node = node.get(part, _MISSING)
        elif isinstance(node, Sequence) and not isinstance(node, str) and part.isdigit():
            node = node[int(part)] if int(part) < len(node) else _MISSING
        else:
            node = getattr(node, part, _MISSING)
        if node is _MISSING:
            return missing
    return node
