"""The typed error hierarchy: every class, what it carries, and that the API key never shows."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from sora_unified import (
    AuthenticationError,
    ConfigurationError,
    InsufficientCreditsError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    ProviderConnectionError,
    ProviderError,
    RateLimitError,
    SoraUnifiedError,
    TaskFailedError,
    ValidationError,
    VideoClient,
    VideoRequest,
)
from tests.unified._support import KEY, example, ok


def rivya_error(code: str, message: str = "m") -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "requestId": "req_42"}}


@pytest.mark.parametrize(
    ("status", "body", "cls", "code"),
    [
        (
            401,
            example("rivya/createGeneration.response-401.api-key-missing.json"),
            AuthenticationError,
            "api_key_missing",
        ),
        (403, rivya_error("api_scope_denied"), PermissionDeniedError, "api_scope_denied"),
        (404, rivya_error("not_found"), NotFoundError, "not_found"),
        (400, rivya_error("validation_failed"), ValidationError, "validation_failed"),
        (400, rivya_error("insufficient_credits"), InsufficientCreditsError, "insufficient_credits"),
        (409, rivya_error("idempotency_conflict"), ProviderError, "idempotency_conflict"),
    ],
    ids=[
        "401-api-key-missing",
        "403-scope",
        "404-not-found",
        "400-validation",
        "400-insufficient-credits",
        "409-idempotency-conflict",
    ],
)
def test_rivya_error_envelope_maps_to_class(
    make: Any, status: int, body: dict[str, Any], cls: type[SoraUnifiedError], code: str
) -> None:
    """Rivya's documented codes pick the class (insufficient_credits whatever its HTTP status) with the facts."""
    h = make("rivya", ok(body, status))
    with pytest.raises(SoraUnifiedError) as caught:
        h.get("task_1")
    error = caught.value
    request_id = body["error"]["requestId"]
    assert (cls, "rivya", status, code, request_id) == (
        type(error),
        error.provider,
        error.http_status,
        error.code,
        error.request_id,
    )


@pytest.mark.parametrize(
    ("provider", "status", "body", "cls", "message"),
    [
        (
            "unifiedvideo",
            401,
            {"error": {"message": "Invalid token", "type": "new_api_error"}},
            AuthenticationError,
            "Invalid token",
        ),
        (
            "unifiedvideo",
            400,
            {"code": "invalid_request", "message": "bad duration", "data": None},
            ValidationError,
            "bad duration",
        ),
        ("globalaiopc", 404, {"message": "No handler found for GET /x"}, NotFoundError, "No handler found for GET /x"),
        ("globalaiopc", 402, {"code": "402", "msg": "余额不足", "data": None}, InsufficientCreditsError, "余额不足"),
    ],
    ids=["unified-openai-envelope", "unified-relay-envelope", "globalaiopc-bare-message", "globalaiopc-business"],
)
def test_lenient_envelopes_give_typed_errors(
    make: Any, provider: str, status: int, body: dict[str, Any], cls: type[SoraUnifiedError], message: str
) -> None:
    """Undocumented envelopes (spec decisions U-x2, G9) still yield the class by HTTP status and the message."""
    h = make(provider, ok(body, status))
    with pytest.raises(SoraUnifiedError) as caught:
        h.get("t")
    assert (cls, True) == (type(caught.value), message in str(caught.value))


def test_rate_limit_error_carries_retry_after(make: Any) -> None:
    """A 429 whose Retry-After exceeds the cap is not slept through: RateLimitError says how long to wait."""
    h = make("rivya", ok(rivya_error("rate_limited"), 429, {"Retry-After": "600"}))
    with pytest.raises(RateLimitError) as caught:
        h.get("t")
    assert (600.0, 1) == (caught.value.retry_after, len(h.recorder.requests))


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, text="<html>502 Bad Gateway</html>"),
        httpx.Response(200, json=["not", "an", "object"]),
        httpx.Response(200, json={"id": "t"}),
    ],
    ids=["html", "json-array", "no-status"],
)
def test_malformed_response_keeps_raw_body(make: Any, response: httpx.Response) -> None:
    """A non-JSON or off-schema 2xx on every attempt is MalformedResponseError with the raw body, never a KeyError."""
    h = make("globalaiopc", response)
    with pytest.raises(MalformedResponseError) as caught:
        h.get("t")
    assert (True, "globalaiopc", 3) == (len(caught.value.raw) > 0, caught.value.provider, len(h.recorder.requests))


