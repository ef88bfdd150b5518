"""`missing_required`, the walk behind the `response-required` rule: which required fields an example lacks.

The rule itself is proven on the lint fixture (broken/response-required.*.yaml); these cases pin the walk's
reach: `$ref`, `allOf`, nested objects, array items and `anyOf` branches of the example's own JSON type.
"""

from __future__ import annotations

from typing import Any

import pytest

from generator._speclint_schemas import Missing, missing_required

SPEC: dict[str, Any] = {
    "components": {
        "schemas": {
            "Task": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string"},
                    "result": {"anyOf": [{"$ref": "#/components/schemas/Result"}, {"type": "null"}]},
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                },
            },
            "Result": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}},
            "Item": {"allOf": [{"$ref": "#/components/schemas/Base"}], "properties": {"n": {"type": "integer"}}},
            "Base": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
        }
    }
}
CASES: dict[str, tuple[Any, list[Missing]]] = {
    "complete": ({"id": "t", "result": {"url": "u"}, "items": [{"kind": "a", "n": 1}]}, []),
    "null-result-takes-the-null-branch": ({"id": "t", "result": None}, []),
    "top-level-field": ({"result": None}, [("$", "id", "/components/schemas/Task/required")]),
    "nested-in-an-anyof-branch": (
        {"id": "t", "result": {}},
        [("$.result", "url", "/components/schemas/Result/required")],
    ),
    "array-item-through-allof": (
        {"id": "t", "items": [{"kind": "a"}, {"n": 1}]},
        [("$.items[1]", "kind", "/components/schemas/Base/required")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_missing_required_fields(name: str) -> None:
    """Each case yields exactly the (example path, field, pointer of `required`) it lacks, nothing else."""
    instance, expected = CASES[name]
    task = SPEC["components"]["schemas"]["Task"]
    assert expected == missing_required(SPEC, task, "/components/schemas/Task", instance)
