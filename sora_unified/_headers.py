"""HTTP response headers the layer reads: a case-insensitive lookup and the provider's requested pause."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx


def header(headers: Mapping[str, str], name: str) -> str | None:
    """The value of header `name` (any case); httpx.Headers answers directly, other mappings are scanned."""
    if isinstance(headers, httpx.Headers):
        value: str | None = headers.get(name)
        return value
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def parse_retry_after(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """Seconds to wait from `retry-after-ms` or `Retry-After` (delta-seconds or HTTP-date); None if absent."""
    if isinstance(headers, httpx.Headers) and not any(key.lower().startswith(b"retry-after") for key, _ in headers.raw):
        return None  # the common case on every status call: one pass over the raw names, no per-name lookups
    millis = header(headers, "retry-after-ms")
    if millis is not None:
        try:
            seconds = float(millis) / 1000.0
        except ValueError:
            seconds = math.nan
        if math.isfinite(seconds):  # "1e400" or "nan" from a hostile server says nothing usable
            return max(0.0, seconds)
    value = header(headers, "retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
