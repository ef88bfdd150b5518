"""AsyncVideoClient under many concurrent calls: requests inside httpx are bounded by the pool's size.

With hundreds of requests queued in httpcore's pool, every pool event rescans the queue (encode/httpcore#1035);
the client keeps at most `max_connections` sends in flight and never holds that gate while it sleeps.
"""

from __future__ import annotations

import asyncio

import httpx

from sora_unified import AsyncVideoClient
from sora_unified._async_client import LIMITS
from tests.unified._support import BASE_URLS, KEY, example, ok

RIVYA_DONE = example("rivya/getGeneration.response-200.succeeded.json")
BUSY = {"error": {"code": "public_api_disabled", "message": "busy"}}


def test_sends_in_flight_are_bounded_by_max_connections() -> None:
    """150 concurrent get() calls: at most max_connections (100) requests are inside httpx at once."""
    in_flight = peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.01)
        in_flight -= 1
        return ok(RIVYA_DONE)

    async def main() -> None:
        transport = httpx.MockTransport(handler)
        async with AsyncVideoClient("rivya", api_key=KEY, base_url=BASE_URLS["rivya"], transport=transport) as client:
            await asyncio.gather(*(client.get(f"task_{n}") for n in range(150)))

    asyncio.run(main())
    assert LIMITS.max_connections == peak


def test_backoff_sleep_does_not_hold_the_gate() -> None:
    """While 100 calls sleep before a retry, another call still gets through at once."""
    answered: set[str] = set()
    released = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        task_id = request.url.path.rsplit("/", 1)[-1]
        if task_id.startswith("busy") and task_id not in answered:
            answered.add(task_id)
            return ok(BUSY, 503)
        return ok(RIVYA_DONE)

    async def sleep(seconds: float) -> None:
        await released.wait()

    async def main() -> tuple[int, str]:
        transport = httpx.MockTransport(handler)
        async with AsyncVideoClient(
            "rivya", api_key=KEY, base_url=BASE_URLS["rivya"], transport=transport, sleep=sleep
        ) as client:
            sleepers = [asyncio.create_task(client.get(f"busy_{n}")) for n in range(100)]
            while len(answered) < 100:
                await asyncio.sleep(0)
            free = await asyncio.wait_for(client.get("free"), timeout=5.0)
            released.set()
            await asyncio.gather(*sleepers)
            return sum(s.result().status.value == "succeeded" for s in sleepers), free.status.value

    assert (100, "succeeded") == asyncio.run(main())
