"""download.operation: a result fetched through an authenticated API operation, the key never sent elsewhere.

A fixture mapping (Rivya's, with `download.operation` naming its getGeneration operation as the content
operation) is loaded by the real mapping loader and rendered by the real session.py.jinja; the rendered
adapter, on Rivya's generated client, is then registered as "rivya" behind a MockTransport.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator._unified_mapping import SCHEMA_FILE, MappingError, _schema_validator, load_provider
from generator.unified import _environment
from sora_unified import _registry
from tests.unified._support import KEY, REPO, example, ok

VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 16
TASK = "gen_01JABCDEF"
DONE = example("rivya/getGeneration.response-200.succeeded.json") | {"id": TASK}
OPERATION = {
    "operation_id": "getGeneration",
    "module": "rivya_client.api.generations.get_generation",
    "task_id_param": "taskId",
}


def load_mapping(tmp_path: Path, operation: dict[str, str]) -> Any:
    """Rivya's spec and mapping, the mapping given `download.operation`, through the real loader."""
    mappings = tmp_path / "mappings"
    mappings.mkdir()
    shutil.copy(REPO / "specs" / "rivya.yaml", tmp_path / "rivya.yaml")
    shutil.copy(REPO / "specs" / "mappings" / SCHEMA_FILE, mappings / SCHEMA_FILE)
    mapping = yaml.safe_load((REPO / "specs" / "mappings" / "rivya.yaml").read_text(encoding="utf-8"))
    mapping["download"]["operation"] = operation
    (mappings / "rivya.yaml").write_text(yaml.safe_dump(mapping), encoding="utf-8")
    return load_provider(tmp_path / "rivya.yaml", mappings / "rivya.yaml", _schema_validator(mappings))


@pytest.fixture
def content_provider(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Register "rivya" with the adapter rendered from a mapping that declares download.operation."""
    context = load_mapping(tmp_path, OPERATION)
    module_path = tmp_path / "rivya_content_session.py"
    module_path.write_text(_environment().get_template("session.py.jinja").render(p=context), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("rivya_content_session", module_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "rivya_content_session", module)
    spec.loader.exec_module(module)
    provider_spec, _ = _registry.PROVIDERS["rivya"]
    monkeypatch.setitem(_registry.PROVIDERS, "rivya", (provider_spec, module.Session))  # type: ignore[index]


def video(_: httpx.Request | None = None) -> httpx.Response:
    return httpx.Response(200, content=VIDEO, headers={"content-type": "video/mp4"})


@pytest.mark.usefixtures("content_provider")
def test_result_is_streamed_from_the_operation_with_the_key(make: Callable[..., Any], tmp_path: Path) -> None:
    """download() GETs the content operation's path with the API key (and identity encoding), not the video_url."""
    h = make("rivya", ok(DONE), video())
    path = h.download(h.get(TASK), tmp_path / "out.mp4")
    content = h.recorder.requests[-1]
    assert (VIDEO, f"https://rivya.test/api/v1/generations/{TASK}", f"Bearer {KEY}", "identity") == (
        path.read_bytes(),
        str(content.url),
        content.headers.get("authorization"),
        content.headers.get("accept-encoding"),
    )


@pytest.mark.usefixtures("content_provider")
@pytest.mark.parametrize(
    "location", ["https://cdn.example.net/signed/v.mp4?sig=abc", "/files/v.mp4"], ids=["other-origin", "same-origin"]
)
def test_redirect_from_the_operation_never_carries_the_key(
    make: Callable[..., Any], tmp_path: Path, location: str
) -> None:
    """A redirect from the content operation, to any origin, is followed by the keyless client."""
    h = make("rivya", ok(DONE), httpx.Response(302, headers={"location": location}), video())
    path = h.download(h.get(TASK), tmp_path / "out.mp4")
    api, followed = h.recorder.requests[-2:]
    assert (VIDEO, f"Bearer {KEY}", None, False) == (
        path.read_bytes(),
        api.headers.get("authorization"),
        followed.headers.get("authorization"),
        KEY in str(followed.headers) + str(followed.url),
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"module": "rivya_client.api.generations.create_generation"}, "is not rivya_client.api"),
        ({"operation_id": "nope", "module": "rivya_client.api.generations.nope"}, "operationId 'nope' is not in"),
        ({"task_id_param": "id"}, "parameter 'id' is not declared"),
        (
            {"operation_id": "createGeneration", "module": "rivya_client.api.generations.create_generation"},
            "not a GET",
        ),
    ],
    ids=["wrong-module", "unknown-operation", "unknown-param", "not-a-get"],
)
def test_bad_download_operation_is_a_mapping_error(tmp_path: Path, change: dict[str, str], message: str) -> None:
    """download.operation is checked against the spec like client.get: module, operation, parameter, and GET."""
    with pytest.raises(MappingError, match=message):
        load_mapping(tmp_path, OPERATION | change)
