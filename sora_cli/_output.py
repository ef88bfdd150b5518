"""What `sora-video` prints: JSON objects for scripts (`--json`), short lines and tables for people.

Every command prints exactly one JSON object on stdout with `--json`: a task (`task_json`), a task plus
the saved file (download, run), `{"providers": [...]}`, or `{"error": {...}}` (`error_json`). Human
output goes to stdout; progress and error lines go to stderr. Provider text is printed with rich markup
off, so a message containing `[...]` is shown as is.
"""

from __future__ import annotations

import dataclasses
import json
import shlex
import sys
from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.table import Table

from sora_cli._exit import ExitCode, describe
from sora_unified import (
    ProviderInfo,
    RateLimitError,
    SoraUnifiedError,
    SubmitOutcomeUnknownError,
    TaskFailedError,
    ValidationError,
    VideoTask,
    WaitTimeoutError,
)


def task_json(task: VideoTask) -> dict[str, Any]:
    """The normalized task as JSON (the library's `VideoTask.to_json`; the raw payload left out)."""
    return task.to_json()


def _jsonable(value: object) -> object:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    return str(value)


def error_json(exc: BaseException, code: ExitCode, message: str, ref: str | None = None) -> dict[str, Any]:
    """`{"error": {...}}` with the exit code, the class name, the task's ref when known and the error's facts."""
    body: dict[str, Any] = {"type": type(exc).__name__, "exit_code": int(code), "message": message, "ref": ref}
    if isinstance(exc, SoraUnifiedError):
        body.update(provider=exc.provider, http_status=exc.http_status, code=exc.code, request_id=exc.request_id)
    if isinstance(exc, ValidationError):
        body.update(field=exc.field, allowed=_jsonable(exc.allowed), accepted_by=list(exc.accepted_by))
    if isinstance(exc, RateLimitError):
        body["retry_after"] = exc.retry_after
    if isinstance(exc, TaskFailedError | WaitTimeoutError) and exc.task is not None:
        body["task"] = task_json(exc.task)
    if isinstance(exc, SubmitOutcomeUnknownError):
        body.update(
            fingerprint=exc.fingerprint,
            sent_at=exc.sent_at.isoformat(),
            gave_up_at=exc.gave_up_at.isoformat(),
            client_reference=exc.client_reference,
            idempotency_key=exc.idempotency_key,
            raw=None if exc.raw is None else exc.raw.decode("utf-8", "replace"),
        )
    if body["ref"] is None and isinstance(body.get("task"), dict):
        body["ref"] = body["task"].get("ref")
    return {"error": body}


def emit_json(obj: Mapping[str, Any]) -> None:
    """One JSON object on one stdout line."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n")
    sys.stdout.flush()


def say(line: str) -> None:
    """A line of human output on stdout."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def warn(line: str) -> None:
    """A line on stderr (errors, progress when not on a terminal)."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def report_error(
    exc: BaseException,
    code: ExitCode,
    *,
    as_json: bool,
    hint: str | None,
    secrets: tuple[str, ...],
    recovery: str | None = None,
    ref: str | None = None,
) -> None:
    """The one error line on stderr (and the error object on stdout with --json)."""
    message = describe(exc, hint=hint, recovery=recovery, secrets=secrets)
    if as_json:
        emit_json(error_json(exc, code, message, ref))
    warn(f"sora-video: error: {message}")


def percent(progress: float | None) -> str:
    """`48%`, or `-` when the provider reports no progress."""
    return "-" if progress is None else f"{round(progress * 100)}%"


def task_line(task: VideoTask) -> str:
    """`rivya:task_1 running 48% model=sora-2-pro`, plus the URL or the error when there is one."""
    parts = [str(task.ref), task.status.value, percent(task.progress)]
    if task.model:
        parts.append(f"model={task.model}")
    if task.video_url:
        parts.append(f"video_url={task.video_url}")
    if task.error is not None:
        parts.append("error=" + ": ".join(p for p in (task.error.code, task.error.message) if p))
    return " ".join(parts)


def resume_command(command: str, provider: str, task_id: str) -> str:
    """The command line that picks a task up again (`sora-video wait ID --provider PROVIDER`)."""
    return f"sora-video {command} {shlex.quote(task_id)} --provider {provider}"


def providers_json(infos: tuple[ProviderInfo, ...]) -> dict[str, Any]:
    """`{"providers": [...]}`: every field of the capability data, tuples as lists."""
    return {"providers": [dataclasses.asdict(info) for info in infos]}


def _values(values: tuple[object, ...]) -> str:
    return ", ".join(str(v).lower() if isinstance(v, bool) else str(v) for v in values) or "-"


def _reference(info: ProviderInfo, model_id: str) -> str:
    caps = info.model(model_id)
    limits = caps.reference_image if caps is not None else None
    if limits is None:
        return "-"
    ways = [w for w, ok in (("url", limits.accepts_url), ("file", limits.accepts_file)) if ok]
    text = f"{limits.max_count} ({'/'.join(ways)})"
    if limits.max_bytes is not None:
        text += (
            f" <= {limits.max_bytes // (1 << 20)} MiB"
            if limits.max_bytes % (1 << 20) == 0
            else f" <= {limits.max_bytes} B"
        )
    if limits.mime_types:
        text += " " + ", ".join(m.removeprefix("image/") for m in limits.mime_types)
    return text


def print_providers(infos: tuple[ProviderInfo, ...]) -> None:
    """One capability table per provider: a column per model, a row per request field (fits 80 columns)."""
    console = Console(highlight=False, markup=False)
    for info in infos:
        base = info.default_base_url or f"none, set {info.base_url_env}"
        caption = (
            f"key: {info.api_key_env}; base URL: {base}; default model: {info.default_model}; "
            f"polling every {info.polling.min_interval:g}-{info.polling.max_interval:g} s; "
            f"idempotent submit: {'yes' if info.idempotent_submit else 'no'}"
        )
        table = Table(
            title=f"{info.id}: {info.display_name}", caption=caption, title_justify="left", caption_justify="left"
        )
        table.add_column("model")
        for caps in info.models:
            table.add_column(caps.id)
        rows: tuple[tuple[str, list[str]], ...] = (
            ("aliases", [_values(c.aliases) for c in info.models]),
            ("--seconds", [_values(c.durations) for c in info.models]),
            ("--orientation", [_values(c.orientations) for c in info.models]),
            ("--quality", [_values(c.qualities) for c in info.models]),
            ("--watermark", [_values(c.watermark) for c in info.models]),
            ("--reference-image", [_reference(info, c.id) for c in info.models]),
            (
                "prompt length",
                ["-" if c.prompt_max_length is None else f"<= {c.prompt_max_length}" for c in info.models],
            ),
        )
        for name, cells in rows:
            table.add_row(name, *cells)
        console.print(table)
