"""The contract machinery on the fixture spec: messages name file and path, mutations are derived and rejected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.contract._contract_cases import (
    doc_error_cases,
    example_cases,
    load_all,
    mutation_cases,
    read_json,
)
from tests.contract._contract_mutations import derive_mutations, json_path, must_reject

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures" / "lint" / "base"
SPECS = load_all(FIXTURE_DIR)
EXAMPLES = {case.id: case for case in example_cases(SPECS)}
DISPLAY = "tests/contract/fixtures/lint/base/examples/fixture"


def test_fixture_examples_are_found() -> None:
    """Examples are discovered under request bodies, responses (refs followed) and webhooks."""
    expected = {
        "createVideo.request.minimal.json": ("createVideo", "request", None, False),
        "createVideo.response-200.queued.json": ("createVideo", "response", "200", False),
        "createVideo.response-200.failed.json": ("createVideo", "response", "200", False),
        "webhook.video-completed.minimal.json": ("video.completed", "request", None, True),
    }
    actual = {k: (c.example.owner, c.example.kind, c.example.status, c.example.webhook) for k, c in EXAMPLES.items()}
    assert expected == actual


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("createVideo.request.minimal.json", ["remove:$.prompt", "remove:$.seconds", "type:$.prompt", "enum:$.seconds",
                                              "type:$.seconds"]),
        # status is an open enum (anyOf [VideoStatus, string]): a wrong type, but no "undocumented value".
        ("createVideo.response-200.queued.json", ["remove:$.id", "remove:$.status", "type:$.id", "type:$.status"]),
        ("createVideo.response-200.failed.json", ["remove:$.id", "remove:$.status", "type:$.id", "type:$.status",
                                                  "type:$.error"]),
    ],
    ids=["createVideo.request.minimal.json", "createVideo.response-200.queued.json",
         "createVideo.response-200.failed.json"],
)  # fmt: skip
def test_mutations_derived_from_schema(file: str, expected: list[str]) -> None:
    """Only variants the schema must reject are derived: required removals, closed enums, wrong types."""
    case = EXAMPLES[file]
    assert case.example.schema_pointer is not None
    value, _ = read_json(case.example.path)
    assert expected == [m.id for m in derive_mutations(case.loaded.spec, case.example.schema_pointer, value)]


def test_mutation_messages_name_file_and_path() -> None:
    """A rejected variant's message is `file: $.path: reason`."""
    cases = {c.id: c for c in mutation_cases(list(EXAMPLES.values()))}
    rendered, matching = cases["createVideo.request.minimal.json::enum:$.seconds"].reported()
    assert ([f"{DISPLAY}/createVideo.request.minimal.json: $.seconds: 9 is not one of [4, 8]"], ["$.seconds"]) == (
        rendered,
        matching,
    )


def test_invalid_example_is_reported_with_path(tmp_path: Path) -> None:
    """An example that breaks its schema fails, naming the file and the JSON path of each error."""
    shutil.copytree(FIXTURE_DIR, tmp_path / "specs")
    example = tmp_path / "specs" / "examples" / "fixture" / "createVideo.request.minimal.json"
    example.write_text('{"prompt": "a cat", "seconds": 12, "colour": "red"}', encoding="utf-8")
    (case,) = [c for c in example_cases(load_all(tmp_path / "specs")) if c.id == example.name]
    expected = [
        f"{example.as_posix()}: $: Additional properties are not allowed ('colour' was unexpected)",
        f"{example.as_posix()}: $.seconds: 12 is not one of [4, 8]",
    ]
    assert expected == case.errors()


def test_documentation_error_reason_names_file_and_path() -> None:
    """A documentation error is rejected, and the recorded reason names the file and the JSON path."""
    doc_error = doc_error_cases(SPECS)[0]
    expected = (
        f"{DISPLAY}/doc-errors/createVideo.request.string-seconds.json: $.seconds: '8' is not of type 'integer'; "
        f"{DISPLAY}/doc-errors/createVideo.request.string-seconds.json: $.seconds: '8' is not one of [4, 8]"
    )
    assert expected == doc_error.rejection()


def test_unparseable_documentation_error_is_rejected(tmp_path: Path) -> None:
    """A documented example that is not JSON at all counts as rejected, with the parse error as reason."""
    path = tmp_path / "x.json"
    path.write_text('{"prompt": "a", }', encoding="utf-8")
    assert (None, "not JSON: Expecting property name enclosed in double quotes: line 1 column 17 (char 16)") == (
        read_json(path)
    )


def test_must_reject_is_sound_on_open_enum() -> None:
    """An open status (anyOf [enum, string]) accepts any string, so no variant claims otherwise."""
    spec = SPECS[0].spec
    status = {"$ref": "#/components/schemas/VideoTask/properties/status"}
    assert (False, True) == (must_reject(spec, status, "cancelled"), must_reject(spec, status, 3))


def test_json_path_matches_jsonschema() -> None:
    """Paths are written as jsonschema writes them: `.key`, `[0]`, `['odd key']`."""
    assert "$.a[0]['b-c']" == json_path(["a", 0, "b-c"])
