"""What every comparison writes to: the `Emitter` of one operation's changes, the `Side` of the wire.

`Side` says which way the data flows (a request is sent by the client, a response received) and how
to name what is compared in messages; the rule ids are built from its prefixes and their levels
come from `_rules.py`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from generator.spec_diff._model import Change, JsonPath, Level, render_path
from generator.spec_diff._rules import level_of


@dataclass
class Emitter:
    """Collects the changes of one operation (or of a whole spec when `operation` is empty)."""

    provider: str
    operation: str = ""
    changes: list[Change] = field(default_factory=list)

    def emit(self, rule: str, path: JsonPath, message: str, level: Level | None = None) -> None:
        """Record one change; its level comes from the rule table unless the rule's deviation lowers it here."""
        chosen = level or level_of(rule)
        self.changes.append(Change(self.provider, rule, chosen, self.operation, render_path(path), message))


@dataclass(frozen=True)
class Side:
    """Which way the data flows, and how to name what is compared in messages."""

    sent: bool  # True: the client sends it (request); False: the client receives it (response)
    root_prefix: str  # rule prefix for the schema itself: request-body, request-parameter, response-body
    subject: str  # how the root is named: "request body", "query parameter `limit`", ...
    context: str = ""  # appended to property names: " (status 200)"
    location: str = ""  # `in` of a parameter: oasdiff names a header parameter's properties apart
    required_parameter: bool = False  # a parameter required on both sides: its default is never used
    strongly_typed: bool = True  # JSON: a number is not a string; form and text bodies: every scalar is text

    def prefix(self, prop: str) -> str:
        """The rule prefix at a property path (`""` is the root)."""
        if not prop:
            return self.root_prefix
        if self.root_prefix == "request-parameter":
            # The items of an array parameter are still the parameter; a property of an object one is not.
            return "request-parameter-property" if prop.replace("[]", "") else "request-parameter"
        return "request-property" if self.sent else "response-property"

    def what(self, prop: str) -> str:
        """`request property \\`params/size\\``, or the subject at the root."""
        if not prop:
            return self.subject
        return f"{'request' if self.sent else 'response'} property `{prop}`{self.context}"


def show(value: Any) -> str:
    """A value as JSON text, the way messages quote old and new values."""
    return json.dumps(value, ensure_ascii=False)
