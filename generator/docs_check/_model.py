"""The records a docs check produces and works on: `Payload` (found on a page) and `Finding` (reported).

A finding names the provider, the page URL, a rule id, a level (the spec diff's names: breaking,
warning, info), what it concerns (an example file or an operation), a JSON path inside the payload or
the document, a one-line message and optional detail lines (a JSON diff, a unified text diff).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final, Literal

PayloadKind = Literal["request", "response"]
_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


class Level(Enum):
    """How much a difference can hurt a client generated from the spec (same names as the spec diff)."""

    BREAKING = "breaking"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for breaking, 1 for warning, 2 for info: the order of the report."""
        return {Level.BREAKING: 0, Level.WARNING: 1, Level.INFO: 2}[self]


def json_path(tokens: Sequence[str | int]) -> str:
    """`$.params.n_frames`, `$.images[0]`, `$['content-type']`: JSONPath of a location in a payload."""
    parts = ["$"]
    for token in tokens:
        if isinstance(token, int):
            parts.append(f"[{token}]")
        elif _NAME.fullmatch(token):
            parts.append(f".{token}")
        else:
            parts.append("['" + token.replace("\\", "\\\\").replace("'", "\\'") + "']")
    return "".join(parts)


@dataclass(frozen=True)
class Payload:
    """One documented JSON payload found on a page, with what the page itself says about it."""

    value: Any
    line: int  # 1-based line of the page text where it starts
    origin: str  # json-block | curl-data | apifox-request | apifox-response | openapi-example
    kind: PayloadKind | None = None  # known from the page (a curl body is a request), else inferred later
    method: str | None = None
    path: str | None = None  # URL path of the operation when the page names it (curl URL, Apifox header)
    status: str | None = None


@dataclass(frozen=True)
class Finding:
    """One difference between a provider's docs and what the spec holds."""

    provider: str
    page: str
    rule: str
    level: Level
    message: str
    where: str = ""  # an example file, an operation (`POST /v1/x`), or empty for the whole page
    json_path: str = ""
    detail: tuple[str, ...] = field(default=())

    def sort_key(self) -> tuple[str, str, int, str, str, str]:
        """Provider, page, then breaking first: the order of the report."""
        return (self.provider, self.page, self.level.rank, self.where, self.json_path, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return {
            "provider": self.provider,
            "page": self.page,
            "rule": self.rule,
            "level": self.level.value,
            "where": self.where,
            "json_path": self.json_path,
            "message": self.message,
            "detail": list(self.detail),
        }


@dataclass(frozen=True)
class PageStats:
    """What one page yielded: payloads found (all, distinct) and how many equal a stored example."""

    provider: str
    page: str
    source: str  # where the text came from: the URL fetched, a snapshot file, or "none"
    payloads: int = 0
    distinct: int = 0
    matched: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The stats as JSON-ready data."""
        return {
            "provider": self.provider,
            "page": self.page,
            "source": self.source,
            "payloads": self.payloads,
            "distinct": self.distinct,
            "matched": self.matched,
        }


class DocsCheckError(Exception):
    """Why a run cannot produce a report (a page that cannot be fetched, a missing spec): exit status 2."""
