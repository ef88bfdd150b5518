"""Round-trip contract of the generated clients against every documented example.

Each response example parses (through the endpoint's own response parser) into the generated model and
serializes back to the same JSON, unknown fields included; each request example builds the generated
request model, which serializes to the documented JSON (or, for multipart/form-data, the documented form
fields) and is what the endpoint would send.
"""

from __future__ import annotations

import importlib
import inspect
import json
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from openapi_python_client.strings import snake_case

from generator._paths import SPECS_DIR, provider_files
from generator._speclib import Spec, SpecExample, iter_examples, iter_operations, load_spec, provider_id

# Each spec loaded once, by provider id (what SpecExample.provider holds).
SPECS: dict[str, tuple[Path, Spec]] = {}
for _path in provider_files(SPECS_DIR):
    _spec = load_spec(_path)
    SPECS[provider_id(_spec, _path)] = (_path, _spec)

EXAMPLES = [
    example
    for path, spec in SPECS.values()
    for example in iter_examples(spec, path)
    if example.media_type in ("application/json", "multipart/form-data") and not example.webhook
]


def _endpoint(example: SpecExample) -> ModuleType:
    spec = SPECS[example.provider][1]
    (op,) = [o for o in iter_operations(spec) if o.owner == example.owner]
    tag = op.node["tags"][0]
    return importlib.import_module(f"{example.provider}_client.api.{snake_case(tag)}.{snake_case(example.owner)}")


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _status_code(status: str) -> int:
    return int(status.replace("XX", "00")) if status != "default" else 500


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind == "response"], ids=lambda e: e.path.name)
def test_response_example_round_trips(example: SpecExample) -> None:
    """The endpoint parses the documented response into its model, and to_dict gives the same JSON back."""
    payload = json.loads(example.path.read_text(encoding="utf-8"))
    module = _endpoint(example)
    client_module = importlib.import_module(f"{example.provider}_client.client")
    client = client_module.Client(base_url="http://127.0.0.1:9")
    assert example.status is not None
    response = httpx.Response(_status_code(example.status), json=payload)
    parsed = module._parse_response(client=client, response=response)
    assert parsed is not None, f"{example.path.name}: status {example.status} is not parsed by the generated client"
    assert _canonical(payload) == _canonical(parsed.to_dict())


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind == "request"], ids=lambda e: e.path.name)
def test_request_example_builds_and_serializes(example: SpecExample) -> None:
    """The documented request builds the generated body model, which the endpoint sends as the same JSON."""
    payload = json.loads(example.path.read_text(encoding="utf-8"))
    module = _endpoint(example)
    hints = typing.get_type_hints(module._get_kwargs)
    body_types = [t for t in typing.get_args(hints["body"]) or (hints["body"],) if hasattr(t, "from_dict")]
    assert 1 == len(body_types), f"{example.path.name}: no single body model in {hints['body']}"
    body = body_types[0].from_dict(payload)
    assert _canonical(payload) == _canonical(body.to_dict())
    params = inspect.signature(module._get_kwargs).parameters
    path_args = {name: "x" for name, p in params.items() if p.kind is p.POSITIONAL_OR_KEYWORD}
    kwargs = module._get_kwargs(**path_args, body=body)
    if example.media_type == "multipart/form-data":
        # Each form field is one part, its text the value (the example is the JSON object of the parts).
        parts = {name: content.decode() for name, (_file_name, content, _mime) in kwargs["files"]}
        assert {name: str(value) for name, value in payload.items()} == parts
    else:
        assert _canonical(payload) == _canonical(kwargs["json"])


def test_every_provider_has_examples() -> None:
    """Each spec contributes request and response examples to the round trip (it cannot pass empty)."""
    providers = {path.stem for path, _ in SPECS.values()}
    assert providers == {e.provider for e in EXAMPLES if e.kind == "request"}
    assert providers == {e.provider for e in EXAMPLES if e.kind == "response"}


def test_example_files_exist() -> None:
    """Every referenced example file is on disk."""
    assert [] == [str(e.path) for e in EXAMPLES if not Path(e.path).is_file()]
