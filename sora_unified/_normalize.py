"""Turn a provider's JSON payload into a `VideoTask`, driven by the paths and tables in its `ProviderSpec`.

Lenient by design (provider responses grow fields and statuses): an unknown status is treated as
non-terminal and logged once per provider and value; progress is read from integers (percent), floats
0..1, numeric strings and "45%"; timestamps from ISO-8601 strings or Unix seconds/milliseconds. What cannot
be read at all (no id, no status, not JSON) is a `MalformedResponseError` with the raw body.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping
from datetime import UTC, datetime

from sora_unified._errors import MalformedResponseError
from sora_unified._http import KEEP_BYTES
from sora_unified._models import TaskError, TaskStatus, VideoTask
from sora_unified._payload import first_scalar, first_text, lookup
from sora_unified._redact import Redactor
from sora_unified._spec import ProviderSpec, TimestampPath

logger = logging.getLogger("sora_unified")
_unknown_seen: set[tuple[str, str]] = set()


def parse_progress(value: object) -> float | None:
    """Progress as 0..1: ints and "45"/"45%" are percent, floats within 0..1 are fractions (e.g. 0.45).

    A float above 1 is read as percent (45.0). Anything else (negative, above 100, not a number) is None.
    """
    if value is None or isinstance(value, bool):
        return None
    percent: bool
    number: float
    if isinstance(value, int):
        if not -1000 <= value <= 1000:  # 10**400 would overflow float(); no progress is that large anyway
            return None
        number, percent = float(value), True
    elif isinstance(value, float):
        number, percent = value, value > 1.0
    elif isinstance(value, str):
        text = value.strip()
        percent = text.endswith("%")
        text = text.rstrip("%").strip()
        try:
            number = float(text)
        except ValueError:
            return None
        if not percent:
            percent = ("." not in text and "e" not in text.lower()) or number > 1.0
    else:
        return None
    if not math.isfinite(number):
        return None
    fraction = number / 100.0 if percent else number
    return fraction if 0.0 <= fraction <= 1.0 else None


def parse_timestamp(value: object, unit: str) -> datetime | None:
    """An aware UTC datetime from an ISO-8601 string or a Unix timestamp in seconds or milliseconds."""
    if value is None or isinstance(value, bool):
        return None
    try:
        if unit == "iso8601":
            if not isinstance(value, str):
                return None
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
            return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
        number = float(value) if isinstance(value, (int, float, str)) else math.nan
        if not math.isfinite(number):
            return None
        # Decision U9: a "milliseconds" field holding a value below 10^11 is in seconds (10^11 ms is 1973,
        # 10^11 s is year 5138), and the reverse for a "seconds" field; gateways mix the two.
        in_ms = abs(number) >= 1e11 if unit in ("unix_ms", "unix_s") else False
        return datetime.fromtimestamp(number / 1000.0 if in_ms else number, tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None


def first_timestamp(payload: object, paths: tuple[TimestampPath, ...]) -> datetime | None:
    """The first readable timestamp among `paths`."""
    for candidate in paths:
        parsed = parse_timestamp(lookup(payload, candidate.path), candidate.unit)
        if parsed is not None:
            return parsed
    return None


# The words providers use for the five states, matched case-insensitively with "-" and " " read as "_". A
# mapping's `statuses.map` is consulted first and can override any of these; this table is what lets an
# undocumented but common word (yunwu.ai's "success", ArcReel#651's "expired") end a wait instead of
# running it out.
COMMON_STATUSES: Mapping[str, TaskStatus] = {
    **dict.fromkeys(
        ("queued", "queue", "queueing", "in_queue", "pending", "waiting", "submitted", "created", "not_started"),
        TaskStatus.QUEUED,
    ),
    **dict.fromkeys(
        ("running", "processing", "in_progress", "generating", "started", "progress", "rendering"), TaskStatus.RUNNING
    ),
    **dict.fromkeys(
        ("succeeded", "success", "successful", "succeed", "completed", "complete", "done", "finished", "ready"),
        TaskStatus.SUCCEEDED,
    ),
    **dict.fromkeys(
        ("failed", "failure", "fail", "error", "errored", "expired", "timeout", "timed_out", "rejected"),
        TaskStatus.FAILED,
    ),
    **dict.fromkeys(("canceled", "cancelled", "cancel", "aborted"), TaskStatus.CANCELED),
}


def _status_key(raw_status: str) -> str:
    return raw_status.strip().lower().replace("-", "_").replace(" ", "_")


def normalize_status(
    spec: ProviderSpec, raw_status: str, *, has_video: bool = False, has_error: bool = False
) -> TaskStatus:
    """A provider status word as a TaskStatus: the mapping's table, then the common table, then the evidence.

    An unknown word is logged once per provider and word. Policy for it: a payload that carries a video URL
    is a succeeded task, one that carries an error is a failed task; otherwise the task counts as running
    (not terminal), and `VideoTask.provider_status` shows the word to `on_update`.
    """
    key = raw_status.strip().lower()
    known = spec.statuses.get(key)
    if known is None:
        known = COMMON_STATUSES.get(_status_key(raw_status))
    if known is not None:
        return known
    verdict = TaskStatus.SUCCEEDED if has_video else TaskStatus.FAILED if has_error else TaskStatus.RUNNING
    if (spec.id, key) not in _unknown_seen:
        _unknown_seen.add((spec.id, key))
        logger.warning("%s: unknown task status %r, treated as %s", spec.id, raw_status[:100], verdict.value)
    return verdict


def parse_json_object(spec: ProviderSpec, status: int, content: bytes, redactor: Redactor) -> Mapping[str, object]:
    """The body as a JSON object, or a MalformedResponseError carrying the (redacted) raw body.

    The request id is not looked up here: the call loop adds it to every MalformedResponseError it catches.
    """
    try:
        payload = json.loads(content)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError; 100k-deep nesting recurses
        payload = None
    if not isinstance(payload, dict):
        raise MalformedResponseError(
            f"expected a JSON object from {spec.id}, got {redactor.snippet(content, 200)!r}",
            raw=redactor.head(content, KEEP_BYTES),
            provider=spec.id,
            http_status=status,
        )
    return payload


def task_from_payload(
    spec: ProviderSpec,
    payload: Mapping[str, object],
    *,
    http_status: int,
    redactor: Redactor,
    fallback_id: str | None = None,
    fallback_model: str | None = None,
) -> VideoTask:
    """Normalize one task payload (create or status response).

    On a status call `fallback_id` is the id the caller asked for, and it stays the task's id whatever id
    the answer shows (that one stays in `raw`): resuming from "provider:id" and refreshing a download URL
    need the id the caller holds.
    """
    task_id = fallback_id or first_text(payload, spec.response.id)
    raw_status = first_text(payload, spec.response.status)
    if task_id is None or raw_status is None:
        missing = "id" if task_id is None else "status"
        raise MalformedResponseError(
            f"{spec.id} response has no task {missing}",
            raw=redactor.head(json.dumps(payload).encode(), KEEP_BYTES),
            provider=spec.id,
            http_status=http_status,
        )
    code = _short(redactor, first_text(payload, spec.response.error_code))
    message = _short(redactor, first_text(payload, spec.response.error_message), 1000)
    video_url = first_text(payload, spec.response.video_url)
    word = _short(redactor, raw_status, 100) or raw_status[:100]
    return VideoTask(
        id=task_id,
        provider=spec.id,
        model=first_text(payload, spec.response.model) or fallback_model,
        status=normalize_status(spec, word, has_video=video_url is not None, has_error=bool(code or message)),
        progress=parse_progress(first_scalar(payload, spec.response.progress)),
        video_url=video_url,
        error=TaskError(code=code, message=message) if code or message else None,
        created_at=first_timestamp(payload, spec.response.created_at),
        updated_at=first_timestamp(payload, spec.response.updated_at),
        raw=payload,
        provider_status=word,
    )


def _short(redactor: Redactor, value: str | None, limit: int = 200) -> str | None:
    """A provider-controlled string as an error shows it: redacted (some providers echo keys), then cut."""
    return None if value is None else redactor.text(value[: 4 * limit])[:limit]
