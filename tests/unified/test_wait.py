"""wait(): one deadline, the provider's polling window with jitter, on_update, unknown statuses, resuming."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from sora_providers import PROVIDERS
from sora_unified import ConfigurationError, TaskRef, TaskStatus, VideoTask, WaitTimeoutError, providers
from sora_unified._normalize import parse_progress
from sora_unified._polling import poll_delay
from tests.unified._support import FakeClock, Harness, Recorder, example, ok

GAO = "globalaiopc/described/getResult.response-200.{}.json"


def gao(state: str, **extra: Any) -> httpx.Response:
    return ok(example(GAO.format(state)) | extra)


def rivya(status: str, **extra: Any) -> httpx.Response:
    base = example("rivya/getGeneration.response-200.succeeded.json")
    return ok(base | {"status": status, "result": None} | extra)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (45, 0.45),
        ("45", 0.45),
        ("45%", 0.45),
        (" 7.5 % ", 0.075),
        (0.42, 0.42),
        ("0.5", 0.5),
        (100, 1.0),
        (62.5, 0.625),
        ("0", 0.0),
        (150, None),
        (-1, None),
        ("soon", None),
        (True, None),
        (None, None),
    ],
    ids=[
        "int",
        "numeric-string",
        "percent",
        "fractional-percent",
        "float-fraction",
        "fraction-string",
        "done",
        "float-percent",
        "zero-string",
        "above-100",
        "negative",
        "text",
        "bool",
        "absent",
    ],
)
def test_progress_parsing(value: object, expected: float | None) -> None:
    """Progress accepts ints, numeric strings, percentages and 0..1 floats; nonsense is None, not a crash."""
    assert expected == parse_progress(value)


def test_deadline_bounds_the_whole_wait(make: Any) -> None:
    """A task that never finishes: WaitTimeoutError at the deadline, carrying the last task seen."""
    h = make("globalaiopc", gao("processing"))
    with pytest.raises(WaitTimeoutError) as caught:
        h.wait("sora_abc123def456", timeout=300)
    last = caught.value.task
    assert (300.0, TaskStatus.RUNNING) == (h.clock.now, last.status if last else None)
    # 30 s .. 60 s apart per the docs: at most 300 / 30 + 1 polls, at least 300 / 60.
    assert 5 <= len(h.recorder.requests) <= 11


def _running(provider_id: str) -> httpx.Response:
    """A status answer in the provider's own shape: its id and running word at the mapping's first paths."""
    record, _session = PROVIDERS[provider_id]
    word = next(raw for raw, status in record.statuses.items() if status is TaskStatus.RUNNING)
    payload: dict[str, Any] = {}
    for path, value in ((record.response.id[0], "t"), (record.response.status[0], word)):
        node = payload
        for step in path[:-1]:
            node = node.setdefault(str(step), {})
        node[str(path[-1])] = value
    return ok(payload)


@pytest.mark.parametrize("provider_id", sorted(info.id for info in providers()))
def test_polls_stay_inside_the_documented_window(make: Any, provider_id: str) -> None:
    """Every pause between polls is within the provider's [min, max] interval, growing by backoff."""
    guidance = next(p for p in providers() if p.id == provider_id).polling
    h = make(provider_id, _running(provider_id))
    with pytest.raises(WaitTimeoutError):
        h.wait("t", timeout=600)
    pauses = h.clock.sleeps[:-1]  # the last one is cut short by the deadline
    assert [] == [p for p in pauses if not guidance.min_interval <= p <= guidance.max_interval]
    assert pauses == sorted(pauses)


def test_pause_is_capped_by_the_time_elapsed() -> None:
    """A pause aims at no more than 15 % of the time since the wait began, within Rivya's 5-10 s (+-10 % jitter)."""
    guidance = next(p for p in providers() if p.id == "rivya").polling
    pauses = [poll_delay(guidance, 6, 0.5, elapsed=elapsed) for elapsed in (20.0, 50.0, 600.0)]
    assert [5.25, 7.5, 9.5] == pauses


def test_globalaiopc_is_never_polled_faster_than_30_s() -> None:
    """Whatever the elapsed time, poll index and jitter draw, GlobalAiOpc pauses stay within its 30-60 s."""
    guidance = next(p for p in providers() if p.id == "globalaiopc").polling
    pauses = [
        poll_delay(guidance, index, rand, elapsed=float(elapsed))
        for elapsed in range(0, 1200, 7)
        for index in range(12)
        for rand in (0.0, 0.5, 1.0)
    ]
    assert (30.0, 60.0) == (min(pauses), max(pauses))


def test_short_waits_poll_at_the_documented_minimum(make: Any) -> None:
    """In the first 30 s of a wait Rivya is polled every 5-5.5 s, so a short task is seen soon after it ends."""
    h = make("rivya", rivya("processing"))
    with pytest.raises(WaitTimeoutError):
        h.wait("t", timeout=30)
    assert [] == [p for p in h.clock.sleeps[:-1] if not 5.0 <= p <= 5.5]


