"""Fake Rivya Public API v1: generations, Files API, credits, models, webhook endpoint creation.

Error statuses come from the spec (`ErrorCode.x-http-status`); model cards (`x-model-card`), upload limits
(`x-max-bytes`, `x-mime-types`) and documented defaults (`x-documented-default`) are read from the spec.
Docs: https://rivya.ai/docs/api-generations, https://rivya.ai/docs/api-files, https://rivya.ai/docs/api-credits
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import secrets
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sora_sandbox._config import SandboxConfig
from sora_sandbox._multipart import UploadedFile, sniff_mime
from sora_sandbox._provider import Behaviour as BaseBehaviour
from sora_sandbox._provider import Call, Reply, handles, request_id
from sora_sandbox._specs import ProviderSpec
from sora_sandbox._tasks import Phase, Task, TaskStore, new_id

# Rivya documents no status for insufficient_credits (decision R8: any 4XX); the sandbox uses 402.
_INSUFFICIENT_CREDITS_STATUS = 402


def iso(ts: float) -> str:
    """Rivya's timestamp form: ISO-8601 with milliseconds and Z (e.g. 2026-05-10T00:00:00.000Z)."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{int(ts * 1000) % 1000:03d}Z"


class Behaviour(BaseBehaviour):
    """Rivya: queued -> processing -> succeeded | failed, credits per model card, Idempotency-Key replay."""

    default_key = "rvya_sk_sandbox_0123456789abcdef"

    def __init__(self, spec: ProviderSpec, store: TaskStore, config: SandboxConfig) -> None:
        super().__init__(spec, store, config)
        schemas: Mapping[str, Any] = spec.document["components"]["schemas"]
        self.cards = model_cards(schemas)
        self.http_status: Mapping[str, int | None] = schemas.get("ErrorCode", {}).get("x-http-status", {})
        # Credits as a running total per key (under the store's lock): creates charge it; a task that will fail
        # waits in `_refunds` until its failure shows, then gives its credits back.
        self._spent: Counter[str] = Counter()
        self._refunds: dict[str, list[Task]] = {}

    def error(self, status: int, code: str, message: str) -> Reply:
        """`{"error": {"code", "message", "requestId"}}` (https://rivya.ai/docs/api-errors-and-limits)."""
        documented = self.http_status.get(code)
        return Reply(documented or status, {"error": {"code": code, "message": message, "requestId": request_id()}})

    def server_error(self, status: int) -> Reply:
        """503 is the documented `public_api_disabled`; 500 has no documented code."""
        if status == 503:
            return self.error(503, "public_api_disabled", "Public API calls are temporarily disabled.")
        return self.error(status, "internal_error", "Internal error.")

    # ------------------------------------------------------------------ generations
    def render(self, call: Call, task: Task) -> dict[str, Any]:
        """The public Generation object (https://rivya.ai/docs/api-generation-status)."""
        view = self.view(task)
        status = {
            Phase.QUEUED: "queued",
            Phase.RUNNING: "processing",
            Phase.SUCCEEDED: "succeeded",
            Phase.FAILED: "failed",
        }[view.phase]
        url = self.media_url(call, task, "mp4")
        return {
            "id": task.id,
            "status": status,
            "model": task.model,
            "reserved_credits": task.credits,
            "final_credits": task.credits if view.phase is Phase.SUCCEEDED else 0,
            "created_at": iso(task.created),
            "updated_at": iso(view.changed),
            "result": {"primary_url": url, "urls": [url]} if view.phase is Phase.SUCCEEDED else None,
            "error": (
                {"code": "generation_failed", "message": "The generation failed (sandbox)."}
                if view.phase is Phase.FAILED
                else None
            ),
        }

    def balance(self, api_key: str) -> int:
        """Initial credits minus the key's tasks, failed ones refunded (https://rivya.ai/docs/api-credits)."""
        with self.store.lock:
            pending = self._refunds.get(api_key, [])
            for task in [t for t in pending if self.view(t).phase is Phase.FAILED]:
                pending.remove(task)
                self._spent[api_key] -= task.credits
            return self.config.initial_credits - self._spent[api_key]

    def charge(self, task: Task) -> None:
        """Take a new task's credits from its key (to be given back if the task fails)."""
        with self.store.lock:
            self._spent[task.api_key] += task.credits
            if task.fails:
                self._refunds.setdefault(task.api_key, []).append(task)

    @handles("createGeneration")
    async def create_generation(self, call: Call) -> Reply:
        """Create a task, or replay it for a repeated Idempotency-Key with the same body."""
        idem = call.headers.get("idempotency-key")
        digest = hashlib.sha256(json.dumps(call.json, sort_keys=True).encode()).hexdigest()
        with self.store.lock:
            if idem is not None:
                record = self.store.idempotency.get((self.provider_id, call.api_key, idem))
                if record is not None:
                    if record[0] != digest:
                        return self.error(409, "idempotency_conflict", "Idempotency-Key reused with another body.")
                    self.store.stats.idempotent_replays[f"{self.provider_id}/{call.api_key}/{idem}"] += 1
                    task = self.store.get(self.provider_id, record[1])
                    assert task is not None
                    return Reply(200, self.render(call, task))
            card = self.cards.get(call.json["model"], {})
            credits = int(card.get("base_credits", 0))
            if self.balance(call.api_key) < credits:
                return self.error(_INSUFFICIENT_CREDITS_STATUS, "insufficient_credits", "Not enough credits.")
            task = self._new_task(call, credits)
            self.store.add(task)
            self.charge(task)
            if idem is not None:
                self.store.idempotency[(self.provider_id, call.api_key, idem)] = (digest, task.id)
                self.store.stats.idempotency[f"{self.provider_id}/{call.api_key}/{idem}"] += 1
        return Reply(200, self.render(call, task))

    def _new_task(self, call: Call, credits: int) -> Task:
        params: Mapping[str, Any] = call.json.get("params") or {}
        op = call.operation_id
        aspect = params.get("aspect_ratio") or self.spec.documented_default(op, "aspect_ratio")
        seconds = params.get("n_frames") or self.spec.documented_default(op, "n_frames")
        long_side, short_side = self.config.video_long_side, self.config.video_short_side
        width, height = (short_side, long_side) if aspect == "portrait" else (long_side, short_side)
        prompt: str = call.json["prompt"]
        return Task(
            provider=self.provider_id,
            id=new_id("task_"),
            api_key=call.api_key,
            model=call.json["model"],
            prompt=prompt,
            width=width,
            height=height,
            duration_s=int(seconds or 10),
            created=self.store.clock.now(),
            fails=self.fails(call, prompt),
            request=dict(call.json),
            credits=credits,
        )

    @handles("getGeneration")
    async def get_generation(self, call: Call) -> Reply:
        """The task, if the key owns it (`not_found` otherwise)."""
        task = self.owned_task(call, call.path_params["taskId"])
        if task is None:
            return self.error(404, "not_found", "Generation not found.")
        return Reply(200, self.render(call, task))

    # ------------------------------------------------------------------ files
    def upload_limits(self, kind: str, model: str | None) -> tuple[int, list[str]]:
        """Max bytes and MIME types for a kind: the model card's when `model` is given, else the defaults."""
        if model:
            limits = self.cards.get(model, {}).get("reference_media", {}).get("limits", {})
            if kind not in limits:
                return 0, []
            return int(limits[kind]["max_bytes"]), list(limits[kind]["mime_types"])
        prop = self.spec.request_property("uploadFile", "file")
        return int(prop["x-max-bytes"][kind]), list(prop["x-mime-types"][kind])

    @handles("uploadFile")
    async def upload_file(self, call: Call) -> Reply:
        """Store a reference file after size and signature checks."""
        upload = call.form.get("file")
        kind = str(call.form.get("kind"))
        model = call.form.get("model")
        if not isinstance(upload, UploadedFile):
            return self.error(400, "validation_failed", "`file` must be a file part.")
        max_bytes, mime_types = self.upload_limits(kind, model if isinstance(model, str) else None)
        if not mime_types:
            return self.error(400, "validation_failed", f"{model} does not accept {kind} files.")
        if len(upload.data) > max_bytes:
            return self.error(400, "validation_failed", f"The {kind} file exceeds {max_bytes} bytes.")
        detected = sniff_mime(upload.data)
        if detected not in mime_types:
            return self.error(400, "validation_failed", f"Detected type {detected} is not one of {mime_types}.")
        file_id = new_id("file_")
        record = {
            "id": file_id,
            "object": "file",
            "kind": kind,
            "name": upload.filename,
            "mime_type": detected,
            "size_bytes": len(upload.data),
            "url": f"{call.base_url}/_sandbox/files/{file_id}",
            "duration_token": None if kind == "image" else f"dur_{secrets.token_hex(8)}",
            "created_at": iso(self.store.clock.now()),
        }
        with self.store.lock:
            self.store.files[(self.provider_id, file_id)] = {"owner": call.api_key, "meta": record, "data": upload.data}
        return Reply(200, record)

    @handles("getFile")
    async def get_file(self, call: Call) -> Reply:
        """File metadata for files the key owns."""
        with self.store.lock:
            entry = self.store.files.get((self.provider_id, call.path_params["fileId"]))
        if entry is None or entry["owner"] != call.api_key:
            return self.error(404, "not_found", "File not found.")
        return Reply(200, entry["meta"])

    # ------------------------------------------------------------------ account
    @handles("getCredits")
    async def get_credits(self, call: Call) -> Reply:
        """`{"current_credits": n}`."""
        return Reply(200, {"current_credits": self.balance(call.api_key)})

    @handles("listModels")
    async def list_models(self, call: Call) -> Reply:
        """The catalog, one PublicModel per `x-model-card` of the spec."""
        return Reply(200, {"object": "list", "data": [model_entry(c) for c in self.cards.values()]})

    @handles("createWebhookEndpoint")
    async def create_webhook_endpoint(self, call: Call) -> Reply:
        """Register an endpoint (not stored: the sandbox delivers no webhooks)."""
        url: str = call.json["url"]
        if not public_https_url(url):
            return self.error(400, "webhook_url_rejected", "Webhook URLs must be public HTTPS URLs.")
        now = iso(self.store.clock.now())
        secret = f"whsec_{secrets.token_hex(16)}"
        return Reply(
            200,
            {
                "id": new_id("whend_"),
                "object": "webhook_endpoint",
                "name": call.json["name"],
                "url": url,
                "event_types": call.json["event_types"],
                "status": "active",
                "secret_preview": f"{secret[:8]}...{secret[-6:]}",
                "signing_secret": secret,
                "last_success_at": None,
                "last_failure_at": None,
                "failure_count": 0,
                "created_at": now,
                "updated_at": now,
                "disabled_at": None,
                "revoked_at": None,
            },
        )


