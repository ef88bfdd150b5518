"""Every fault kind of the sandbox is observable by a raw HTTP client, and counted."""

from __future__ import annotations

import email.utils
import json

import httpx
import pytest

from sora_sandbox import EndpointKind, FaultConfig, FaultKind, SandboxHandle, ScriptedFault
from sora_sandbox.testing import auth, poll

BODY = {"model": "sora-2-pro", "prompt": "a lighthouse at dusk"}
CREATE = "/api/v1/generations"


def create(client: httpx.Client, sandbox: SandboxHandle, **headers: str) -> httpx.Response:
    return client.post(CREATE, json=BODY, headers={**auth(sandbox, "rivya"), **headers})


def script(
    sandbox: SandboxHandle,
    kind: FaultKind,
    endpoint: EndpointKind = EndpointKind.CREATE,
    status: int | None = None,
    retry_after: str | None = None,
    after_commit: bool | None = None,
) -> None:
    fault = ScriptedFault(kind, "rivya", endpoint, status=status, retry_after=retry_after, after_commit=after_commit)
    sandbox.script_faults([fault])


@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_rate_limited_has_retry_after(client: httpx.Client, sandbox: SandboxHandle, form: str) -> None:
    """429 rate_limited with Retry-After as delay-seconds or as an HTTP-date."""
    script(sandbox, FaultKind.RATE_LIMITED, retry_after=form)
    response = create(client, sandbox)
    value = response.headers["retry-after"]
    parsed = value.isdigit() if form == "seconds" else email.utils.parsedate_to_datetime(value) is not None
    assert (429, "rate_limited", True) == (response.status_code, response.json()["error"]["code"], parsed)
    assert {} == sandbox.stats()["tasks_created"]


@pytest.mark.parametrize(
    ("status", "content_type"), [(500, "application/json"), (502, "text/html"), (503, "application/json")]
)
def test_server_errors(client: httpx.Client, sandbox: SandboxHandle, status: int, content_type: str) -> None:
    """500 and 503 in the provider envelope, 502 as a proxy's HTML page; no task is created."""
    script(sandbox, FaultKind.SERVER_ERROR, status=status)
    response = create(client, sandbox)
    assert (status, content_type) == (response.status_code, response.headers["content-type"].split(";")[0])
    assert {} == sandbox.stats()["tasks_created"]


