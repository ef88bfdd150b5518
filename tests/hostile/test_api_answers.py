"""Hostile and odd answers, through httpx.MockTransport: sizes, parse failures, submit outcomes, statuses, ids.

Each test names the measured failure on the earlier main in its docstring; providers are discovered.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import pytest

from sora_unified import (
    MalformedResponseError,
    ProviderError,
    RetryPolicy,
    SubmitOutcomeUnknownError,
    TaskStatus,
    VideoClient,
    VideoRequest,
)
from sora_unified._registry import PROVIDERS
from tests.hostile._hostile import KEY, non_idempotent, payload, provider_ids, spec_of, status_word

BASE = "https://provider.test"


def _client(provider: str, handler: Callable[[httpx.Request], httpx.Response], **options: object) -> VideoClient:
    clock = [0.0]

    def sleep(seconds: float) -> None:
        clock[0] += seconds

    defaults: dict[str, object] = {
        "api_key": KEY,
        "base_url": BASE,
        "transport": httpx.MockTransport(handler),
        "retry": RetryPolicy(max_attempts=2),
        "clock": lambda: clock[0],
        "sleep": sleep,
        "random": lambda: 0.5,
    }
    return VideoClient(provider, **(defaults | options))  # type: ignore[arg-type]


def _request(provider: str) -> VideoRequest:
    return VideoRequest(prompt="a paper boat on a pond")


@pytest.mark.parametrize("provider", provider_ids())
def test_gzip_bomb_is_cut_at_the_size_cap(provider: str) -> None:
    """A 100 MB body in 100 KB of gzip: MalformedResponseError with a few KiB kept (was: 4 GB of RSS)."""
    bomb = gzip.compress(b"[" + b" " * 100_000_000 + b"]", compresslevel=9)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-encoding": "gzip"}, content=bomb)

    with _client(provider, handler) as client, pytest.raises(MalformedResponseError) as caught:
        client.get("t1")
    assert (True, True) == (len(caught.value.raw) <= 4096, "larger than" in caught.value.message)


@pytest.mark.parametrize("provider", provider_ids())
def test_huge_error_message_is_cut(provider: str) -> None:
    """A 1 MB error message (under the size cap) becomes an error of a few hundred characters."""
    body = {"error": {"message": "x" * 1_000_000, "code": "bad"}, "message": "y" * 1_000_000, "msg": "z" * 1_000_000}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json=body)

    with _client(provider, handler) as client, pytest.raises(Exception) as caught:
        client.get("t1")
    assert len(str(caught.value)) < 1000


@pytest.mark.parametrize("provider", provider_ids())
@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000 + b"]" * 100_000, b'{"progress": ' + b"9" * 5000 + b"}", b"\xff\xfe\x00garbage"],
    ids=["100k-deep", "5000-digit-int", "bad-encoding"],
)
def test_unreadable_status_answer_is_malformed_not_a_crash(provider: str, content: bytes) -> None:
    """Deep nesting raised RecursionError, huge numbers OverflowError; now both are MalformedResponseError."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=content)

    with _client(provider, handler) as client, pytest.raises(MalformedResponseError):
        client.get("t1")


@pytest.mark.parametrize("provider", provider_ids())
def test_progress_beyond_any_float_is_no_progress(provider: str) -> None:
    """A progress of 10^400 raised OverflowError; now the task reads with progress None."""
    word = status_word(provider, TaskStatus.RUNNING)
    body = json.dumps(payload(provider, id="t1", status=word)).encode()
    body = body[:-1] + b', "progress": 1' + b"0" * 400 + b', "data_progress": 1e400}'

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body)

    with _client(provider, handler) as client:
        assert TaskStatus.RUNNING == client.get("t1").status


@pytest.mark.parametrize("provider", non_idempotent())
@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(303, headers={"location": "/elsewhere"}),
        httpx.Response(999, content=b"?"),
        httpx.Response(520, content=b"<html>cloudflare</html>"),
        httpx.Response(200, content=b"[" * 100_000),
    ],
    ids=["303", "999", "520", "deep-json"],
)
def test_ambiguous_submit_answer_is_an_unknown_outcome(provider: str, answer: httpx.Response) -> None:
    """After a POST a 303 or 999 was ProviderError (a definite failure) and deep JSON a RecursionError."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    with _client(provider, handler) as client, pytest.raises(SubmitOutcomeUnknownError) as caught:
        client.submit(_request(provider))
    assert (1, answer.status_code) == (len(sent), caught.value.http_status)


@pytest.mark.parametrize("provider", provider_ids())
def test_refusal_on_submit_is_a_definite_error(provider: str) -> None:
    """A 4xx answer to a submit is a refusal: a typed ProviderError subclass or ValidationError, never unknown."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(409, json={"error": {"code": "conflict", "message": "no"}})

    with _client(provider, handler) as client, pytest.raises(ProviderError) as caught:
        client.submit(_request(provider))
    assert not isinstance(caught.value, SubmitOutcomeUnknownError)


