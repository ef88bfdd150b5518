"""The key never shown, bad input refused before any request: hostile callers and echoing servers.

Before: a key with a trailing newline leaked through httpx's LocalProtocolError into every traceback and
made submit say "may have created a task"; `code` and `request_id` echoed the key; `prompt=None` raised
AttributeError, bytes TypeError, a lone surrogate UnicodeEncodeError; ids `.` and `..` were normalised onto
other endpoints.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import httpx
import pytest

from sora_unified import (
    AuthenticationError,
    ConfigurationError,
    ProviderConnectionError,
    TaskStatus,
    ValidationError,
    VideoClient,
    VideoRequest,
)
from tests.hostile._hostile import KEY, payload, provider_ids, status_word

BASE = "https://provider.test"


class Counting:
    """A MockTransport handler that records requests and answers with one fixed response."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.response.status_code, headers=self.response.headers, content=self.response.content)


def _client(provider: str, handler: Counting, api_key: str = KEY) -> VideoClient:
    return VideoClient(provider, api_key=api_key, base_url=BASE, transport=httpx.MockTransport(handler))


def _everything(exc: BaseException) -> str:
    """All a user or a log could see of an exception: its text, repr, attributes and the whole chain."""
    shown = "".join(traceback.format_exception(exc))
    return shown + repr(vars(exc)) + repr(exc)


@pytest.mark.parametrize("provider", provider_ids())
@pytest.mark.parametrize("padding", ["\n", " \r\n", "\t"], ids=["newline", "crlf", "tab"])
def test_surrounding_whitespace_of_a_key_is_stripped(provider: str, padding: str) -> None:
    """A key read from a file with its newline is sent without it (it used to leak and fake an unknown outcome)."""
    body = payload(provider, id="t1", status=status_word(provider, TaskStatus.RUNNING))
    handler = Counting(httpx.Response(200, json=body))
    with _client(provider, handler, api_key=KEY + padding) as client:
        client.get("t1")
    sent = [value for _, value in handler.requests[0].headers.items() if KEY in value]
    assert (1, True) == (len(sent), sent[0].endswith(KEY) and sent[0].strip() == sent[0])


@pytest.mark.parametrize("provider", provider_ids())
@pytest.mark.parametrize("bad", ["sk_in\nside_0123456789", "sk_in side_0123456789", "sk_ключ_0123456789"])
def test_unsendable_key_is_refused_when_the_client_is_built(provider: str, bad: str) -> None:
    """Control characters, inner spaces or non-ASCII: ConfigurationError at construction, the key never shown."""
    with pytest.raises(ConfigurationError) as caught:
        VideoClient(provider, api_key=bad, base_url=BASE)
    assert ("api_key", False) == (caught.value.setting, bad in _everything(caught.value))


