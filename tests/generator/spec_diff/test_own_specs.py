"""The edits a provider's doc change makes, on every spec of ours: each must be reported breaking.

For every provider, on the create request of the operation its mapping submits to: removing an
accepted enum value, making an optional field required, and retyping a field. Plus the two cases
the issue measured as missed: GlobalAiOpc losing its 12 s duration with `size` made required, and
a documented model removed from the unified format's open request enum.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import yaml

from generator._paths import MAPPINGS_DIR, SPECS_DIR, provider_files
from generator._speclib import load_spec
from generator.spec_diff import Level, diff_documents
from generator.spec_diff._resolve import Resolver

PROVIDERS = tuple(path.stem for path in provider_files(SPECS_DIR))  # discovered: a new provider is covered too
Edit = Callable[[dict[str, Any], dict[str, Any]], str]


def _create_request(spec: dict[str, Any], provider: str) -> dict[str, Any]:
    mapping = yaml.safe_load((MAPPINGS_DIR / f"{provider}.yaml").read_text(encoding="utf-8"))
    operation_id = mapping["client"]["submit"]["operation_id"]
    resolver = Resolver(spec)
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                body, _ = resolver.resolve(operation["requestBody"])
                media = next(iter(body["content"].values()))
                return resolver.resolve(media["schema"])[0]
    raise AssertionError(f"no operation {operation_id} in {provider}")


def _properties(spec: dict[str, Any], schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    resolver = Resolver(spec)
    for name, raw in (schema.get("properties") or {}).items():
        yield name, resolver.resolve(raw)[0]


def _drop_enum_value(spec: dict[str, Any], request: dict[str, Any]) -> str:
    """Drop the first value of the first enum found, nested objects (Rivya's `params`) included."""
    resolver = Resolver(spec)
    for name, prop in _properties(spec, request):
        for candidate in [prop, *(resolver.resolve(b)[0] for b in prop.get("anyOf") or [])]:
            if isinstance(candidate.get("enum"), list) and len(candidate["enum"]) > 1:
                candidate["enum"] = candidate["enum"][1:]
                return name
    for name, prop in _properties(spec, request):
        if "properties" in prop:
            return f"{name}/{_drop_enum_value(spec, prop)}"
    raise AssertionError("no request property with an enum")


def _make_required(spec: dict[str, Any], request: dict[str, Any]) -> str:
    required = request.setdefault("required", [])
    name = next(n for n, _ in _properties(spec, request) if n not in required)
    required.append(name)
    return name


def _retype(spec: dict[str, Any], request: dict[str, Any]) -> str:
    for name, prop in _properties(spec, request):
        if prop.get("type") == "string" and "enum" not in prop:
            prop["type"] = "integer"
            return name
    raise AssertionError("no plain string request property")


EDITS: dict[str, tuple[Edit, str]] = {
    "enum-value-removed": (_drop_enum_value, "enum"),
    "optional-became-required": (_make_required, "became-required"),
    "field-retyped": (_retype, "type-changed"),
}


@pytest.mark.parametrize("edit", sorted(EDITS), ids=sorted(EDITS))
@pytest.mark.parametrize("provider", PROVIDERS, ids=PROVIDERS)
def test_provider_doc_change_is_breaking(provider: str, edit: str) -> None:
    """A provider narrowing what its create request accepts is reported breaking, under the expected rule."""
    base = load_spec(SPECS_DIR / f"{provider}.yaml")
    revision = copy.deepcopy(base)
    function, rule_part = EDITS[edit]
    field = function(revision, _create_request(revision, provider))
    breaking = [c.rule for c in diff_documents(base, revision, provider) if c.level is Level.BREAKING]
    assert [] != [r for r in breaking if rule_part in r], f"{field}: {breaking}"


def test_globalaiopc_duration_removed_and_size_required_is_breaking() -> None:
    """The issue's miss: 12 s dropped and size made required behind the allOf of anyOf-of-required branches."""
    base = load_spec(SPECS_DIR / "globalaiopc.yaml")
    revision = copy.deepcopy(base)
    schemas = revision["components"]["schemas"]
    schemas["SoraSeconds"]["enum"] = [v for v in schemas["SoraSeconds"]["enum"] if v != 12]
    schemas["CreateSoraVideoRequest"]["required"].append("size")
    rules = {c.rule for c in diff_documents(base, revision, "globalaiopc") if c.level is Level.BREAKING}
    assert {"request-property-enum-value-removed", "request-property-became-required"} <= rules


def test_unified_model_removed_from_open_request_enum_is_breaking() -> None:
    """A documented model dropped from the unified open model enum means the provider no longer serves it."""
    base = load_spec(SPECS_DIR / "unifiedvideo.yaml")
    revision = copy.deepcopy(base)
    field = _drop_enum_value(revision, _create_request(revision, "unifiedvideo"))
    changes = [(c.rule, c.level) for c in diff_documents(base, revision, "unifiedvideo")]
    assert ("model", [("request-property-open-enum-value-removed", Level.BREAKING)]) == (field, changes)
