"""The canonical vocabulary is one table: the Literal types, the mapping schema and the generator agree with it."""

from __future__ import annotations

import json
import typing

import pytest

from generator._paths import MAPPINGS_DIR
from generator._unified_values import FIELD_TYPES
from sora_unified._models import Orientation, Quality
from sora_unified._vocabulary import FIELDS, ORIENTATIONS, QUALITIES, help_text

SCHEMA = json.loads((MAPPINGS_DIR / "mapping.schema.json").read_text(encoding="utf-8"))


def test_literal_types_are_the_table() -> None:
    """Orientation and Quality list exactly the table's values, in its order."""
    assert (ORIENTATIONS, QUALITIES) == (typing.get_args(Orientation), typing.get_args(Quality))


def test_mapping_schema_uses_the_table() -> None:
    """The schema's routable fields, default enums and computed inputs are the table's fields and values."""
    fields = SCHEMA["properties"]["request"]["properties"]["fields"]["properties"]
    defaults = SCHEMA["properties"]["models"]["items"]["properties"]["defaults"]["properties"]
    computed_from = SCHEMA["$defs"]["computedRule"]["properties"]["from"]["items"]["enum"]
    assert (list(FIELDS), list(FIELDS)) == (list(fields), computed_from)
    assert (list(ORIENTATIONS), list(QUALITIES)) == (defaults["orientation"]["enum"], defaults["quality"]["enum"])


def test_generator_reads_the_table() -> None:
    """The generator's canonical field table is the runtime's, not a copy."""
    assert FIELDS is FIELD_TYPES


def test_help_text() -> None:
    """CLI help words come from the table; an open field has none."""
    assert ("landscape or portrait", "standard or high") == (help_text("orientation"), help_text("quality"))
    with pytest.raises(ValueError, match="no closed set"):
        help_text("seconds")
