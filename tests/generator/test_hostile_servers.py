"""The generated clients against what a hostile or odd server path does: over real HTTP on 127.0.0.1.

Multipart bodies (endpoint_module.py.jinja override): a field value carrying `\\r\\n--+++\\r\\n` and a fake part
must arrive as one field with its exact value, and every request draws a fresh boundary. Status codes no
registry lists (520-527 from gateways, 999): the client returns them instead of raising ValueError.
Checked on the golden fixture package and on the generated provider clients; last, a payload the provider
documents with fewer fields than the spec once required (Rivya's six-field create response).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from http import HTTPStatus
from io import BytesIO
from typing import Any

import pytest

from generator._paths import REPO_ROOT
from tests.generator._recording_server import Recorded, recording_server

# What upstream's fixed boundary let a prompt do: close the field, then open a part of one's own.
INJECTED = 'a red kite\r\n--+++\r\nContent-Disposition: form-data; name="kind"\r\n\r\nvideo\r\n--+++--\r\n'
PNG = b"\x89PNG\r\n\x1a\n" + b"\r\n--+++\r\n" + b"\x00" * 8  # a file whose bytes contain the old delimiter too

Upload = Callable[[str, str], Any]  # (base_url, text value) -> the generated Response


def _golden_upload(base_url: str, value: str) -> Any:
    client_mod = importlib.import_module("minivideo_client.client")
    upload = importlib.import_module("minivideo_client.api.uploads.upload")
    models = importlib.import_module("minivideo_client.models")
    types = importlib.import_module("minivideo_client.types")
    body = models.UploadRequest(
        file=types.File(payload=BytesIO(PNG), file_name="a.png", mime_type="image/png"), public=True, caption=value
    )
    with client_mod.AuthenticatedClient(base_url=base_url, token="t") as client:
        return upload.sync_detailed(client=client, body=body)


def _rivya_upload(base_url: str, value: str) -> Any:
    from rivya_client import AuthenticatedClient
    from rivya_client.api.files import upload_file
    from rivya_client.models import FileKind, UploadFileRequest
    from rivya_client.types import File

    file = File(payload=BytesIO(PNG), file_name="a.png", mime_type="image/png")
    body = UploadFileRequest(file=file, kind=FileKind.IMAGE, client_request_id=value)
    with AuthenticatedClient(base_url=base_url, token="t") as client:
        return upload_file.sync_detailed(client=client, body=body)


# (name, upload, the fields expected on the wire in order, with INJECTED where the text value goes)
UPLOADS: dict[str, tuple[Upload, list[tuple[str, bytes]]]] = {
    "minivideo_client.upload": (
        _golden_upload,
        [("file", PNG), ("public", b"true"), ("caption", INJECTED.encode())],
    ),
    "rivya_client.upload_file": (
        _rivya_upload,
        [("file", PNG), ("kind", b"image"), ("client_request_id", INJECTED.encode())],
    ),
}


def _send(name: str, values: list[str]) -> list[Recorded]:
    upload, _ = UPLOADS[name]
    with recording_server() as server:
        server.body = b'{"url": "https://files.example.invalid/a.png"}'
        for value in values:
            upload(server.base_url, value)
    return server.requests


@pytest.mark.parametrize("name", sorted(UPLOADS))
def test_injected_delimiter_arrives_as_one_field(name: str, golden_package: str) -> None:
    """A text field (and a file) containing the old fixed delimiter and a fake part arrives as sent, nothing added."""
    _, expected = UPLOADS[name]
    (request,) = _send(name, [INJECTED])
    assert expected == request.form_fields()


@pytest.mark.parametrize("name", sorted(UPLOADS))
def test_each_request_draws_its_own_boundary(name: str, golden_package: str) -> None:
    """Two uploads use two different boundaries, neither of them upstream's fixed `+++`."""
    first, second = (request.boundary() for request in _send(name, ["one", "two"]))
    assert (True, False) == (first != second, "+++" in (first, second))


def _golden_get(base_url: str, raise_on_unexpected_status: bool) -> Any:
    client_mod = importlib.import_module("minivideo_client.client")
    get_task = importlib.import_module("minivideo_client.api.tasks.get_task")
    client = client_mod.AuthenticatedClient(
        base_url=base_url, token="t", raise_on_unexpected_status=raise_on_unexpected_status
    )
    with client:
        return get_task.sync_detailed("t1", client=client)


