"""The canonical vocabulary of `VideoRequest`: the one table of values every provider is mapped onto.

Read by the generator (`generator/_unified_values.py`: which mapping keys are canonical values), checked against
the `Orientation`/`Quality` Literal types and against `specs/mappings/mapping.schema.json` by
tests/unified/test_vocabulary.py, and meant for CLI help (`help_text`).
"""

from __future__ import annotations

from collections.abc import Mapping

ORIENTATIONS: tuple[str, ...] = ("landscape", "portrait")
QUALITIES: tuple[str, ...] = ("standard", "high")

# The VideoRequest fields a mapping can route: their Python type and closed set of values (None: open).
FIELDS: Mapping[str, tuple[type, tuple[object, ...] | None]] = {
    "seconds": (int, None),
    "orientation": (str, ORIENTATIONS),
    "quality": (str, QUALITIES),
    "watermark": (bool, (True, False)),
}


def help_text(field: str) -> str:
    """The help words of a closed field, e.g. "landscape or portrait"."""
    _kind, values = FIELDS[field]
    if values is None:
        raise ValueError(f"{field} has no closed set of values")
    words = [str(v).lower() for v in values]
    return ", ".join(words[:-1]) + " or " + words[-1]