def model_cards(schemas: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """`x-model-card` entries of the spec's component schemas, by model id."""
    cards: dict[str, Mapping[str, Any]] = {}
    for schema in schemas.values():
        card = schema.get("x-model-card") if isinstance(schema, dict) else None
        if card:
            cards[card["model_id"]] = card
    return cards


def model_entry(card: Mapping[str, Any]) -> dict[str, Any]:
    """A PublicModel built from a spec model card (https://rivya.ai/docs/api-models)."""
    media = card.get("reference_media") or {}
    return {
        "id": card["model_id"],
        "display_name": card.get("display_name", card["model_id"]),
        "category": card.get("capability", "video"),
        "runtime": "async_task",
        "base_credits": card.get("base_credits", 0),
        "billing_type": card.get("billing_type", "FIXED"),
        "supported_modes": ["text-to-video", "image-to-video"],
        "max_prompt_length": card.get("max_prompt_length"),
        "reference_media": media or None,
        "params": [],
        "api_status": "available",
        "api_input_status": "partial_requires_files",
        "supported_api_inputs": list(card.get("inputs", [])),
        "requires_files_api": False,
        "requires_upload_for_modes": ["image-to-video"],
        "url_input_supported": True,
        "file_kinds": list(media.get("kinds", [])),
        "chat_capabilities": None,
        "notices": [],
    }


def public_https_url(url: str) -> bool:
    """Rivya's webhook URL rules: HTTPS, no credentials or fragment, no local/private/loopback/reserved host."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme != "https" or parts.username or parts.password or parts.fragment or not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True
    return address.is_global