def _rivya_create(base_url: str, raise_on_unexpected_status: bool) -> Any:
    from rivya_client import AuthenticatedClient
    from rivya_client.api.generations import create_generation
    from rivya_client.models import CreateGenerationRequest

    body = CreateGenerationRequest.from_dict({"model": "sora-2-pro", "prompt": "a red kite"})
    with AuthenticatedClient(
        base_url=base_url, token="t", raise_on_unexpected_status=raise_on_unexpected_status
    ) as client:
        return create_generation.sync_detailed(client=client, body=body, idempotency_key="k1")


def _unified_create(base_url: str, raise_on_unexpected_status: bool) -> Any:
    from unifiedvideo_client import AuthenticatedClient
    from unifiedvideo_client.api.video import create_video
    from unifiedvideo_client.models import CreateVideoRequest

    payload = {"images": [], "model": "sora-2-pro", "orientation": "landscape", "prompt": "a kite", "size": "small"}
    body = CreateVideoRequest.from_dict({**payload, "duration": 15})
    with AuthenticatedClient(
        base_url=base_url, token="t", raise_on_unexpected_status=raise_on_unexpected_status
    ) as client:
        return create_video.sync_detailed(client=client, body=body)


def _opc_create(base_url: str, raise_on_unexpected_status: bool) -> Any:
    from globalaiopc_client import AuthenticatedClient
    from globalaiopc_client.api.sora import create_sora_video
    from globalaiopc_client.models import CreateSoraVideoRequest

    body = CreateSoraVideoRequest.from_dict({"model": "openAiSora2Pro", "prompt": "a kite", "seconds": 4})
    with AuthenticatedClient(
        base_url=base_url, token="t", raise_on_unexpected_status=raise_on_unexpected_status
    ) as client:
        return create_sora_video.sync_detailed(client=client, body=body)


SUBMITS: dict[str, Callable[[str, bool], Any]] = {
    "minivideo_client.get_task": _golden_get,
    "rivya_client.create_generation": _rivya_create,
    "unifiedvideo_client.create_video": _unified_create,
    "globalaiopc_client.create_sora_video": _opc_create,
}
# JSON, so that clients declaring a 5XX range (unifiedvideo, globalaiopc) parse it rather than fail on HTML.
GATEWAY_BODY = b'{"error": {"code": "origin_error", "message": "Web server is returning an unknown error"}}'


@pytest.mark.parametrize("status", [520, 527, 999])
@pytest.mark.parametrize("name", sorted(SUBMITS))
def test_unregistered_status_is_returned_not_raised(name: str, status: int, golden_package: str) -> None:
    """sync_detailed returns a Response carrying the unregistered code and the raw body instead of raising."""
    with recording_server() as server:
        server.status, server.body = status, GATEWAY_BODY
        response = SUBMITS[name](server.base_url, False)
    assert (status, False, GATEWAY_BODY) == (
        response.status_code,
        type(response.status_code) is HTTPStatus,
        response.content,
    )


@pytest.mark.parametrize("name", sorted(SUBMITS))
def test_undocumented_status_raises_the_documented_error_when_asked(name: str, golden_package: str) -> None:
    """With raise_on_unexpected_status, a 999 (documented by no spec) raises UnexpectedStatus, not ValueError."""
    errors = importlib.import_module(f"{name.split('.')[0]}.errors")
    with recording_server() as server:
        server.status, server.body = 999, GATEWAY_BODY
        with pytest.raises(errors.UnexpectedStatus) as caught:
            SUBMITS[name](server.base_url, True)
    assert (999, GATEWAY_BODY) == (caught.value.status_code, caught.value.content)


def test_registered_status_is_still_an_http_status(golden_package: str) -> None:
    """A registered code stays the HTTPStatus member (phrase available); only unregistered ones are plain ints."""
    http_status = importlib.import_module(f"{golden_package}.types").http_status
    assert (HTTPStatus.ACCEPTED, "Accepted", 520, False) == (
        http_status(202),
        http_status(202).phrase,
        http_status(520),
        isinstance(http_status(520), HTTPStatus),
    )


def test_rivya_create_parses_the_six_field_example_of_its_own_page() -> None:
    """The developers page's create response (no final_credits, no timestamps) parses; absent fields are UNSET."""
    from rivya_client.models import Generation
    from rivya_client.types import UNSET

    example = REPO_ROOT / "specs/examples/rivya/createGeneration.response-2XX.z-image-quickstart-shape.json"
    with recording_server() as server:
        server.status, server.body = 201, example.read_bytes()
        response = _rivya_create(server.base_url, False)
    parsed = response.parsed
    assert isinstance(parsed, Generation)
    assert ("task_public_id", 20, UNSET, UNSET, UNSET) == (
        parsed.id,
        parsed.reserved_credits,
        parsed.final_credits,
        parsed.created_at,
        parsed.updated_at,
    )
