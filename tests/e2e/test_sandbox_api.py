"""Errors, auth, idempotency, Files API, credits, models and counters of the fake providers over raw HTTP."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from sora_sandbox import SandboxConfig, SandboxHandle, run_sandbox
from sora_sandbox.pytest_plugin import FAST
from sora_sandbox.testing import auth

RIVYA_BODY = {"model": "sora-2-pro", "prompt": "a red kite over the sea"}
UNIFIED_BODY = {
    "images": [],
    "model": "sora-2-pro",
    "orientation": "landscape",
    "prompt": "a red kite",
    "size": "small",
    "duration": 15,
}
OPC_BODY = {"model": "openAiSora2Pro", "prompt": "a red kite", "seconds": 4}
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
# provider -> (create path, create body, status path of the created task)
TASKS = {
    "rivya": ("/api/v1/generations", RIVYA_BODY, "/api/v1/generations/{id}"),
    "unifiedvideo": ("/v1/video/create", UNIFIED_BODY, "/v1/video/query?id={id}"),
    "globalaiopc": ("/kyyReactApiServer/v1/sora/videos", OPC_BODY, "/kyyReactApiServer/v1/result/{id}"),
}


@pytest.fixture(scope="module")
def sandbox_config() -> SandboxConfig:
    """The plugin's fast clock, with two accepted keys per provider (`auth(..., key_index=1)` is the other)."""
    return replace(FAST, keys={provider: (f"sbx-{provider}-owner", f"sbx-{provider}-other") for provider in TASKS})


# (provider, method, path, body that breaks the spec, expected status, where the error text lives)
INVALID = [
    pytest.param(
        "rivya", "/api/v1/generations", {**RIVYA_BODY, "files": []}, ("error", "code"), id="rivya-top-level-files"
    ),
    pytest.param(
        "rivya",
        "/api/v1/generations",
        {**RIVYA_BODY, "params": {"n_frames": 10}},
        ("error", "code"),
        id="rivya-n-frames-int",
    ),
    pytest.param(
        "unifiedvideo", "/v1/video/create", {**UNIFIED_BODY, "duration": 10}, ("error", "code"), id="unified-pro-10s"
    ),
    pytest.param("unifiedvideo", "/v1/video/create", {"prompt": "x"}, ("error", "code"), id="unified-missing-fields"),
    pytest.param(
        "globalaiopc",
        "/kyyReactApiServer/v1/sora/videos",
        {**OPC_BODY, "duration": 4},
        ("code",),
        id="opc-duration-and-seconds",
    ),
    pytest.param(
        "globalaiopc",
        "/kyyReactApiServer/v1/sora/videos",
        {**OPC_BODY, "size": "720x1280", "aspect_ratio": "9:16"},
        ("code",),
        id="opc-size-and-aspect-ratio",
    ),
]


