"""2xx answers whose body cannot be read: a status call is asked again, a submit is resent only when safe.

Without idempotency the task may exist behind an unreadable create answer, so the caller gets
SubmitOutcomeUnknownError with what it needs to reconcile (fingerprint, window, start of the body); Rivya's
submit is resent with the same Idempotency-Key.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from sora_unified import MalformedResponseError, SubmitOutcomeUnknownError, VideoRequest, WaitTimeoutError, providers
from tests.unified._support import KEY, example, ok

# Providers without idempotent submits, discovered: an unreadable submit answer is an unknown outcome for them.
NON_IDEMPOTENT = sorted(info.id for info in providers() if not info.idempotent_submit)

RIVYA_QUEUED = example("rivya/createGeneration.response-2XX.sora-2-pro-queued.json")
RIVYA_DONE = example("rivya/getGeneration.response-200.succeeded.json")
UNREADABLE = [
    pytest.param(httpx.Response(200, text='{"id": "sora_abc123def456", "sta'), b'{"id": "sora_abc', id="truncated"),
    pytest.param(httpx.Response(200, text="<!DOCTYPE html><p>upstream</p>"), b"<!DOCTYPE", id="html"),
    pytest.param(httpx.Response(200, json={"note": "no id, no status"}), b'{"note"', id="no-id-no-status"),
]


@pytest.mark.parametrize(("answer", "starts"), UNREADABLE)
@pytest.mark.parametrize("provider", NON_IDEMPOTENT)
def test_non_idempotent_unreadable_submit_is_unknown_outcome(
    make: Any, provider: str, answer: httpx.Response, starts: bytes
) -> None:
    """One request, then SubmitOutcomeUnknownError with fingerprint, window, status and the start of the body."""
    h = make(provider, answer, ok(RIVYA_QUEUED))
    before = datetime.now(UTC) - timedelta(seconds=1)
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        h.submit(VideoRequest(prompt="p"))
    error = caught.value
    assert (1, 200, None, None) == (
        len(h.recorder.requests),
        error.http_status,
        error.client_reference,
        error.idempotency_key,
    )
    assert (True, True, starts) == (
        error.fingerprint.startswith("sha256:"),
        before <= error.sent_at <= error.gave_up_at,
        (error.raw or b"")[: len(starts)],
    )


def test_unknown_outcome_raw_is_redacted(make: Any) -> None:
    """A key echoed in the unreadable body is masked in SubmitOutcomeUnknownError.raw."""
    h = make("globalaiopc", httpx.Response(200, text=f"<html>Bearer {KEY}</html>"))
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        h.submit(VideoRequest(prompt="p"))
    raw = caught.value.raw or b""
    assert (False, True) == (KEY.encode() in raw, b"***" in raw)


@pytest.mark.parametrize(("answer", "starts"), UNREADABLE)
def test_rivya_unreadable_submit_is_resent_with_the_same_key(make: Any, answer: httpx.Response, starts: bytes) -> None:
    """Rivya's submit is resent after an unreadable 2xx, with the same Idempotency-Key and client_request_id."""
    h = make("rivya", answer, ok(RIVYA_QUEUED))
    task = h.submit(VideoRequest(prompt="p"))
    keys = {r.headers["idempotency-key"] for r in h.recorder.requests}
    assert (2, 1, "task_sora_2_pro_example") == (len(h.recorder.requests), len(keys), task.id)
    assert [0.4375] == h.clock.sleeps


def test_rivya_unreadable_submit_every_attempt_is_unknown_outcome_with_the_key(make: Any) -> None:
    """After the retry cap, Rivya's SubmitOutcomeUnknownError names the key that makes a resubmit safe."""
    h = make("rivya", httpx.Response(200, text="<html>gateway</html>"))
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        h.submit(VideoRequest(prompt="p"))
    key = h.recorder.requests[0].headers["idempotency-key"]
    assert (3, key, b"<html>") == (
        len(h.recorder.requests),
        caught.value.idempotency_key,
        (caught.value.raw or b"")[:6],
    )


@pytest.mark.parametrize(("answer", "starts"), UNREADABLE)
def test_unreadable_status_answer_is_retried(make: Any, answer: httpx.Response, starts: bytes) -> None:
    """get() asks again after an unreadable 2xx (a GET is safe), sleeping the backoff like after a 5xx."""
    h = make("rivya", answer, ok(RIVYA_DONE))
    assert "succeeded" == h.get("task_public_id").status.value
    assert (2, [0.4375]) == (len(h.recorder.requests), h.clock.sleeps)


@pytest.mark.parametrize(("answer", "starts"), UNREADABLE)
def test_unreadable_status_answer_every_attempt_keeps_raw_body(
    make: Any, answer: httpx.Response, starts: bytes
) -> None:
    """When the retries run out, MalformedResponseError carries the raw body of the last answer."""
    h = make("rivya", answer)
    with pytest.raises(MalformedResponseError) as caught:
        h.get("task_public_id")
    assert (3, 200, starts) == (len(h.recorder.requests), caught.value.http_status, caught.value.raw[: len(starts)])


def test_unreadable_status_answers_in_wait_stop_at_the_deadline(make: Any) -> None:
    """Retries of unreadable status answers inside wait() respect its one deadline."""
    h = make("rivya", httpx.Response(200, text="<html>gateway</html>"), retry=None)
    with pytest.raises(WaitTimeoutError) as caught:
        h.wait("task_public_id", timeout=1.0)
    assert (None, True) == (caught.value.task, h.clock.now <= 1.0)


def test_unknown_outcome_from_unreadable_submit_carries_the_request_id(make: Any) -> None:
    """The request id the provider sent in a header (per its mapping) is on SubmitOutcomeUnknownError."""
    answer = httpx.Response(200, text="<html>gateway</html>", headers={"x-oneapi-request-id": "req_uv_7"})
    h = make("unifiedvideo", answer)
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        h.submit(VideoRequest(prompt="p"))
    assert "req_uv_7" == caught.value.request_id


def test_idempotent_unknown_outcome_carries_the_request_id(make: Any) -> None:
    """Rivya's submit, unreadable on every attempt: the last answer's request id is on the error."""
    h = make("rivya", httpx.Response(200, text="<html>gateway</html>", headers={"x-request-id": "req_r_3"}))
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        h.submit(VideoRequest(prompt="p"))
    assert "req_r_3" == caught.value.request_id


def test_unreadable_status_answer_carries_the_request_id(make: Any) -> None:
    """MalformedResponseError from a status call names the request id header the provider sent."""
    h = make("rivya", httpx.Response(200, text="<html>gateway</html>", headers={"x-request-id": "req_s_1"}))
    with pytest.raises(MalformedResponseError) as caught:
        h.get("task_public_id")
    assert "req_s_1" == caught.value.request_id


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(200, text="<html>gateway</html>", headers={"x-request-id": "req_u_5"}),
        httpx.Response(200, json={"id": "file_1"}, headers={"x-request-id": "req_u_5"}),
    ],
    ids=["not-json", "no-url"],
)
def test_unreadable_upload_answer_carries_the_request_id(make: Any, tmp_path: Path, answer: httpx.Response) -> None:
    """MalformedResponseError from the Files API upload names the request id header the provider sent."""
    image = tmp_path / "ref.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 32)
    h = make("rivya", answer)
    with pytest.raises(MalformedResponseError) as caught:
        h.submit(VideoRequest(prompt="p", reference_image=image))
    assert ("req_u_5", 3) == (caught.value.request_id, len(h.recorder.requests))
