"""The one provider behaviour of the sandbox, driven by data: the spec plus the `sandbox:` section of the mapping.

Routes, auth and validation are done by the dispatcher (`_app.py`) from the spec. This module carries out the
operation's `action` (`_sandbox_data.Action`) and renders every answer from the provider's templates
(`_template.py`): task payloads in the provider's own shape and status words, error envelopes, file records.
Nothing here names a provider: what differs between them is data (see mapping.schema.json `$defs/sandbox`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool

from sora_sandbox._config import EndpointKind, SandboxConfig
from sora_sandbox._ledger import CreditLedger
from sora_sandbox._multipart import UploadedFile, sniff_mime
from sora_sandbox._provider import Call, Reply
from sora_sandbox._rules import RULES
from sora_sandbox._sandbox_data import Action, OperationData, ProviderData
from sora_sandbox._specs import Operation, ProviderSpec
from sora_sandbox._tasks import Phase, Task, TaskStore, TaskView
from sora_sandbox._template import lookup, render
from sora_sandbox._times import Instant, Progress
from sora_sandbox._video import MediaCache


@dataclass(frozen=True)
class _Media:
    mp4: str
    png: str


class Behaviour:
    """One provider's fake, built from its spec and its sandbox data."""

    def __init__(
        self, spec: ProviderSpec, data: ProviderData, store: TaskStore, config: SandboxConfig, media: MediaCache
    ) -> None:
        self.spec = spec
        self.data = data
        self.store = store
        self.config = config
        self.media = media
        self.provider_id = spec.provider_id
        self.default_key = data.key
        self.cards = model_cards(spec.document, data.model_cards)
        self.ledger = CreditLedger(store, config.initial_credits)
        self._actions: Mapping[Action, Callable[[Call, OperationData], Awaitable[Reply]]] = {
            Action.CREATE_TASK: self._create_task,
            Action.GET_TASK: self._get_task,
            Action.CONTENT: self._content,
            Action.UPLOAD_FILE: self._upload_file,
            Action.GET_FILE: self._get_file,
            Action.CREDITS: self._credits,
            Action.MODEL_CARDS: self._model_cards,
            Action.ECHO: self._echo,
        }

    def endpoint_kind(self, op: Operation) -> EndpointKind:
        """What faults and counters treat the operation as: a content action is a download, like a CDN file."""
        entry = self.data.operations.get(op.operation_id)
        if entry is not None and entry.action is Action.CONTENT:
            return EndpointKind.DOWNLOAD
        return op.endpoint_kind

    async def handle(self, call: Call) -> Reply:
        """Carry out the operation's action (its entry in `sandbox.operations`, checked at start)."""
        op = self.data.operations[call.operation_id]
        return await self._actions[op.action](call, op)

    # ------------------------------------------------------------------ errors
    def error(self, situation: str, message: str | None = None, status: int | None = None, **entry: Any) -> Reply:
        """An error in the provider's envelope: `errors.codes.<situation>` (or `entry`), status from the spec."""
        errors = self.data.errors
        fields = {**errors.get("defaults", {}), **errors["codes"].get(situation, {}), **entry}
        code = str(fields.get("code", situation))
        status = self.data.error_status.get(code) or status or int(fields.get("status", 400))
        fields.update(code=code, status=status, status_text=str(status), message=message or fields.get("message", ""))
        return Reply(status, render(errors["envelope"], {"error": fields}))

    def auth_error(self, missing: bool) -> Reply:
        """401 for a missing or unknown key."""
        return self.error("auth_missing" if missing else "auth_invalid", status=401)

    def validation_error(self, message: str) -> Reply:
        """The reply to a request that does not conform to the spec."""
        return self.error("validation", message, status=400)

    def rate_limited(self) -> Reply:
        """Body of a 429 (headers are added by the dispatcher)."""
        return self.error("rate_limited", status=429)

    def server_error(self, status: int) -> Reply:
        """Body of an injected 500/503 (`server_error_<status>` when the data has one; 502 is the proxy's HTML)."""
        codes = self.data.errors["codes"]
        return self.error(
            f"server_error_{status}" if f"server_error_{status}" in codes else "server_error", status=status
        )

    def _not_found(self, op: OperationData) -> Reply:
        return self.error("not_found", status=404, **op.not_found)

    # ------------------------------------------------------------------ tasks
    def context(self, call: Call, task: Task) -> dict[str, Any]:
        """What a task template can refer to (see `_template.py`)."""
        view: TaskView = self.store.clock.view(task)
        base = f"{call.base_url}/_sandbox/media/{self.provider_id}/{task.id}"
        return {
            "task": task,
            "phase": view.phase.value,
            "status": self.data.status_words[view.phase],
            "progress": Progress(view.progress, task.polls),
            "created": Instant(task.created),
            "changed": Instant(view.changed),
            "now": Instant(self.store.clock.now()),
            "media": _Media(mp4=f"{base}.mp4", png=f"{base}.png"),
        }

    def owned_task(self, call: Call, task_id: str | None) -> Task | None:
        """The task if it exists and belongs to the caller's key (one poll is counted)."""
        task = self.store.get(self.provider_id, task_id or "")
        if task is None or task.api_key != call.api_key:
            return None
        with self.store.lock:
            task.polls += 1
        return task

    async def _create_task(self, call: Call, op: OperationData) -> Reply:
        body = request_body(call)
        idem = call.headers.get(self.data.idempotency_header.lower()) if self.data.idempotency_header else None
        digest = hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()
        key = (self.provider_id, call.api_key, idem or "")
        with self.store.lock:
            if idem is not None and key in self.store.idempotency:
                known_digest, task_id = self.store.idempotency[key]
                if known_digest != digest:
                    return self.error("idempotency_conflict", status=409)
                self.store.stats.idempotent_replays["/".join(key)] += 1
                replayed = self.store.get(self.provider_id, task_id)
                assert replayed is not None
                return Reply(200, render(op.answer or self.data.created, self.context(call, replayed)))
            task = self._new_task(call, body)
            if self.data.credits is not None:
                if self.ledger.balance(call.api_key, self._phase) < task.credits:
                    status = int(self.data.credits.get("insufficient_status", 402))
                    return self.error("insufficient_credits", status=status)
                self.ledger.charge(task)
            self.store.add(task)
            if idem is not None:
                self.store.idempotency[key] = (digest, task.id)
                self.store.stats.idempotency["/".join(key)] += 1
        return Reply(200, render(op.answer or self.data.created, self.context(call, task)))

    def _new_task(self, call: Call, body: Mapping[str, Any]) -> Task:
        prompt = str(lookup(self.data.prompt_path, body) or "")
        model = str(lookup(self.data.model_path, body) or "")
        seconds = self._input("seconds", body, call.operation_id)
        orientation = self._input("orientation", body, call.operation_id)
        long_side, short_side = self.config.video_long_side, self.config.video_short_side
        portrait = orientation == "portrait"
        price = 0
        if self.data.credits is not None:
            price = int(self.cards.get(model, {}).get(self.data.credits["price"], 0))
        return Task(
            provider=self.provider_id,
            id=str(render(self.data.task_id, {})),
            api_key=call.api_key,
            model=model,
            prompt=prompt,
            width=short_side if portrait else long_side,
            height=long_side if portrait else short_side,
            duration_s=int(seconds or 0),
            created=self.store.clock.now(),
            fails=call.force_fail or self.config.fail_marker in prompt,
            request=dict(body),
            credits=price,
        )

    def _input(self, name: str, body: Mapping[str, Any], operation_id: str) -> Any:
        """A task input from the body: the first path present, else the spec's documented default, else `default`."""
        rule: Mapping[str, Any] = self.data.inputs.get(name, {})
        values: Mapping[str, Any] = rule.get("values", {})
        value = next((v for v in (lookup(p, body) for p in rule.get("paths", [])) if v is not None), None)
        if value is None and "default_from" in rule:
            value = self.spec.documented_default(operation_id, rule["default_from"])
        if value is None:
            value = rule.get("default")
        return values.get(str(value), value) if values else value

    def _phase(self, task: Task) -> Phase:
        return self.store.clock.view(task).phase

    async def _get_task(self, call: Call, op: OperationData) -> Reply:
        param = self.data.task_id_param
        task = self.owned_task(call, call.path_params.get(param) or call.query.get(param))
        if task is None:
            return self._not_found(op)
        return Reply(200, render(op.answer or self.data.task, self.context(call, task)))

    async def _content(self, call: Call, op: OperationData) -> Reply:
        task = self.owned_task(call, call.path_params.get(self.data.task_id_param))
        if task is None or self.store.clock.view(task).phase is not Phase.SUCCEEDED:
            return self._not_found(op)
        cfg = self.config
        data = await run_in_threadpool(
            self.media.get, "mp4", task.width, task.height, task.duration_s, cfg.video_fps, task.prompt
        )
        return Reply(200, raw=data, media_type="video/mp4")

    # ------------------------------------------------------------------ files, credits, models, others
    async def _upload_file(self, call: Call, op: OperationData) -> Reply:
        files = self.data.files or {}
        upload = call.form.get(files.get("file_field", "file"))
        kind = str(call.form.get(files.get("kind_field", "kind"), "image"))
        model = call.form.get(files.get("model_field", "model"))
        if not isinstance(upload, UploadedFile):
            return self.error("upload_rejected", "the file part is missing or not a file")
        max_bytes, mime_types = self._upload_limits(call.operation_id, kind, model if isinstance(model, str) else None)
        if not mime_types:
            return self.error("upload_rejected", f"{model} does not accept {kind} files.")
        if len(upload.data) > max_bytes:
            return self.error("upload_rejected", f"The {kind} file exceeds {max_bytes} bytes.")
        detected = sniff_mime(upload.data)
        if detected not in mime_types:
            return self.error("upload_rejected", f"Detected type {detected} is not one of {mime_types}.")
        file_id = str(render(files["id"], {}))
        url = f"{call.base_url}/_sandbox/files/{file_id}"
        record: dict[str, Any] = {"id": file_id, "kind": kind, "name": upload.filename, "mime_type": detected}
        record |= {"size_bytes": len(upload.data), "url": url}
        meta = render(files["record"], {"file": record, "now": Instant(self.store.clock.now())})
        with self.store.lock:
            self.store.files[(self.provider_id, file_id)] = {
                "owner": call.api_key,
                "meta": meta,
                "data": upload.data,
                "mime_type": detected,
            }
        return Reply(200, meta)

    def _upload_limits(self, operation_id: str, kind: str, model: str | None) -> tuple[int, list[str]]:
        """Max bytes and MIME types: the model card's (`files.model_limits`) for a model, else the spec's."""
        files = self.data.files or {}
        if model and "model_limits" in files:
            limits = lookup(files["model_limits"], self.cards.get(model, {})) or {}
            if kind not in limits:
                return 0, []
            return int(limits[kind]["max_bytes"]), list(limits[kind]["mime_types"])
        prop = self.spec.request_property(operation_id, files.get("file_field", "file"))
        return int(prop["x-max-bytes"][kind]), list(prop["x-mime-types"][kind])

    async def _get_file(self, call: Call, op: OperationData) -> Reply:
        file_id = next(iter(call.path_params.values()), "")
        with self.store.lock:
            entry = self.store.files.get((self.provider_id, file_id))
        if entry is None or entry["owner"] != call.api_key:
            return self._not_found(op)
        return Reply(200, entry["meta"])

    async def _credits(self, call: Call, op: OperationData) -> Reply:
        return Reply(200, render(op.answer, {"balance": self.ledger.balance(call.api_key, self._phase)}))

    async def _model_cards(self, call: Call, op: OperationData) -> Reply:
        return Reply(200, render(op.answer, {"cards": list(self.cards.values())}))

    async def _echo(self, call: Call, op: OperationData) -> Reply:
        body = request_body(call)
        for path, rule in op.require.items():
            if not RULES[rule](lookup(path, body)):
                return self.error("rejected", **op.reject)
        context: dict[str, Any] = {"body": body, "now": Instant(self.store.clock.now())}
        for name, template in op.let.items():  # values used more than once (a secret and its preview)
            context[name] = render(template, context)
        return Reply(200, render(op.answer, context))


def request_body(call: Call) -> dict[str, Any]:
    """The JSON body, or the multipart form's text fields (files left out)."""
    if isinstance(call.json, dict):
        return dict(call.json)
    return {name: value for name, value in call.form.items() if isinstance(value, str)}


def model_cards(document: Mapping[str, Any], extension: str | None) -> dict[str, Mapping[str, Any]]:
    """The spec's model cards (component schemas carrying `extension`, e.g. `x-model-card`), by `model_id`."""
    if extension is None:
        return {}
    cards: dict[str, Mapping[str, Any]] = {}
    for schema in document.get("components", {}).get("schemas", {}).values():
        card = schema.get(extension) if isinstance(schema, Mapping) else None
        if isinstance(card, Mapping) and "model_id" in card:
            cards[str(card["model_id"])] = card
    return cards