def test_initial_delay_after_submit(make: Any) -> None:
    """Waiting on a just-submitted task first sleeps the documented head start (Rivya: 2-3 s)."""
    queued = example("rivya/createGeneration.response-2XX.sora-2-pro-queued.json")
    h = make("rivya", ok(queued), ok(example("rivya/getGeneration.response-200.succeeded.json")))
    from sora_unified import VideoRequest

    task = h.submit(VideoRequest(prompt="p"))
    h.wait(task)
    assert 2.0 <= h.clock.sleeps[0] <= 3.0


def test_on_update_gets_every_change_once(make: Any) -> None:
    """on_update fires on status and progress changes, not on identical polls."""
    h = make("unifiedvideo")
    h.recorder.responses = [
        ok({"id": "t", "status": "pending"}),
        ok({"id": "t", "status": "pending"}),
        ok({"id": "t", "status": "processing", "progress": "10%"}),
        ok({"id": "t", "status": "processing", "progress": "10%"}),
        ok({"id": "t", "status": "processing", "progress": 55}),
        ok({"id": "t", "status": "completed", "video_url": "https://cdn.test/v.mp4"}),
    ]
    seen: list[tuple[str, float | None]] = []
    task = h.wait("t", on_update=lambda t: seen.append((t.status.value, t.progress)))
    expected = [("queued", None), ("running", 0.1), ("running", 0.55), ("succeeded", None)]
    assert (expected, "https://cdn.test/v.mp4") == (seen, task.video_url)


def test_async_on_update_may_be_a_coroutine(clock: FakeClock) -> None:
    """AsyncVideoClient awaits an async on_update."""
    h = Harness("async", "globalaiopc", Recorder([gao("completed")]), clock)
    seen: list[VideoTask] = []

    async def record(task: VideoTask) -> None:
        seen.append(task)

    h.wait("sora_abc123def456", on_update=record)
    assert ["succeeded"] == [t.status.value for t in seen]


def test_unknown_status_is_not_terminal_and_logged_once(
    flavor: str, make: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """An undocumented status keeps waiting (running) and is logged once, not per poll."""
    h = make("globalaiopc")
    # once per process and value: each flavor gets its own undocumented value
    h.recorder.responses = [gao("processing", status=f"rendering-{flavor}")] * 3 + [gao("completed")]
    caplog.set_level(logging.WARNING, logger="sora_unified")
    task = h.wait("sora_abc123def456")
    warnings = [r.getMessage() for r in caplog.records if "rendering" in r.getMessage()]
    assert ("succeeded", 4, 1) == (task.status.value, len(h.recorder.requests), len(warnings))


def test_retry_after_on_a_poll_slows_down(make: Any) -> None:
    """A Retry-After on a successful status answer lengthens the next pause beyond the window."""
    h = make(
        "rivya",
        ok(
            example("rivya/getGeneration.response-200.succeeded.json") | {"status": "processing"},
            headers={"Retry-After": "25"},
        ),
        ok(example("rivya/getGeneration.response-200.succeeded.json")),
    )
    h.wait("t")
    assert [25.0] == h.clock.sleeps


def test_rate_limit_past_the_deadline_is_a_timeout(make: Any) -> None:
    """A 429 asking for more time than the deadline leaves ends the wait with WaitTimeoutError."""
    limited = ok({"error": {"code": "rate_limited", "message": "slow"}}, 429, {"Retry-After": "90"})
    h = make("rivya", limited)
    with pytest.raises(WaitTimeoutError) as caught:
        h.wait("t", timeout=60)
    assert (None, 1) == (caught.value.task, len(h.recorder.requests))


def test_resume_from_a_task_ref(make: Any) -> None:
    """A "provider:id" string survives a restart; ids with colons are kept and sent encoded."""
    ref = TaskRef.parse("unifiedvideo:sora-2:task_01k9008rhbefnt3rb1g9szxdwr")
    h = make("unifiedvideo", ok(example("unifiedvideo/queryVideo.response-200.octopusx-pending.json")))
    task = h.get(ref)
    assert (ref, str(ref)) == (task.ref, "unifiedvideo:sora-2:task_01k9008rhbefnt3rb1g9szxdwr")
    assert "id=sora-2%3Atask_01k9008rhbefnt3rb1g9szxdwr" == h.recorder.requests[0].url.query.decode()


def test_task_of_another_provider_is_refused(make: Any) -> None:
    """A TaskRef for rivya given to a globalaiopc client is a ConfigurationError, not a wrong call."""
    h = make("globalaiopc", gao("completed"))
    with pytest.raises(ConfigurationError):
        h.get(TaskRef("rivya", "task_1"))
    assert [] == h.recorder.requests
