"""The records a spec diff produces: one `Change` per semantic difference, with its `Level`.

A change names the provider, the rule (an oasdiff rule id where oasdiff has one, see `_rules.py`),
its level, the operation it concerns (`POST /api/v1/generations`, empty for a whole spec), a
logical JSON path and a one-line human message with the old and new value.

The JSON path is *logical*: `$refs` are resolved, so a property of a shared component is reported
under each operation that uses it (as oasdiff does), and variants of an `anyOf`/`oneOf` are named by
their component or type (`anyOf(VideoStatus)`) rather than by a list index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Final

# Dotted segments: identifiers (hyphens allowed, as in `x-max-bytes`) and variant names `anyOf(Label)`.
_DOTTED: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*(\([A-Za-z0-9_|/.-]+\))?")


class Level(Enum):
    """How much a change can hurt a client; oasdiff's ERR, WARN and INFO."""

    BREAKING = "breaking"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for breaking, 1 for warning, 2 for info: the order of the report."""
        return _RANKS[self]


_RANKS: Final = {Level.BREAKING: 0, Level.WARNING: 1, Level.INFO: 2}

JsonPath = tuple[str, ...]


def render_path(path: JsonPath) -> str:
    """`$.paths['/v1/x'].post.requestBody`: names dotted, anything else (`/`, `:`, spaces) bracket-quoted."""
    parts = ["$"]
    for segment in path:
        if _DOTTED.fullmatch(segment):
            parts.append(f".{segment}")
        else:
            quoted = segment.replace("\\", "\\\\").replace("'", "\\'")
            parts.append(f"['{quoted}']")
    return "".join(parts)


@dataclass(frozen=True)
class Change:
    """One semantic difference between two versions of a spec."""

    provider: str
    rule: str
    level: Level
    operation: str
    json_path: str
    message: str

    def sort_key(self) -> tuple[str, int, str, str, str, str]:
        """Provider, then breaking first, then operation, location and rule: a stable report order."""
        return (self.provider, self.level.rank, self.operation, self.json_path, self.rule, self.message)

    def to_dict(self) -> dict[str, str]:
        """The change as plain JSON-ready data (`id` is the rule id; `rule` is kept for older readers)."""
        return {
            "id": self.rule,
            "provider": self.provider,
            "rule": self.rule,
            "level": self.level.value,
            "operation": self.operation,
            "json_path": self.json_path,
            "message": self.message,
        }
