"""Semantic corner cases of the diff: equivalent spellings, open enums, direction, cycles, nested limits."""

from __future__ import annotations

from typing import Any

import pytest

from generator.spec_diff import Level, diff_documents


def _doc(request_schema: dict[str, Any], response_schema: dict[str, Any], **schemas: Any) -> dict[str, Any]:
    operation = {
        "operationId": "createTask",
        "requestBody": {"required": True, "content": {"application/json": {"schema": request_schema}}},
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": response_schema}}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/v1/tasks": {"post": operation}},
        "components": {"schemas": schemas},
    }


def _obj(**props: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props}


def _rules(base: dict[str, Any], revision: dict[str, Any]) -> list[tuple[str, Level]]:
    return [(c.rule, c.level) for c in diff_documents(base, revision, "example")]


NULLABLE_SPELLINGS = {
    "anyOf-null": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    "type-list": {"type": ["string", "null"]},
    "oas30-nullable": {"type": "string", "nullable": True},
    "oneOf-null": {"oneOf": [{"type": "null"}, {"type": "string"}]},
}


@pytest.mark.parametrize("spelling", sorted(NULLABLE_SPELLINGS), ids=sorted(NULLABLE_SPELLINGS))
def test_nullable_spellings_are_equivalent(spelling: str) -> None:
    """Every way of writing a nullable string compares equal to `anyOf: [string, null]`."""
    base = _doc(_obj(), _obj(url=NULLABLE_SPELLINGS["anyOf-null"]))
    revision = _doc(_obj(), _obj(url=NULLABLE_SPELLINGS[spelling]))
    assert [] == _rules(base, revision)


def test_inline_and_ref_schemas_are_equivalent() -> None:
    """Moving an inline schema into components (same content) is no change."""
    inline = _doc(_obj(size={"type": "string", "enum": ["standard", "high"]}), _obj())
    by_ref = _doc(
        _obj(size={"$ref": "#/components/schemas/Size"}), _obj(), Size={"type": "string", "enum": ["standard", "high"]}
    )
    assert [] == _rules(inline, by_ref)


def test_open_enum_value_removed_from_response_is_info() -> None:
    """A documented value dropped from an open response enum cannot break a client."""
    status = {"anyOf": [{"$ref": "#/components/schemas/Status"}, {"type": "string"}]}
    base = _doc(_obj(), _obj(status=status), Status={"type": "string", "enum": ["queued", "done"]})
    revision = _doc(_obj(), _obj(status=status), Status={"type": "string", "enum": ["queued"]})
    assert [("response-property-open-enum-value-removed", Level.INFO)] == _rules(base, revision)


def test_request_enum_value_removed_is_breaking_but_response_is_info() -> None:
    """The same enum edit is breaking where the client sends the value and info where it receives it."""
    wide, narrow = {"type": "string", "enum": ["a", "b"]}, {"type": "string", "enum": ["a"]}
    assert [("request-property-enum-value-removed", Level.BREAKING)] == _rules(
        _doc(_obj(x=wide), _obj()), _doc(_obj(x=narrow), _obj())
    )
    assert [("response-property-enum-value-removed", Level.INFO)] == _rules(
        _doc(_obj(), _obj(x=wide)), _doc(_obj(), _obj(x=narrow))
    )


def test_recursive_schema_terminates_and_finds_nested_change() -> None:
    """A self-referencing schema is walked once per level of change, without looping."""
    node_v1 = {
        "type": "object",
        "properties": {"name": {"type": "string"}, "child": {"$ref": "#/components/schemas/N"}},
    }
    node_v2 = {
        "type": "object",
        "properties": {"name": {"type": "integer"}, "child": {"$ref": "#/components/schemas/N"}},
    }
    ref = {"$ref": "#/components/schemas/N"}
    changes = diff_documents(_doc(_obj(), ref, N=node_v1), _doc(_obj(), ref, N=node_v2), "example")
    assert [
        (
            "response-property-type-changed",
            "$.paths['/v1/tasks'].post.responses['200'].content['application/json'].schema.properties.name",
        )
    ] == [(c.rule, c.json_path) for c in changes]


def test_pure_ref_cycle_is_an_empty_schema() -> None:
    """`A -> B -> A` with nothing else resolves to an empty schema instead of recursing forever."""
    cycle = {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}
    doc = _doc(_obj(), {"$ref": "#/components/schemas/A"}, **cycle)
    assert [] == _rules(doc, doc)


def test_array_item_property_limits_are_compared() -> None:
    """Limits inside array items are found, with the item path in the message."""

    def items(max_length: int) -> dict[str, Any]:
        return _obj(refs={"type": "array", "items": _obj(url={"type": "string", "maxLength": max_length})})

    changes = diff_documents(_doc(items(2048), _obj()), _doc(items(1024), _obj()), "example")
    assert ["request property `refs[]/url`: maxLength decreased: 2048 -> 1024"] == [c.message for c in changes]


