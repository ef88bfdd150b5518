"""Endpoint lifecycle as oasdiff reads it: removal with or without deprecation, `x-sunset` dates, stability.

An operation marked `deprecated: true` may carry `x-sunset` (a date, RFC 3339 date-time accepted),
the day it may go. Removing it before that day is breaking (`api-removed-before-sunset`), after it
nothing is reported; an unreadable date is breaking (`api-path-sunset-parse`) because nobody can
tell. A whole path removed uses the `api-path-*` ids, one operation of a path that remains the
`api-*` ids. Operations whose `x-stability-level` is `alpha` or `draft` may go at any time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

SUNSET = "x-sunset"
STABILITY = "x-stability-level"
_STABILITY_ORDER = {"draft": 0, "alpha": 1, "beta": 2, "stable": 3}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def sunset_date(value: Any) -> date | None:
    """The sunset day, or None when the value is not a date (`YYYY-MM-DD` or RFC 3339 date-time)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    if _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def removal_rule(operation: Mapping[str, Any], whole_path: bool) -> str | None:
    """The rule for removing `operation` (None: nothing to report, its sunset has passed)."""
    scope = "api-path" if whole_path else "api"
    if whole_path and operation.get("x-stability-level") in ("alpha", "draft"):
        return None
    if operation.get("deprecated") is not True:
        return f"{scope}-removed-without-deprecation"
    if SUNSET not in operation:
        return f"{scope}-removed-with-deprecation"
    day = sunset_date(operation[SUNSET])
    if day is None:
        return "api-path-sunset-parse"
    return f"{scope}-removed-before-sunset" if datetime.now(UTC).date() < day else None


def sunset_rule(old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    """A change of `x-sunset` on an operation deprecated in the revision."""
    if new.get("deprecated") is not True or old.get(SUNSET) == new.get(SUNSET):
        return None
    if SUNSET in old and SUNSET not in new:
        return "sunset-deleted"
    if SUNSET in old and (sunset_date(new[SUNSET]) is None or sunset_date(old[SUNSET]) is None):
        return "api-path-sunset-parse"
    return None


def parameter_removal_rule(parameter: Mapping[str, Any]) -> str | None:
    """The rule for removing a request parameter (None: its sunset has passed)."""
    if parameter.get("deprecated") is not True:
        return "request-parameter-removed"
    if SUNSET not in parameter:
        return "request-parameter-removed-with-deprecation"
    day = sunset_date(parameter[SUNSET])
    if day is None:
        return "request-parameter-sunset-parse"
    return "request-parameter-removed-before-sunset" if datetime.now(UTC).date() < day else None


def parameter_sunset_rule(old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    """A change of `x-sunset` on a parameter deprecated in the revision."""
    rule = sunset_rule(old, new)
    return (
        None
        if rule is None
        else "request-parameter-sunset-deleted"
        if rule == "sunset-deleted"
        else "request-parameter-sunset-parse"
    )


def stability_rules(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """`x-stability-level` of a changed operation: unreadable on either side, or lowered (breaking)."""
    rules = ["api-invalid-stability-level" for node in (old, new) if _stability(node) is None]
    before, after = _stability(old), _stability(new)
    if before and after and before != after:
        lowered = _STABILITY_ORDER[after] < _STABILITY_ORDER[before]
        rules.append("api-stability-decreased" if lowered else "api-stability-increased")
    return rules


def _stability(node: Mapping[str, Any]) -> str | None:
    """The level, "" when none is declared, None when the value is not one of draft/alpha/beta/stable."""
    value = node.get(STABILITY, "")
    if value == "":
        return ""
    return value if value in _STABILITY_ORDER else None
