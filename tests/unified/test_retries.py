"""Retries: status calls on 429/5xx/connection errors with Retry-After, and submits only when safe."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from sora_unified import SubmitOutcomeUnknownError, VideoRequest
from sora_unified._headers import parse_retry_after
from sora_unified._retry import RetryPolicy
from tests.unified._support import example, ok

RIVYA_QUEUED = example("rivya/createGeneration.response-2XX.sora-2-pro-queued.json")
RIVYA_DONE = example("rivya/getGeneration.response-200.succeeded.json")
GAO_QUEUED = example("globalaiopc/createSoraVideo.response-200.seed-queued.json")
BUSY = {"error": {"code": "public_api_disabled", "message": "busy"}}


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "250"}, 0.25),
        ({"Retry-After": format_datetime(datetime(2030, 1, 1, 0, 0, 30, tzinfo=UTC), usegmt=True)}, 30.0),
        ({"Retry-After": "soon"}, None),
        ({}, None),
    ],
    ids=["seconds", "fractional", "ms", "http-date", "garbage", "absent"],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    """Retry-After as delta-seconds, HTTP-date (RFC 9110) or retry-after-ms."""
    assert expected == parse_retry_after(headers, now=datetime(2030, 1, 1, tzinfo=UTC))


def test_backoff_is_exponential_capped_and_jittered() -> None:
    """Backoff doubles from initial_delay, stops at max_delay, and jitter only shortens it."""
    policy = RetryPolicy(initial_delay=0.5, max_delay=4.0, jitter=0.25)
    assert [0.5, 1.0, 2.0, 4.0, 4.0, 3.0] == [policy.backoff(n, 0.0) for n in range(5)] + [policy.backoff(9, 1.0)]


@pytest.mark.parametrize(
    ("first", "sleep"),
    [
        (ok(BUSY, 503, {"Retry-After": "3"}), 3.0),
        (ok({"error": {"code": "rate_limited", "message": "slow"}}, 429, {"Retry-After": "12"}), 12.0),
        (httpx.ConnectError("refused"), 0.4375),
        (httpx.ReadTimeout("slow"), 0.4375),
        (ok(BUSY, 500), 0.4375),
    ],
    ids=["503-retry-after", "429-retry-after", "connect-error", "read-timeout", "500-backoff"],
)
def test_status_call_is_retried(make: Any, first: Any, sleep: float) -> None:
    """get() retries 429, 5xx and transport errors, sleeping Retry-After or the backoff."""
    h = make("rivya", first, ok(RIVYA_DONE))
    assert "succeeded" == h.get("task_public_id").status.value
    assert (2, [sleep]) == (len(h.recorder.requests), h.clock.sleeps)


def test_retries_stop_at_the_cap(make: Any) -> None:
    """max_attempts bounds the calls (3 here), then the typed error surfaces."""
    h = make("rivya", ok(BUSY, 503))
    with pytest.raises(Exception, match="busy"):
        h.get("t")
    assert 3 == len(h.recorder.requests)


def test_rivya_submit_retries_with_the_same_idempotency_key(make: Any) -> None:
    """One Idempotency-Key (and client_request_id) per submit, reused by every retry."""
    h = make("rivya", httpx.ReadTimeout("lost"), ok(BUSY, 503), ok(RIVYA_QUEUED))
    task = h.submit(VideoRequest(prompt="p"))
    keys = {r.headers["idempotency-key"] for r in h.recorder.requests}
    bodies = h.recorder.json_bodies()
    assert (3, 1, "task_sora_2_pro_example") == (len(h.recorder.requests), len(keys), task.id)
    assert {keys.pop()} == {b["client_request_id"] for b in bodies}


def test_two_submits_get_two_keys(make: Any) -> None:
    """Separate submits are separate tasks: different keys."""
    h = make("rivya", ok(RIVYA_QUEUED))
    h.submit(VideoRequest(prompt="p"))
    h.submit(VideoRequest(prompt="p"))
    assert 2 == len({r.headers["idempotency-key"] for r in h.recorder.requests})


def test_caller_key_is_reused(make: Any) -> None:
    """A caller-supplied idempotency_key (e.g. from SubmitOutcomeUnknownError) is sent as is."""
    h = make("rivya", ok(RIVYA_QUEUED))
    h.submit(VideoRequest(prompt="p"), idempotency_key="order-7")
    assert ["order-7"] == [r.headers["idempotency-key"] for r in h.recorder.requests]


def test_rivya_submit_unknown_after_exhausting_retries(make: Any) -> None:
    """Idempotent submit still unanswered after the cap: SubmitOutcomeUnknownError with the key to resend."""
    h = make("rivya", httpx.ReadTimeout("lost"))
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        h.submit(VideoRequest(prompt="p"))
    key = h.recorder.requests[0].headers["idempotency-key"]
    assert (3, key, key) == (len(h.recorder.requests), caught.value.idempotency_key, caught.value.client_reference)


@pytest.mark.parametrize(
    "first",
    [httpx.ReadTimeout("lost"), httpx.RemoteProtocolError("reset"), ok({"message": "upstream"}, 502)],
    ids=["read-timeout", "connection-reset", "502"],
)
def test_non_idempotent_submit_is_not_resent(make: Any, first: Any) -> None:
    """GlobalAiOpc has no idempotency: an ambiguous failure after sending is reported, not resent."""
    h = make("globalaiopc", first, ok(GAO_QUEUED))
    before = datetime.now(UTC)
    with pytest.raises(SubmitOutcomeUnknownError) as caught:
        h.submit(VideoRequest(prompt="p", seconds=4))
    error = caught.value
    assert 1 == len(h.recorder.requests)
    assert (None, None, True, True) == (
        error.idempotency_key,
        error.client_reference,
        error.fingerprint.startswith("sha256:"),
        before - timedelta(seconds=1) <= error.sent_at <= error.gave_up_at,
    )


def test_fingerprint_identifies_the_body(make: Any) -> None:
    """Same request, same fingerprint; another prompt, another one (what a user matches tasks against)."""
    prints = []
    for prompt in ("a", "a", "b"):
        h = make("unifiedvideo", httpx.ReadTimeout("lost"))
        with pytest.raises(SubmitOutcomeUnknownError) as caught:
            h.submit(VideoRequest(prompt=prompt))
        prints.append(caught.value.fingerprint)
    assert (True, False) == (prints[0] == prints[1], prints[0] == prints[2])


@pytest.mark.parametrize(
    "first",
    [httpx.ConnectError("refused"), ok({"message": "slow down"}, 429, {"Retry-After": "2"})],
    ids=["connect-error-not-sent", "429-refused"],
)
def test_non_idempotent_submit_resent_when_provably_not_created(make: Any, first: Any) -> None:
    """A refused connection or a 429 created nothing: the submit is safely resent."""
    h = make("globalaiopc", first, ok(GAO_QUEUED))
    assert "sora_abc123def456" == h.submit(VideoRequest(prompt="p")).id
    assert 2 == len(h.recorder.requests)