@pytest.mark.parametrize("provider", provider_ids())
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("success", TaskStatus.SUCCEEDED),
        ("SUCCESS", TaskStatus.SUCCEEDED),
        ("Completed", TaskStatus.SUCCEEDED),
        ("done", TaskStatus.SUCCEEDED),
        ("expired", TaskStatus.FAILED),
        ("timed-out", TaskStatus.FAILED),
        ("Cancelled", TaskStatus.CANCELED),
        ("in_progress", TaskStatus.RUNNING),
    ],
)
def test_common_status_words_are_understood(provider: str, word: str, expected: TaskStatus) -> None:
    """yunwu.ai's terminal "success" was read as running until the deadline; the common table knows it."""
    known = spec_of(provider).statuses.get(word.lower())
    body = payload(provider, id="t1", status=word, video_url="https://cdn.test/v.mp4")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    with _client(provider, handler) as client:
        task = client.get("t1")
    assert (known or expected, word) == (task.status, task.provider_status)


@pytest.mark.parametrize("provider", provider_ids())
def test_unknown_status_policy(provider: str, caplog: pytest.LogCaptureFixture) -> None:
    """An unknown word with a video URL is succeeded, with an error failed, else running; logged once."""
    caplog.set_level(logging.WARNING, logger="sora_unified")
    word = f"zz-{provider}-word"
    cases = [
        (payload(provider, id="t1", status=word, video_url="https://cdn.test/v.mp4"), TaskStatus.SUCCEEDED),
        (payload(provider, id="t1", status=word, error_message="boom"), TaskStatus.FAILED),
        (payload(provider, id="t1", status=word), TaskStatus.RUNNING),
    ]
    seen = []
    for body, _ in cases:
        with _client(provider, lambda request, body=body: httpx.Response(200, json=body)) as client:
            seen.append(client.get("t1").status)
    assert [expected for _, expected in cases] == seen
    assert 1 == sum(word in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("provider", provider_ids())
def test_status_answer_never_replaces_the_callers_id(provider: str) -> None:
    """A status answer naming another id replaced the caller's id; the id asked for stays (the other in raw)."""
    body = payload(provider, id="someone-elses-id", status=status_word(provider, TaskStatus.RUNNING))

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    with _client(provider, handler) as client:
        task = client.get("my-id")
    assert "my-id" == task.id


@pytest.mark.parametrize(
    "provider", [p for p in provider_ids() if any(t.unit == "unix_ms" for t in PROVIDERS[p][0].response.updated_at)]
)
def test_timestamp_in_seconds_where_milliseconds_are_documented(provider: str) -> None:
    """Decision U9 in the layer: 1764547200 in a milliseconds field is seconds (was a date in January 1970)."""
    rule = next(t for t in spec_of(provider).response.updated_at if t.unit == "unix_ms")
    body = payload(provider, id="t1", status=status_word(provider, TaskStatus.RUNNING))
    node = body
    for step in rule.path[:-1]:
        node = node.setdefault(step, {})  # type: ignore[assignment]
    node[rule.path[-1]] = 1_764_547_200  # type: ignore[index]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    with _client(provider, handler) as client:
        task = client.get("t1")
    assert datetime(2025, 12, 1, tzinfo=UTC) == task.updated_at


@pytest.mark.parametrize("provider", provider_ids())
def test_retry_after_that_fits_the_deadline_is_honoured_in_wait(provider: str) -> None:
    """A 429 with Retry-After: 300 aborted wait(timeout=1800) with RateLimitError; it now waits 300 s and goes on."""
    done = payload(
        provider, id="t1", status=status_word(provider, TaskStatus.SUCCEEDED), video_url="https://cdn.test/v.mp4"
    )
    answers = [httpx.Response(429, headers={"retry-after": "300"}, json={}), httpx.Response(200, json=done)]

    def handler(request: httpx.Request) -> httpx.Response:
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    with _client(provider, handler) as client:
        assert TaskStatus.SUCCEEDED == client.wait("t1", timeout=1800).status