def test_error_body_that_breaks_the_generated_parser_is_still_typed(make: Any) -> None:
    """Rivya's 401 without the documented envelope (the generated parser raises) is AuthenticationError."""
    h = make("rivya", httpx.Response(401, text="Unauthorized"))
    with pytest.raises(AuthenticationError) as caught:
        h.get("t")
    assert (401, None) == (caught.value.http_status, caught.value.code)


def test_connection_errors_exhaust_into_provider_connection_error(make: Any) -> None:
    """A provider that never answers gives ProviderConnectionError after the retry cap."""
    h = make("globalaiopc", httpx.ConnectError("refused"))
    with pytest.raises(ProviderConnectionError):
        h.get("t")
    assert 3 == len(h.recorder.requests)


def test_task_failed_error_carries_the_task(make: Any) -> None:
    """wait() on a failed task raises TaskFailedError with the normalized task; opt-out returns it."""
    failed = example("rivya/described/getGeneration.response-200.failed.json")
    h = make("rivya", ok(failed))
    with pytest.raises(TaskFailedError) as caught:
        h.wait("task_public_id")
    assert ("generation_failed", "failed") == (caught.value.code, caught.value.task.status.value)
    assert "failed" == h.wait("task_public_id", raise_on_failure=False).status.value


def test_missing_key_and_base_url_are_configuration_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """No key: offline validation first, then ConfigurationError naming the env var; no base URL: the same."""
    monkeypatch.delenv("RIVYA_API_KEY", raising=False)
    monkeypatch.delenv("UNIFIEDVIDEO_BASE_URL", raising=False)
    client = VideoClient("rivya")  # building needs no key: a request can be judged offline
    with pytest.raises(ValidationError, match="seconds"):
        client.submit(VideoRequest(prompt="a fox", seconds=7))
    with pytest.raises(ConfigurationError, match="RIVYA_API_KEY"):
        client.submit(VideoRequest(prompt="a fox"))
    with pytest.raises(ConfigurationError, match="RIVYA_API_KEY"):
        client.get("task_public_id")
    with pytest.raises(ConfigurationError, match="UNIFIEDVIDEO_BASE_URL"):
        VideoClient("unifiedvideo", api_key=KEY)
    known = ", ".join(sorted(info.id for info in VideoClient.providers()))
    with pytest.raises(ConfigurationError, match=f"known: {known}$"):
        VideoClient("nosuchprovider", api_key=KEY)


def test_key_from_environment_and_never_shown(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The env key is used for auth but never appears in repr, messages, raw bodies or logs."""
    monkeypatch.setenv("RIVYA_API_KEY", KEY)
    seen: list[str] = []

    def echo(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return httpx.Response(500, json={"error": {"code": "x", "message": f"bad key {KEY}; got Bearer {KEY}"}})

    caplog.set_level(logging.DEBUG)
    client = VideoClient("rivya", transport=httpx.MockTransport(echo), sleep=lambda s: None)
    with pytest.raises(ProviderError) as caught:
        client.get("t")
    assert f"Bearer {KEY}" == seen[0]
    shown = " ".join([repr(client), str(caught.value), repr(caught.value), caplog.text, repr(vars(client))])
    assert (False, True) == (KEY in shown, "***" in str(caught.value))


def test_key_redacted_from_malformed_raw_body(make: Any) -> None:
    """A provider echoing the key in an unparseable body: MalformedResponseError.raw has it masked."""
    h = make("globalaiopc", httpx.Response(200, text=f"oops {KEY}"))
    with pytest.raises(MalformedResponseError) as caught:
        h.get("t")
    assert (False, True) == (KEY.encode() in caught.value.raw, b"***" in caught.value.raw)


@pytest.mark.parametrize(
    ("status", "cut"),
    [(200, 200), (400, 300)],
    ids=["unreadable-2xx-message", "non-json-error-message"],
)
@pytest.mark.parametrize("visible", [3, 8, 16, len(KEY) - 1], ids=lambda n: f"{n}-chars-before-cut")
def test_key_straddling_the_message_cut_is_masked(
    make: Any, caplog: pytest.LogCaptureFixture, status: int, cut: int, visible: int
) -> None:
    """A key crossing the point where a body is cut for a message is masked whole: no prefix of it shows."""
    body = "x" * (cut - visible) + KEY + " tail"
    h = make("rivya", httpx.Response(status, text=body))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SoraUnifiedError) as caught:
        h.get("t")
    shown = " ".join([str(caught.value), repr(caught.value), caplog.text])
    assert (False, True) == (KEY[:3] in shown, "xxx***" in str(caught.value))
