"""The answer-template language of the sandbox's `sandbox:` data (sora_sandbox/_template.py), form by form."""

from __future__ import annotations

import re
from typing import Any

import pytest

from sora_sandbox._template import TemplateError, render

CONTEXT: dict[str, Any] = {
    "phase": "running",
    "task": {"id": "t1", "duration_s": 8, "request": {"prompt": "p", "size": "small", "seed": None}},
    "cards": [{"model_id": "a"}, {"model_id": "b", "display_name": "B"}],
}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        pytest.param("{task.duration_s}", 8, id="whole-placeholder-keeps-type"),
        pytest.param("id={task.id}, {task.duration_s} s", "id=t1, 8 s", id="embedded-placeholders-format"),
        pytest.param("{task.request.seed}", None, id="null-stays-null"),
        pytest.param("{task.request.seed|task.id}", "t1", id="fallback-path"),
        pytest.param("{task.missing|[]}", [], id="fallback-json-literal"),
        pytest.param("{task.missing|'video'}", "video", id="fallback-quoted-string"),
        pytest.param({"a": {"$if": "running", "then": 1, "else": 2}}, {"a": 1}, id="if-phase"),
        pytest.param({"a": {"$if": "succeeded", "then": 1}}, {}, id="if-without-else-omits-the-key"),
        pytest.param({"a": {"$if": "!succeeded", "then": 1}}, {"a": 1}, id="if-negated"),
        pytest.param({"a": {"$if": ["queued", "running"], "then": 1}}, {"a": 1}, id="if-any-of"),
        pytest.param({"a": {"$if": "task.request.size=small", "then": 1, "else": 2}}, {"a": 1}, id="if-path-equals"),
        pytest.param({"$pick": "task.request", "keys": ["prompt", "model"]}, {"prompt": "p"}, id="pick-present-keys"),
        pytest.param({"$each": "cards", "item": "{item.display_name|item.model_id}"}, ["a", "B"], id="each-binds-item"),
        pytest.param([1, {"$if": "failed", "then": 2}, 3], [1, 3], id="list-drops-omitted"),
    ],
)
def test_forms(template: Any, expected: Any) -> None:
    """Each template form renders as the module docstring says."""
    assert expected == render(template, CONTEXT)


def test_random_ids_have_the_requested_form() -> None:
    """hex:N and ulid:N give N characters of their alphabet, fresh on each render."""
    first, second = render("task_{hex:24}", {}), render("task_{hex:24}", {})
    assert (True, True) == (bool(re.fullmatch(r"task_[0-9a-f]{24}", first)), first != second)
    assert re.fullmatch(r"[0-9a-hjkmnp-tv-z]{26}", render("{ulid:26}", {}))


def test_unknown_form_is_an_error() -> None:
    """A `$` key the language does not know fails loudly instead of being copied into an answer."""
    with pytest.raises(TemplateError, match=r"unknown template form '\$iff'"):
        render({"$iff": "running"}, CONTEXT)
