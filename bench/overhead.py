"""Benchmark 1: status calls per second through four clients against the same canned local server.

(a) raw `httpx.Client` with a hand-written GET and `response.json()`; (b) the generated
`rivya_client` (`get_generation.sync_detailed`, which parses into its models); (c) `sora_unified`'s
`VideoClient.get` (generated client + normalization); (d) openai-python's `client.videos.retrieve`
against an OpenAI-shaped endpoint with the same facts. The server runs in another process
(`bench._canned`); every client keeps one keep-alive connection pool; all are warmed up, then timed in
rounds, with the order rotated each round so drifting machine load hits every client alike. Ratios are
taken per round (paired) and reported as median, min and max.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

import httpx

from bench._canned import OPENAI_PREFIX, RIVYA_PREFIX, canned_server
from bench._report import Section

TASK_ID = "task_public_id"
OPENAI_VIDEO_ID = "video_task_public_id"
API_KEY = "bench-key"
Call = Callable[[], object]
# Names in table order; the ratios below refer to them by letter.
RAW, GENERATED, UNIFIED, OPENAI = "(a) raw httpx", "(b) rivya_client", "(c) sora_unified get", "(d) openai retrieve"


@contextmanager
def clients(base_url: str) -> Iterator[dict[str, Call]]:
    """One status call per client, each client created once (one connection pool) and closed on exit."""
    import openai

    from rivya_client import AuthenticatedClient
    from rivya_client.api.generations import get_generation
    from sora_unified import TaskStatus, VideoClient

    with ExitStack() as stack:
        raw = stack.enter_context(httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"}))
        generated = stack.enter_context(AuthenticatedClient(base_url=base_url, token=API_KEY))
        unified = stack.enter_context(VideoClient("rivya", api_key=API_KEY, base_url=base_url))
        oai = stack.enter_context(openai.OpenAI(api_key=API_KEY, base_url=f"{base_url}/v1", max_retries=0))
        raw_path = f"{RIVYA_PREFIX}{TASK_ID}"
        # openai-python warns on every videos call that OpenAI's Sora API is being retired; not our concern here.
        warnings.filterwarnings("ignore", message="The Sora API is scheduled", category=DeprecationWarning)
        assert OPENAI_PREFIX == "/v1/videos/"  # openai-python appends /videos/{id} to base_url

        def call_raw() -> object:
            response = raw.get(raw_path)
            if response.status_code != 200:
                raise RuntimeError(f"raw GET answered {response.status_code}")
            return response.json()

        def call_generated() -> object:
            response = get_generation.sync_detailed(TASK_ID, client=generated)
            if response.parsed is None or response.status_code != 200:
                raise RuntimeError(f"generated client answered {response.status_code}")
            return response.parsed

        def call_unified() -> object:
            task = unified.get(TASK_ID)
            if task.status is not TaskStatus.SUCCEEDED:
                raise RuntimeError(f"sora_unified read status {task.status}")
            return task

        def call_openai() -> object:
            video = oai.videos.retrieve(OPENAI_VIDEO_ID)
            if video.status != "completed":
                raise RuntimeError(f"openai read status {video.status}")
            return video

        yield {RAW: call_raw, GENERATED: call_generated, UNIFIED: call_unified, OPENAI: call_openai}


def rate(call: Call, calls: int) -> tuple[float, float]:
    """(calls per second, client CPU microseconds per call) over `calls` sequential calls."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        call()
    return calls / (time.perf_counter() - start), (time.process_time() - cpu) / calls * 1e6


def measure(
    base_url: str, *, calls: int, rounds: int, warmup: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Calls/s and CPU us/call of each client in each round."""
    with clients(base_url) as table:
        for call in table.values():
            rate(call, warmup)
        names = list(table)
        rates: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[float]] = {name: [] for name in names}
        for index in range(rounds):
            order = names[index % len(names) :] + names[: index % len(names)]
            for name in order:
                per_second, micros = rate(table[name], calls)
                rates[name].append(per_second)
                cpu[name].append(micros)
    return rates, cpu


def run(*, calls: int = 2000, rounds: int = 7, warmup: int = 300) -> Section:
    """The overhead section: calls/s per client and the two target ratios."""
    section = Section("overhead", "Status calls per second (1 connection, keep-alive, canned payload)")
    with canned_server() as base_url:
        rates, cpu = measure(base_url, calls=calls, rounds=rounds, warmup=warmup)
    for name, values in rates.items():
        section.figure(name, "calls/s", values)
    # CPU time of this (client) process per call: what the clients differ in, and less sensitive than
    # wall time to other load on the machine.
    for name, values in cpu.items():
        section.figure(f"{name.split(' ')[0]} client CPU per call", "us", values)

    def paired(top: str, bottom: str) -> list[float]:
        return [a / b for a, b in zip(rates[top], rates[bottom], strict=True)]

    section.figure("(b)/(a) generated vs raw", "ratio", paired(GENERATED, RAW))
    cpu_ratio = [a / c for a, c in zip(cpu[RAW], cpu[UNIFIED], strict=True)]
    section.figure("(c)/(a) by client CPU (CPU a / CPU c)", "ratio", cpu_ratio)
    section.check("(c)/(a) layer vs raw httpx", "ratio", paired(UNIFIED, RAW), ">=", 0.9)
    section.check("(c)/(d) layer vs openai-python", "ratio", paired(UNIFIED, OPENAI), ">=", 1.4)
    section.notes.append(
        f"{rounds} rounds of {calls} sequential calls per client after {warmup} warm-up calls; "
        "server: bench._canned in its own process."
    )
    return section


def profile(*, calls: int = 3000) -> list[str]:
    """pyinstrument summary of (c), `VideoClient.get`, in a loop."""
    from pyinstrument import Profiler

    from bench._profile import summary

    with canned_server() as base_url, clients(base_url) as table:
        rate(table[UNIFIED], min(calls, 200))
        profiler = Profiler(interval=0.0005, async_mode="disabled")
        profiler.start()
        rate(table[UNIFIED], calls)
        session = profiler.stop()
    return summary(session, f"Profile of (c) VideoClient.get, {calls} calls")
