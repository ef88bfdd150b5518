"""The control API under `/_sandbox/` (not part of any provider spec).

GET  /_sandbox/                 providers, their base URL and keys, operations
GET  /_sandbox/clock            {"time_scale", "queued_s", "running_s"}: how fast tasks age
GET  /_sandbox/stats            counters (tasks per key, idempotency, requests, faults, response violations)
POST /_sandbox/reset            zero the counters; {"idempotency": true} also forgets Idempotency-Keys
GET  /_sandbox/faults           current random-fault settings
PUT  /_sandbox/faults           replace them (FaultConfig fields as JSON; the RNG restarts from `seed`)
POST /_sandbox/faults/script    queue faults for the next matching requests: [{"kind", "provider"?, ...}]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from sora_sandbox._config import FaultConfig, ScriptedFault

if TYPE_CHECKING:
    from sora_sandbox._app import Sandbox


def control_routes(sandbox: Sandbox) -> list[BaseRoute]:
    """Routes of the control API bound to one sandbox."""

    async def info(request: Request) -> Response:
        base = str(request.base_url).rstrip("/")
        return JSONResponse(
            {
                pid: {"base_url": base, "keys": list(sandbox.keys[pid]), "operations": sorted(spec.operations)}
                for pid, spec in sandbox.specs.items()
                if pid in sandbox.behaviours
            }
        )

    async def clock(request: Request) -> Response:
        cfg = sandbox.config
        return JSONResponse({"time_scale": cfg.time_scale, "queued_s": cfg.queued_s, "running_s": cfg.running_s})

    async def stats(request: Request) -> Response:
        return JSONResponse(sandbox.stats())

    async def reset(request: Request) -> Response:
        options = await request.json() if await request.body() else {}
        sandbox.reset(idempotency=bool(options.get("idempotency")))
        return JSONResponse({"reset": True})

    async def faults(request: Request) -> Response:
        if request.method == "PUT":
            try:
                sandbox.faults.configure(FaultConfig.from_json(await request.json()))
            except (ValueError, TypeError, KeyError) as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(sandbox.faults.config.to_json())

    async def script(request: Request) -> Response:
        try:
            items = [ScriptedFault.from_json(item) for item in await request.json()]
        except (ValueError, TypeError, KeyError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        sandbox.faults.push(items)
        return JSONResponse({"pending": sandbox.faults.pending()})

    return [
        Route("/_sandbox/", info, methods=["GET"]),
        Route("/_sandbox/clock", clock, methods=["GET"]),
        Route("/_sandbox/stats", stats, methods=["GET"]),
        Route("/_sandbox/reset", reset, methods=["POST"]),
        Route("/_sandbox/faults", faults, methods=["GET", "PUT"]),
        Route("/_sandbox/faults/script", script, methods=["POST"]),
    ]