@pytest.mark.parametrize("provider", provider_ids())
def test_key_from_environment_is_checked_too(provider: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment variable's key follows the same policy, and the error names the variable."""
    env = next(info.api_key_env for info in VideoClient.providers() if info.id == provider)
    monkeypatch.setenv(env, "sk_bad\x07key_0123456789")
    with pytest.raises(ConfigurationError, match=env):
        VideoClient(provider, base_url=BASE)


@pytest.mark.parametrize("provider", provider_ids())
def test_an_echoed_key_is_redacted_in_every_field(provider: str) -> None:
    """A provider echoing the key in code, message, request id (body and header): none of it shows the key."""
    body = {
        "error": {"code": KEY, "message": f"bad key {KEY}", "type": KEY},
        "code": KEY,
        "message": f"bad key {KEY}",
        "msg": KEY,
        "request_id": KEY,
        "requestId": KEY,
    }
    handler = Counting(httpx.Response(401, json=body, headers={"x-request-id": KEY, "request-id": KEY}))
    with _client(provider, handler) as client, pytest.raises(AuthenticationError) as caught:
        client.get("t1")
    assert KEY not in _everything(caught.value)


@pytest.mark.parametrize("provider", provider_ids())
def test_an_echoed_key_in_a_task_error_is_redacted(provider: str) -> None:
    """TaskError.code and .message from a failed task's payload never show the key."""
    body = payload(
        provider, id="t1", status=status_word(provider, TaskStatus.FAILED), error_code=KEY, error_message=f"k={KEY}"
    )
    with _client(provider, Counting(httpx.Response(200, json=body))) as client:
        task = client.get("t1")
    assert (TaskStatus.FAILED, False) == (task.status, KEY in repr(task.error))


BAD_REQUESTS = {
    "prompt-none": ("prompt", {"prompt": None}),
    "prompt-int": ("prompt", {"prompt": 5}),
    "prompt-list": ("prompt", {"prompt": ["a"]}),
    "prompt-float": ("prompt", {"prompt": 1.5}),
    "prompt-bool": ("prompt", {"prompt": True}),
    "prompt-bytes": ("prompt", {"prompt": b"a fox"}),
    "prompt-surrogate": ("prompt", {"prompt": "a fox \ud800"}),
    "prompt-zero-width": ("prompt", {"prompt": "\u200b\u200b \u2060"}),
    "seconds-str": ("seconds", {"prompt": "a fox", "seconds": "10"}),
    "seconds-bool": ("seconds", {"prompt": "a fox", "seconds": True}),
    "orientation-word": ("orientation", {"prompt": "a fox", "orientation": "square"}),
    "watermark-str": ("watermark", {"prompt": "a fox", "watermark": "no"}),
    "model-empty": ("model", {"prompt": "a fox", "model": ""}),
    "model-int": ("model", {"prompt": "a fox", "model": 2}),
    "reference-bytes": ("reference_image", {"prompt": "a fox", "reference_image": b"/tmp/x.png"}),
    "reference-int": ("reference_image", {"prompt": "a fox", "reference_image": 7}),
    "reference-no-host": ("reference_image", {"prompt": "a fox", "reference_image": "http://"}),
    "reference-ftp": ("reference_image", {"prompt": "a fox", "reference_image": "ftp://host/x.png"}),
    "reference-long-path": ("reference_image", {"prompt": "a fox", "reference_image": "x" * 5000}),
}


@pytest.mark.parametrize("provider", provider_ids())
@pytest.mark.parametrize(("field", "fields"), BAD_REQUESTS.values(), ids=list(BAD_REQUESTS))
def test_bad_request_values_are_validation_errors_before_any_request(
    provider: str, field: str, fields: dict[str, object]
) -> None:
    """Each wrong type or form is a ValidationError naming its field; nothing is sent."""
    handler = Counting(httpx.Response(500))
    request = VideoRequest(**fields)  # type: ignore[arg-type]
    with _client(provider, handler) as client, pytest.raises(ValidationError) as caught:
        client.submit(request)
    assert (field, 0) == (caught.value.field, len(handler.requests))


@pytest.mark.parametrize("provider", provider_ids())
@pytest.mark.parametrize("key", ["clé-unique", "a\r\nX-Injected: 1", "", " ", "x" * 300])
def test_bad_idempotency_keys_are_refused(provider: str, key: str) -> None:
    """A non-ASCII or CRLF idempotency key was a UnicodeEncodeError or a false unknown outcome."""
    handler = Counting(httpx.Response(500))
    with _client(provider, handler) as client, pytest.raises(ValidationError) as caught:
        client.submit(VideoRequest(prompt="a fox"), idempotency_key=key)
    assert ("idempotency_key", 0) == (caught.value.field, len(handler.requests))


@pytest.mark.parametrize("provider", provider_ids())
@pytest.mark.parametrize("task_id", [".", "..", "", " t1", "a\nb", "a/../b", "x" * 600, 5], ids=repr)
def test_task_ids_that_could_name_another_endpoint_are_refused(provider: str, task_id: object) -> None:
    """Ids `.` and `..` reached /api/v1/generations and /api/v1; now no request leaves."""
    handler = Counting(httpx.Response(500))
    with _client(provider, handler) as client:
        for call in (client.get, lambda t: client.wait(t, timeout=1), lambda t: client.download(t, "x.mp4")):
            with pytest.raises(ValidationError):
                call(task_id)  # type: ignore[operator]
    assert 0 == len(handler.requests)


def test_request_is_a_video_request(tmp_path: Path) -> None:
    """submit() of a dict or a string names the expected type."""
    provider = provider_ids()[0]
    with _client(provider, Counting(httpx.Response(500))) as client, pytest.raises(ValidationError, match="request"):
        client.submit({"prompt": "a fox"})  # type: ignore[arg-type]


@pytest.mark.parametrize("provider", provider_ids())
def test_a_request_httpx_refuses_to_write_is_not_an_unknown_outcome(provider: str) -> None:
    """A LocalProtocolError (the request never left) is a connection error, never "may have created a task"."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.LocalProtocolError(f"Illegal header value b'Bearer {KEY}\\n'")

    transport = httpx.MockTransport(handler)
    with (
        VideoClient(provider, api_key=KEY, base_url=BASE, transport=transport) as client,
        pytest.raises(ProviderConnectionError) as caught,
    ):
        client.submit(VideoRequest(prompt="a fox"))
    assert (False, None) == (KEY in _everything(caught.value), caught.value.__cause__)