def test_renamed_path_parameter_is_the_same_endpoint() -> None:
    """`/tasks/{taskId}` and `/tasks/{id}` are one endpoint: renaming the parameter is no change."""

    def doc(name: str) -> dict[str, Any]:
        op = {
            "parameters": [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok"}},
        }
        return {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {f"/tasks/{{{name}}}": {"get": op}},
        }

    assert [] == _rules(doc("taskId"), doc("id"))


def test_security_moved_from_global_to_operation_is_info_only() -> None:
    """Moving a requirement from the top level onto the operation is reported as oasdiff does, none breaking."""
    base = _doc(_obj(), _obj())
    base["security"] = [{"bearerAuth": []}]
    revision = _doc(_obj(), _obj())
    revision["paths"]["/v1/tasks"]["post"]["security"] = [{"bearerAuth": []}]
    assert [("api-global-security-removed", Level.INFO), ("api-security-added", Level.INFO)] == sorted(
        _rules(base, revision)
    )


def test_replacing_auth_with_anonymous_access_is_not_breaking() -> None:
    """`security: [{}]` in place of a scheme lets every caller in: info, not breaking."""
    base = _doc(_obj(), _obj())
    base["paths"]["/v1/tasks"]["post"]["security"] = [{"bearerAuth": []}]
    revision = _doc(_obj(), _obj())
    revision["paths"]["/v1/tasks"]["post"]["security"] = [{}]
    assert [("api-security-removed", Level.INFO)] == _rules(base, revision)


def test_removing_the_only_scheme_accepted_is_breaking() -> None:
    """Dropping one of two alternatives refuses the clients that used it (our declared deviation)."""
    base = _doc(_obj(), _obj())
    base["paths"]["/v1/tasks"]["post"]["security"] = [{"bearerAuth": []}, {"apiKey": []}]
    revision = _doc(_obj(), _obj())
    revision["paths"]["/v1/tasks"]["post"]["security"] = [{"bearerAuth": []}]
    assert [("api-security-removed", Level.BREAKING)] == _rules(base, revision)


def test_status_range_and_code_inside_it_are_one_response() -> None:
    """`2XX` narrowed to `201` with the same body is no change (not a removed success status)."""
    base = _doc(_obj(), _obj(id={"type": "string"}))
    revision = _doc(_obj(), _obj(id={"type": "string"}))
    responses = base["paths"]["/v1/tasks"]["post"]["responses"]
    responses["2XX"] = responses.pop("200")
    revision["paths"]["/v1/tasks"]["post"]["responses"]["201"] = revision["paths"]["/v1/tasks"]["post"][
        "responses"
    ].pop("200")
    assert [] == _rules(base, revision)


def test_webhook_payload_is_compared_like_a_response() -> None:
    """A new value in a webhook payload's closed enum is a warning: the client receives it."""

    def doc(values: list[str]) -> dict[str, Any]:
        payload = _obj(type={"type": "string", "enum": values})
        hook = {"post": {"requestBody": {"content": {"application/json": {"schema": payload}}}, "responses": {}}}
        return {**_doc(_obj(), _obj()), "webhooks": {"generation.succeeded": hook}}

    changes = diff_documents(doc(["generation.succeeded"]), doc(["generation.succeeded", "generation.failed"]), "p")
    assert [("WEBHOOK generation.succeeded", "response-property-enum-value-added", Level.WARNING)] == [
        (c.operation, c.rule, c.level) for c in changes
    ]


def test_scope_added_is_breaking() -> None:
    """A scope newly required refuses tokens issued without it (our declared deviation from oasdiff's info)."""
    base = _doc(_obj(), _obj())
    base["paths"]["/v1/tasks"]["post"]["security"] = [{"oauth": ["read"]}]
    revision = _doc(_obj(), _obj())
    revision["paths"]["/v1/tasks"]["post"]["security"] = [{"oauth": ["read", "write"]}]
    assert [("api-security-scope-added", Level.BREAKING)] == _rules(base, revision)


def test_response_body_any_of_added_is_breaking() -> None:
    """A new alternative of a response body's anyOf is a shape the generated client does not parse (deviation)."""
    base = _doc(_obj(), {"anyOf": [{"type": "string"}, {"type": "integer"}]})
    revision = _doc(_obj(), {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "boolean"}]})
    assert [("response-body-any-of-added", Level.BREAKING)] == _rules(base, revision)


def test_broken_old_revision_is_diffed_not_refused() -> None:
    """A dangling $ref and a $ref cycle in the base (an old broken revision) are read leniently."""
    base = _doc(_obj(size={"$ref": "#/components/schemas/Missing"}, loop={"$ref": "#/components/schemas/A"}), _obj())
    base["components"]["schemas"].update(A={"$ref": "#/components/schemas/B"}, B={"$ref": "#/components/schemas/A"})
    revision = _doc(_obj(size={"type": "string"}, loop={"type": "string"}), _obj())
    # Both were "any" (unresolvable) and are strings now: the receiver accepts less.
    assert [("request-property-type-changed", Level.BREAKING)] * 2 == _rules(base, revision)


def test_speclib_follow_refs_is_strict_unless_lenient() -> None:
    """The one resolver: `_speclib.follow_refs` raises on a dangling ref, and with lenient=True marks it."""
    from generator._speclib import follow_refs

    spec: dict[str, Any] = {"components": {"schemas": {}}}
    with pytest.raises(KeyError):
        follow_refs(spec, {"$ref": "#/components/schemas/X"}, "")
    assert ({"x-unresolved-ref": "#/components/schemas/X"}, "/components/schemas/X") == follow_refs(
        spec, {"$ref": "#/components/schemas/X"}, "", lenient=True
    )


def test_not_subschema_change_is_one_finding() -> None:
    """A changed `not` (GlobalAiOpc's mutually exclusive fields) is reported once, not classed inside out."""
    base = _doc({"type": "object", "not": {"required": ["size", "aspect_ratio"]}}, _obj())
    revision = _doc({"type": "object", "not": {"required": ["size", "seconds"]}}, _obj())
    assert [("request-body-not-changed", Level.WARNING)] == _rules(base, revision)