def test_reset_drops_the_connection(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """A reset fault closes the connection without any response."""
    script(sandbox, FaultKind.RESET)
    with pytest.raises(httpx.TransportError):
        create(client, sandbox)
    assert {"rivya/create/reset": 1} == sandbox.stats()["faults"]


def test_slow_response_trips_client_timeout(sandbox: SandboxHandle) -> None:
    """A slow fault answers after slow_s, past a shorter client read timeout (a GET: no late side effect)."""
    sandbox.set_faults(slow_s=1.0)
    script(sandbox, FaultKind.SLOW, endpoint=EndpointKind.STATUS)
    with httpx.Client(base_url=sandbox.base_url, timeout=0.2) as short, pytest.raises(httpx.ReadTimeout):
        short.get("/api/v1/credits", headers=auth(sandbox, "rivya"))


def test_truncated_json_body(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """A truncated body is a 200 whose JSON is cut short (the task exists)."""
    script(sandbox, FaultKind.TRUNCATED)
    response = create(client, sandbox)
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    assert 200 == response.status_code


def test_non_json_body(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """A non-JSON fault answers 200 with an HTML page."""
    script(sandbox, FaultKind.NON_JSON, endpoint=EndpointKind.STATUS)
    response = client.get("/api/v1/credits", headers=auth(sandbox, "rivya"))
    assert (200, "text/html") == (response.status_code, response.headers["content-type"].split(";")[0])


def test_unknown_status_value(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """A task payload may carry an undocumented status ("rendering")."""
    task_id = create(client, sandbox).json()["id"]
    script(sandbox, FaultKind.UNKNOWN_STATUS, endpoint=EndpointKind.STATUS)
    response = client.get(f"{CREATE}/{task_id}", headers=auth(sandbox, "rivya"))
    assert "rendering" == response.json()["status"]


def test_task_failed_fault(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """A task_failed fault lets the create succeed and the task end failed."""
    script(sandbox, FaultKind.TASK_FAILED)
    task_id = create(client, sandbox).json()["id"]
    seen = poll(
        lambda: client.get(f"{CREATE}/{task_id}", headers=auth(sandbox, "rivya")).json(), {"succeeded", "failed"}
    )
    assert "failed" == seen[-1]["status"]


@pytest.mark.parametrize("kind", [FaultKind.SERVER_ERROR, FaultKind.RESET])
def test_fault_after_commit_keeps_the_task(client: httpx.Client, sandbox: SandboxHandle, kind: FaultKind) -> None:
    """After-commit faults lose the answer but the task exists; a retry with the same key does not duplicate it."""
    script(sandbox, kind, status=500, after_commit=True)
    lost_status: int | None
    try:
        lost_status = create(client, sandbox, **{"Idempotency-Key": "retry-me"}).status_code
    except httpx.TransportError:
        lost_status = None
    tasks_after_loss = dict(sandbox.stats()["tasks_created"])
    retried = create(client, sandbox, **{"Idempotency-Key": "retry-me"})
    one_task = {f"rivya/{sandbox.keys['rivya']}": 1}
    assert {FaultKind.SERVER_ERROR: 500, FaultKind.RESET: None}[kind] == lost_status
    assert (one_task, 200, one_task) == (tasks_after_loss, retried.status_code, sandbox.stats()["tasks_created"])


def test_random_faults_are_reproducible_by_seed(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """The same seed and rate give the same fault sequence; the control API sets them over HTTP."""
    config = {"rate": 0.5, "seed": 7, "kinds": ["rate_limited", "server_error"]}

    def run() -> list[int]:
        assert 200 == client.put("/_sandbox/faults", json=config).status_code
        return [client.get("/api/v1/models").status_code for _ in range(20)]

    first, second = run(), run()
    faults = client.get("/_sandbox/stats").json()["faults"]
    assert first == second
    assert sum(1 for s in first if s != 200) * 2 == sum(faults.values())


def test_rates_per_provider_and_endpoint(sandbox: SandboxHandle) -> None:
    """A per-target rate overrides the global rate; other targets keep the global one."""
    config = FaultConfig(rate=0.0, rates={"rivya/create": 1.0, "*/download": 0.25})
    rates = [config.rate_for(p, e) for p, e in [("rivya", EndpointKind.CREATE), ("rivya", EndpointKind.STATUS)]]
    assert [1.0, 0.0, 0.25] == [*rates, config.rate_for("globalaiopc", EndpointKind.DOWNLOAD)]


def test_script_over_http_then_counted(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """POST /_sandbox/faults/script queues a fault; the stats count it per provider, endpoint and kind."""
    item = {"kind": "server_error", "provider": "unifiedvideo", "endpoint": "status", "status": 503}
    client.post("/_sandbox/faults/script", json=[item])
    response = client.get("/v1/video/query", params={"id": "x"}, headers=auth(sandbox, "unifiedvideo"))
    stats = client.get("/_sandbox/stats").json()
    assert (503, {"unifiedvideo/status/server_error": 1}) == (response.status_code, stats["faults"])
    assert 0 == stats["scripted_faults_pending"]


def test_download_cut_short_then_resumed_with_range(client: httpx.Client, sandbox: SandboxHandle) -> None:
    """A download cut short fails the read; a Range request for the rest completes the same file."""
    task_id = create(client, sandbox).json()["id"]
    done = poll(lambda: client.get(f"{CREATE}/{task_id}", headers=auth(sandbox, "rivya")).json(), {"succeeded"})
    url = done[-1]["result"]["primary_url"]
    full = client.get(url).content
    script(sandbox, FaultKind.TRUNCATED, endpoint=EndpointKind.DOWNLOAD)
    received = b""
    with pytest.raises(httpx.RemoteProtocolError), client.stream("GET", url) as stream:
        for chunk in stream.iter_raw():
            received += chunk
    rest = client.get(url, headers={"Range": f"bytes={len(received)}-"})
    assert (206, full) == (rest.status_code, received + rest.content)
    assert 0 < len(received) < len(full)
