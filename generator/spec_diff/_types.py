"""Class a type or format change as oasdiff does: changed (breaking), generalized, specialized or compatible.

From the receiver's side (the server for a request, the client for a response) a change is harmless
when every value the sender could send before is still accepted: `integer` -> `number`, a type set
that grew (`string` -> `[string, integer]`), a type or format removed, `int32` -> `int64`,
`float` -> `double`, `date` -> `date-time`. In a body that is not JSON (form or text) every scalar
travels as text, so a swap between scalar types is only "compatible". The rule suffix:

- `type-changed`: some value that was valid is refused now (breaking both ways);
- `type-generalized` (request) / `type-specialized` (response): the receiver accepts more;
- `type-compatible`: a loose swap between concrete types where the wire form is text.
"""

from __future__ import annotations

from typing import Final

_FORMAT_WIDENINGS: Final = {
    "number": {("float", "double")},
    "integer": {("int32", "int64"), ("int32", "bigint"), ("int64", "bigint")},
    "string": {("date", "date-time"), ("time", "date-time")},
}


def _covered(kind: str, accepted: frozenset[str]) -> bool:
    return kind in accepted or (kind == "integer" and "number" in accepted)


def type_change_suffix(
    old_types: frozenset[str],
    old_format: str | None,
    new_types: frozenset[str],
    new_format: str | None,
    *,
    sent: bool,
    strongly_typed: bool,
) -> str:
    """The rule suffix for a type/format change; `sent` is True for a request."""
    # `accepting` is what the receiver takes, `sending` what the sender may produce.
    if sent:
        sending, accepting, from_format, to_format = old_types, new_types, old_format, new_format
    else:
        sending, accepting, from_format, to_format = new_types, old_types, new_format, old_format
    type_changed = old_types != new_types
    widened = type_changed and bool(sending) and all(_covered(t, accepting) for t in sending)
    type_breaking = (
        type_changed and not widened and bool(accepting) and not _contained(sending, accepting, strongly_typed)
    )
    format_breaking = old_format != new_format and not _format_contained(accepting, from_format, to_format)
    if type_breaking or format_breaking:
        return "type-changed"
    if type_changed and old_types and new_types and not widened:
        return "type-compatible"
    return "type-generalized" if sent else "type-specialized"


def _contained(sending: frozenset[str], accepting: frozenset[str], strongly_typed: bool) -> bool:
    if (
        len(sending) == 1
        and len(accepting) == 1
        and (next(iter(sending)), next(iter(accepting))) == ("integer", "number")
    ):
        return True
    if not strongly_typed:
        return not accepting or accepting == {"string"}
    return False


def _format_contained(accepting: frozenset[str], from_format: str | None, to_format: str | None) -> bool:
    if not to_format:
        return True
    if len(accepting) != 1:
        return False
    return (from_format, to_format) in _FORMAT_WIDENINGS.get(next(iter(accepting)), set())
