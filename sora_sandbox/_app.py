"""The sandbox ASGI app: one starlette app serving every provider spec, result media and the control API.

Per request: count it, draw a fault, check the bearer key, validate against the spec (openapi-core), run the
provider behaviour, validate the reply against the spec (violations are recorded, never hidden), then apply
any post-handler fault. Paths never collide between providers, so all share one port.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp
from werkzeug.datastructures import Headers

from sora_sandbox._behaviour import Behaviour
from sora_sandbox._config import EndpointKind, FaultKind, SandboxConfig
from sora_sandbox._control import control_routes
from sora_sandbox._faults import Fault, FaultPlan
from sora_sandbox._media import media_response
from sora_sandbox._multipart import parse_form
from sora_sandbox._provider import Call, Reply
from sora_sandbox._sandbox_data import SandboxDataError, load_provider_data
from sora_sandbox._specs import Operation, ProviderSpec, ShimRequest, ShimResponse, load_specs, shim_request
from sora_sandbox._tasks import Phase, TaskStore
from sora_sandbox._transport import ConnectionMiddleware, CutResponse, ResetResponse, connection
from sora_sandbox._video import MediaCache

_BAD_GATEWAY = (
    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"
)
_NOT_JSON = (
    "<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1><p>Please try again later.</p></body></html>"
)


class Sandbox:
    """State and routes of one sandbox run; tasks age on `now` (epoch seconds, the wall clock by default)."""

    def __init__(self, config: SandboxConfig, now: Callable[[], float] = time.time) -> None:
        self.config = config
        self.specs: dict[str, ProviderSpec] = load_specs(config.specs_dir)
        self.store = TaskStore(config, now)
        self.faults = FaultPlan(config.faults)
        self.media = MediaCache()
        # Every spec is served, from its mapping's `sandbox:` data; one that lacks what it needs stops the start.
        self.behaviours: dict[str, Behaviour] = {}
        problems: list[str] = []
        for provider_id, spec in self.specs.items():
            try:
                data = load_provider_data(spec, config.specs_dir)
            except SandboxDataError as exc:
                problems.append(str(exc))
                continue
            self.behaviours[provider_id] = Behaviour(spec, data, self.store, config, self.media)
        if problems:
            raise SandboxDataError("\n".join(problems))
        self.keys: dict[str, tuple[str, ...]] = {
            pid: tuple(config.keys.get(pid, ())) or (b.default_key,) for pid, b in self.behaviours.items()
        }

    def stats(self) -> dict[str, Any]:
        """Every counter as JSON data (`GET /_sandbox/stats`), with the scripted faults still queued."""
        with self.store.lock:
            body = self.store.stats.to_json()
        body["scripted_faults_pending"] = self.faults.pending()
        return body

    def reset(self, idempotency: bool = False) -> None:
        """Zero the counters (`POST /_sandbox/reset`); forget Idempotency-Keys too when asked."""
        self.store.reset_stats(idempotency=idempotency)

    def app(self) -> ASGIApp:
        """The ASGI app, wrapped outside starlette's own middleware so transport faults can reach the socket."""
        return ConnectionMiddleware(Starlette(routes=self.routes()))

    def routes(self) -> list[BaseRoute]:
        """One route per spec path (operations grouped by method), media, files and `/_sandbox/` control."""
        routes: list[BaseRoute] = []
        for provider_id in self.behaviours:
            by_path: dict[str, dict[str, Operation]] = {}
            for op in self.specs[provider_id].operations.values():
                by_path.setdefault(op.path, {})[op.method] = op
            for path, ops in by_path.items():
                routes.append(Route(path, self._endpoint(provider_id, ops), methods=[m.upper() for m in ops]))
        routes.append(Route("/_sandbox/media/{provider}/{filename}", self.download, methods=["GET"]))
        routes.append(Route("/_sandbox/files/{file_id}", self.file_content, methods=["GET"]))
        routes.extend(control_routes(self))
        return routes

    def _endpoint(self, provider_id: str, ops: dict[str, Operation]) -> Any:
        async def endpoint(request: Request) -> Response:
            method = request.method.lower()
            op = ops.get(method) or ops["get"]  # HEAD is served as GET
            return await self.dispatch(request, self.specs[provider_id], op)

        return endpoint

    # ------------------------------------------------------------------ provider operations
    async def dispatch(self, request: Request, spec: ProviderSpec, op: Operation) -> Response:
        """Serve one provider operation (see the module docstring for the order of steps)."""
        behaviour = self.behaviours[spec.provider_id]
        kind = behaviour.endpoint_kind(op)
        with self.store.lock:
            self.store.stats.requests[f"{spec.provider_id}/{op.operation_id}"] += 1
            if kind is EndpointKind.DOWNLOAD:  # counted with the result-file downloads too
                self.store.stats.requests[f"{spec.provider_id}/download"] += 1
        body = await request.body()
        fault = self._draw(spec.provider_id, kind)
        if fault is not None and not fault.after_commit:
            early = await self._early_fault(fault, behaviour, request)
            if early is not None:
                return early
        api_key = bearer_key(request)
        if op.secured and api_key not in self.keys[spec.provider_id]:
            return json_response(behaviour.auth_error(missing=api_key is None))
        shim = shim_request(spec, request.method, request.url.path, request.query_params, request.headers, body)
        reason = spec.validate_request(shim)
        if reason is not None:
            reply = behaviour.validation_error(reason)
        else:
            reply = await behaviour.handle(self._call(request, op, api_key or "", body, fault))
        if fault is not None and fault.kind is FaultKind.UNKNOWN_STATUS and isinstance(reply.body, dict):
            if 200 <= reply.status < 300 and "status" in reply.body:
                reply.body["status"] = "rendering"  # undocumented value: clients must not crash on it
        elif self.config.validate_responses:
            self._check_reply(spec, op, shim, reply)
        return await self._late_fault(fault, behaviour, request, json_response(reply))

    def _call(self, request: Request, op: Operation, api_key: str, body: bytes, fault: Fault | None) -> Call:
        content_type = request.headers.get("content-type", "")
        return Call(
            operation_id=op.operation_id,
            api_key=api_key,
            path_params=dict(request.path_params),
            query=request.query_params,
            headers=request.headers,
            body=body,
            json=json.loads(body) if content_type.startswith("application/json") and body else None,
            form=parse_form(content_type, body) if content_type.startswith("multipart/") else {},
            base_url=str(request.base_url).rstrip("/"),
            force_fail=fault is not None and fault.kind is FaultKind.TASK_FAILED,
        )

    def _check_reply(self, spec: ProviderSpec, op: Operation, shim: ShimRequest, reply: Reply) -> None:
        data = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
        if "json" not in reply.media_type:
            # Binary media (a content endpoint's MP4): openapi-core cannot match bytes against `format: binary`, so
            # only the status and the media type are held to the spec.
            documented = op.node.get("responses", {}).get(str(reply.status), {})
            content = spec.resolve(documented).get("content", {})
            problem = None if reply.media_type in content else f"{reply.status} {reply.media_type} is not documented"
        else:
            response = ShimResponse(reply.status, reply.media_type, Headers(reply.headers), data)
            problem = spec.validate_response(shim, response)
        if problem is not None:
            with self.store.lock:
                self.store.stats.response_violations.append(f"{spec.provider_id}/{op.operation_id}: {problem}")

    # ------------------------------------------------------------------ faults
    def _draw(self, provider_id: str, endpoint: EndpointKind) -> Fault | None:
        fault = self.faults.draw(provider_id, endpoint)
        if fault is not None:
            with self.store.lock:
                self.store.stats.faults[f"{provider_id}/{endpoint}/{fault.kind}"] += 1
        return fault

    async def _early_fault(self, fault: Fault, behaviour: Behaviour, request: Request) -> Response | None:
        """Faults that replace the answer before anything happens (SLOW only delays it)."""
        if fault.kind is FaultKind.RATE_LIMITED:
            reply = behaviour.rate_limited()
            reply.headers["Retry-After"] = fault.retry_after
            return json_response(reply)
        if fault.kind is FaultKind.SERVER_ERROR:
            if fault.status == 502:
                return HTMLResponse(_BAD_GATEWAY, status_code=502)
            return json_response(behaviour.server_error(fault.status))
        if fault.kind is FaultKind.RESET:
            return ResetResponse(connection(request))
        if fault.kind is FaultKind.SLOW:
            await asyncio.sleep(fault.slow_s)
        return None

    async def _late_fault(
        self, fault: Fault | None, behaviour: Behaviour, request: Request, response: Response
    ) -> Response:
        """Faults that spoil an answer already computed (the work, e.g. a created task, stays done)."""
        if fault is None:
            return response
        if fault.after_commit:
            early = await self._early_fault(fault, behaviour, request)
            return early if early is not None else response
        if fault.kind is FaultKind.TRUNCATED and not (response.media_type or "").startswith("application/json"):
            # A file (a content endpoint's video): announce it whole, send half, drop the connection, like a CDN.
            headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "content-type")}
            body = bytes(response.body)
            media_type = response.media_type or "application/octet-stream"
            return CutResponse(connection(request), body, len(body) // 2, response.status_code, headers, media_type)
        if fault.kind is FaultKind.TRUNCATED:
            cut = bytes(response.body)[: max(len(response.body) // 2, 1)]
            return Response(cut, status_code=response.status_code, media_type=response.media_type)
        if fault.kind is FaultKind.NON_JSON:
            return HTMLResponse(_NOT_JSON, status_code=200)
        return response

    # ------------------------------------------------------------------ media
    async def download(self, request: Request) -> Response:
        """A task's result video (mp4) or thumbnail (png), with Range support and download faults."""
        provider_id = request.path_params["provider"]
        task_id, _, ext = request.path_params["filename"].rpartition(".")
        task = self.store.get(provider_id, task_id)
        behaviour = self.behaviours.get(provider_id)
        with self.store.lock:
            self.store.stats.requests[f"{provider_id}/download"] += 1
        if behaviour is None or task is None or ext not in ("mp4", "png"):
            return JSONResponse({"error": "not found"}, status_code=404)
        if self.store.clock.view(task).phase is not Phase.SUCCEEDED:
            return JSONResponse({"error": "not ready"}, status_code=404)
        fault = self._draw(provider_id, EndpointKind.DOWNLOAD)
        if fault is not None:
            early = await self._early_fault(fault, behaviour, request)
            if early is not None:
                return early
        cfg = self.config
        data = await run_in_threadpool(
            self.media.get, ext, task.width, task.height, task.duration_s, cfg.video_fps, task.prompt
        )
        media_type = "video/mp4" if ext == "mp4" else "image/png"
        response = media_response(data, media_type, request.headers.get("range"), head=request.method == "HEAD")
        if fault is not None and fault.kind is FaultKind.TRUNCATED and len(response.body) > 1:
            headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "content-type")}
            body = bytes(response.body)
            return CutResponse(connection(request), body, len(body) // 2, response.status_code, headers, media_type)
        return response

    async def file_content(self, request: Request) -> Response:
        """Bytes of a file uploaded through a Files API (served like a public CDN URL)."""
        with self.store.lock:
            entries = list(self.store.files.items())
        for (_, file_id), entry in entries:
            if file_id == request.path_params["file_id"]:
                return media_response(entry["data"], entry["mime_type"], request.headers.get("range"))
        return JSONResponse({"error": "not found"}, status_code=404)


def bearer_key(request: Request) -> str | None:
    """The key of an `Authorization: Bearer <key>` header, or None."""
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    return key.strip() or None if scheme.lower() == "bearer" else None


def json_response(reply: Reply) -> Response:
    """Starlette response for a Reply."""
    if reply.raw is not None:
        return Response(reply.raw, status_code=reply.status, headers=reply.headers, media_type=reply.media_type)
    return JSONResponse(reply.body, status_code=reply.status, headers=reply.headers)
