"""The generated clients against what a hostile or odd server path does: over real HTTP on 127.0.0.1.

Multipart bodies (endpoint_module.py.jinja override): a field value carrying `\\r\\n--+++\\r\\n` and a fake part
must arrive as one field with its exact value, and every request draws a fresh boundary.
Checked on the golden fixture package and on the generated provider clients.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest

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
