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
        return datetime.fromtimestamp(number / 1000.0 if unit == "unix_ms" else number, tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None


def first_timestamp(payload: object, paths: tuple[TimestampPath, ...]) -> datetime | None:
    """The first readable timestamp among `paths`."""
    for candidate in paths:
        parsed = parse_timestamp(lookup(payload, candidate.path), candidate.unit)
        if parsed is not None:
            return parsed
    return None


def normalize_status(spec: ProviderSpec, raw_status: str) -> TaskStatus:
    """Map a provider status through its synonym table; unknown values are `running`, logged once."""
    known = spec.statuses.get(raw_status.strip().lower())
    if known is not None:
        return known
    if (spec.id, raw_status) not in _unknown_seen:
        _unknown_seen.add((spec.id, raw_status))
        logger.warning("%s: unknown task status %r treated as running (not terminal)", spec.id, raw_status)
    return TaskStatus.RUNNING


def parse_json_object(spec: ProviderSpec, status: int, content: bytes, redactor: Redactor) -> Mapping[str, object]:
    """The body as a JSON object, or a MalformedResponseError carrying the (redacted) raw body.

    The request id is not looked up here: the call loop adds it to every MalformedResponseError it catches.
    """
    try:
        payload = json.loads(content)
    except (UnicodeDecodeError, ValueError):
        payload = None
    if not isinstance(payload, dict):
        raise MalformedResponseError(
            f"expected a JSON object from {spec.id}, got {redactor.snippet(content, 200)!r}",
            raw=redactor.bytes(content),
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
    """Normalize one task payload (create or status response)."""
    task_id = first_text(payload, spec.response.id) or fallback_id
    raw_status = first_text(payload, spec.response.status)
    if task_id is None or raw_status is None:
        missing = "id" if task_id is None else "status"
        raise MalformedResponseError(
            f"{spec.id} response has no task {missing}",
            raw=redactor.bytes(json.dumps(payload).encode()),
            provider=spec.id,
            http_status=http_status,
        )
    code = first_text(payload, spec.response.error_code)
    message = first_text(payload, spec.response.error_message)
    return VideoTask(
        id=task_id,
        provider=spec.id,
        model=first_text(payload, spec.response.model) or fallback_model,
        status=normalize_status(spec, raw_status),
        progress=parse_progress(first_scalar(payload, spec.response.progress)),
        video_url=first_text(payload, spec.response.video_url),
        error=TaskError(code=code, message=redactor.text(message) if message else None) if code or message else None,
        created_at=first_timestamp(payload, spec.response.created_at),
        updated_at=first_timestamp(payload, spec.response.updated_at),
        raw=payload,
    )