def dig(body: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        body = body[key]
    return body


@pytest.mark.parametrize(("provider", "path", "body", "code_at"), INVALID)
def test_invalid_create_gets_400_in_provider_envelope(
    client: httpx.Client, sandbox: SandboxHandle, provider: str, path: str, body: Any, code_at: tuple[str, ...]
) -> None:
    """A body that violates the provider's spec gets 400 in that provider's error envelope, and no task."""
    response = client.post(path, json=body, headers=auth(sandbox, provider))
    expected_code = {"rivya": "validation_failed", "unifiedvideo": "validation_failed", "globalaiopc": "400"}[provider]
    assert (400, expected_code) == (response.status_code, dig(response.json(), code_at))
    assert {} == sandbox.stats()["tasks_created"]


def test_rivya_validation_error_has_request_id(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """Rivya's error envelope carries a `req_...` requestId and a message naming the offending field."""
    response = client.post("/api/v1/generations", json={**RIVYA_BODY, "extra": 1}, headers=auth(sandbox, "rivya"))
    error = response.json()["error"]
    assert (True, True) == (error["requestId"].startswith("req_"), "extra" in error["message"])


AUTHED = [
    pytest.param("rivya", "/api/v1/credits", ("error", "code"), id="rivya"),
    pytest.param("unifiedvideo", "/v1/video/query?id=x", ("error", "code"), id="unifiedvideo"),
    pytest.param("globalaiopc", "/kyyReactApiServer/v1/result/x", ("code",), id="globalaiopc"),
]


@pytest.mark.parametrize(("provider", "path", "code_at"), AUTHED)
def test_missing_and_invalid_keys_get_401(
    client: httpx.Client, sandbox: SandboxHandle, provider: str, path: str, code_at: tuple[str, ...]
) -> None:
    """No key and a wrong key both get 401 in the provider's envelope (Rivya: api_key_missing/api_key_invalid)."""
    missing = client.get(path)
    invalid = client.get(path, headers={"Authorization": "Bearer not-a-key"})
    expected = {
        "rivya": ["api_key_missing", "api_key_invalid"],
        "unifiedvideo": ["invalid_api_key", "invalid_api_key"],
        "globalaiopc": ["401", "401"],
    }[provider]
    assert [401, 401] == [missing.status_code, invalid.status_code]
    assert expected == [dig(missing.json(), code_at), dig(invalid.json(), code_at)]


@pytest.mark.parametrize("provider", sorted(TASKS))
def test_task_of_another_key_is_404(client: httpx.Client, sandbox: SandboxHandle, provider: str) -> None:
    """A task reads 200 with the key that created it, 404 with another accepted key, and 404 for an unknown id."""
    create, body, status = TASKS[provider]
    task_id = client.post(create, json=body, headers=auth(sandbox, provider)).json()["id"]
    owner = client.get(status.format(id=quote(task_id, safe="")), headers=auth(sandbox, provider))
    other = client.get(status.format(id=quote(task_id, safe="")), headers=auth(sandbox, provider, key_index=1))
    unknown = client.get(status.format(id="task_nope"), headers=auth(sandbox, provider))
    assert (200, task_id) == (owner.status_code, owner.json()["id"])
    assert [404, 404] == [other.status_code, unknown.status_code]


def test_models_is_public_and_lists_the_spec_models(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """GET /api/v1/models needs no key and lists the spec's model cards with their base credits."""
    response = client.get("/api/v1/models")
    assert [("sora-2-pro", 75)] == [(m["id"], m["base_credits"]) for m in response.json()["data"]]


def test_credits_decrease_by_base_credits(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """Each task takes the model's base credits from the key's balance."""
    headers = auth(sandbox, "rivya")
    before = client.get("/api/v1/credits", headers=headers).json()["current_credits"]
    client.post("/api/v1/generations", json=RIVYA_BODY, headers=headers)
    client.post("/api/v1/generations", json=RIVYA_BODY, headers=headers)
    after = client.get("/api/v1/credits", headers=headers).json()["current_credits"]
    assert 150 == before - after


def test_idempotency_replay_returns_the_same_task(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """Same Idempotency-Key and body: the same task, and only one task is created."""
    headers = {**auth(sandbox, "rivya"), "Idempotency-Key": "order-1"}
    first = client.post("/api/v1/generations", json=RIVYA_BODY, headers=headers)
    second = client.post("/api/v1/generations", json=RIVYA_BODY, headers=headers)
    key = f"rivya/{sandbox.keys['rivya']}"
    assert (200, first.json()["id"]) == (second.status_code, second.json()["id"])
    assert ({key: 1}, {f"{key}/order-1": 1}) == (sandbox.stats()["tasks_created"], sandbox.stats()["idempotency"])
    assert {f"{key}/order-1": 1} == sandbox.stats()["idempotent_replays"]


def test_idempotency_conflict_gets_409(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """Same Idempotency-Key with another body: 409 idempotency_conflict."""
    headers = {**auth(sandbox, "rivya"), "Idempotency-Key": "order-2"}
    client.post("/api/v1/generations", json=RIVYA_BODY, headers=headers)
    other = client.post("/api/v1/generations", json={**RIVYA_BODY, "prompt": "other"}, headers=headers)
    assert (409, "idempotency_conflict") == (other.status_code, other.json()["error"]["code"])


def upload(client: httpx.Client, sandbox: SandboxHandle, data: bytes, **fields: str) -> httpx.Response:
    files = {"file": ("reference.png", data, "image/png")}
    return client.post("/api/v1/files", files=files, data=fields, headers=auth(sandbox, "rivya"))


def test_upload_png_then_get_file_and_content(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """A PNG upload returns a PublicApiFile whose URL serves the bytes; getFile returns the same metadata."""
    uploaded = upload(client, sandbox, PNG, kind="image", model="sora-2-pro")
    meta = uploaded.json()
    fetched = client.get(f"/api/v1/files/{meta['id']}", headers=auth(sandbox, "rivya"))
    assert (200, "image/png", None) == (uploaded.status_code, meta["mime_type"], meta["duration_token"])
    assert meta == fetched.json()
    assert PNG == client.get(meta["url"]).content


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        pytest.param(b"GIF89a" + bytes(32), {"kind": "image"}, id="gif-signature"),
        pytest.param(b"\xff\xd8\xff" + bytes(10 * 1024 * 1024), {"kind": "image"}, id="jpeg-over-10-mib"),
        pytest.param(
            b"\x00\x00\x00\x18ftypmp42" + bytes(32), {"kind": "video", "model": "sora-2-pro"}, id="video-for-pro"
        ),
    ],
)
def test_upload_rejections(client: httpx.Client, sandbox: SandboxHandle, data: bytes, fields: dict[str, str]) -> None:
    """Wrong signature, over the size limit, or a kind the model does not take: 400 validation_failed."""
    response = upload(client, sandbox, data, **fields)
    assert (400, "validation_failed") == (response.status_code, response.json()["error"]["code"])


def test_get_file_of_another_key_is_404(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """getFile answers the uploading key, and not_found to another accepted key and for a missing file id."""
    file_id = upload(client, sandbox, PNG, kind="image").json()["id"]
    owner = client.get(f"/api/v1/files/{file_id}", headers=auth(sandbox, "rivya"))
    other = client.get(f"/api/v1/files/{file_id}", headers=auth(sandbox, "rivya", key_index=1))
    missing = client.get("/api/v1/files/file_missing", headers=auth(sandbox, "rivya"))
    assert (200, file_id) == (owner.status_code, owner.json()["id"])
    assert [(404, "not_found")] * 2 == [(r.status_code, r.json()["error"]["code"]) for r in (other, missing)]


def test_stats_over_http_count_requests_and_tasks(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """GET /_sandbox/stats counts requests per operation and tasks per (provider, key)."""
    client.post("/v1/video/create", json=UNIFIED_BODY, headers=auth(sandbox, "unifiedvideo"))
    client.post("/kyyReactApiServer/v1/sora/videos", json=OPC_BODY, headers=auth(sandbox, "globalaiopc"))
    stats = client.get("/_sandbox/stats").json()
    expected_tasks = {
        f"unifiedvideo/{sandbox.keys['unifiedvideo']}": 1,
        f"globalaiopc/{sandbox.keys['globalaiopc']}": 1,
    }
    assert expected_tasks == stats["tasks_created"]
    assert {"unifiedvideo/createVideo": 1, "globalaiopc/createSoraVideo": 1} == stats["requests"]


def test_configured_keys_replace_the_default() -> None:
    """Keys given in SandboxConfig are accepted; the provider's default key is then refused."""
    config = SandboxConfig(keys={"rivya": ("rvya_sk_one", "rvya_sk_two")})
    with run_sandbox(config) as custom, httpx.Client(base_url=custom.base_url) as http:
        statuses = [
            http.get("/api/v1/credits", headers={"Authorization": f"Bearer {key}"}).status_code
            for key in ("rvya_sk_one", "rvya_sk_two", "rvya_sk_sandbox_0123456789abcdef")
        ]
    assert [200, 200, 401] == statuses
