"""Generate-time cross-checks of mapping vs request schema, computed fields, poll hints, and the rendered records."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator._unified_mapping import load_providers
from generator.unified import Literal, MappingError, render_specs
from sora_providers import PROVIDERS
from sora_unified._body import build_body
from sora_unified._models import TaskStatus, VideoRequest
from sora_unified._polling import poll_hint
from sora_unified._spec import PollHint
from tests.unified._support import REPO


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    """A scratch copy of specs/ to break on purpose."""
    shutil.copytree(REPO / "specs", tmp_path / "specs")
    return tmp_path / "specs"


def edit_yaml(path: Path, change: Callable[[dict[str, object]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _new_duration_schema(spec: dict[str, object]) -> None:
    # The veo3.1 case of issue 12: a capability schema allowing 8 s, not added to the shared request enum.
    spec["components"]["schemas"]["Sora2EightSeconds"] = {"type": "integer", "enum": [8]}  # type: ignore[index]


def _point_sora2_at_eight(mapping: dict[str, object]) -> None:
    model = mapping["models"][1]  # type: ignore[index]
    model["allowed"]["seconds"] = "#/components/schemas/Sora2EightSeconds"
    model["defaults"]["seconds"] = 8


def test_allowed_value_refused_by_the_request_schema(specs: Path, tmp_path: Path) -> None:
    """A model value the mapping allows but the request schema refuses fails generate, naming file and JSON path."""
    edit_yaml(specs / "unifiedvideo.yaml", _new_duration_schema)
    edit_yaml(specs / "mappings" / "unifiedvideo.yaml", _point_sora2_at_eight)
    with pytest.raises(MappingError) as caught:
        render_specs(specs, tmp_path / "out")
    assert "specs/mappings/unifiedvideo.yaml: /models/1" in str(caught.value)
    assert "8" in str(caught.value)


def _drop_high_rows(mapping: dict[str, object]) -> None:
    rule = mapping["request"]["computed"]["size"]  # type: ignore[index]
    rule["table"] = [row for row in rule["table"] if row["when"]["quality"] == "standard"]


def test_accepted_value_no_request_reaches(specs: Path, tmp_path: Path) -> None:
    """A size the request schema accepts for sora-2-pro but no canonical value produces is reported."""
    edit_yaml(specs / "mappings" / "openaivideos.yaml", _drop_high_rows)
    where = "specs/mappings/openaivideos.yaml: /request/computed/size"
    message = f"{where}: sora-2-pro: the request schema accepts size='1024x1792'"
    with pytest.raises(MappingError, match=re.escape(message)):
        render_specs(specs, tmp_path / "out")


def test_excluded_values_are_not_reported(specs: Path, tmp_path: Path) -> None:
    """Listing the unreachable sizes in `excluded` (with a reason) lets generation pass."""

    def drop_and_exclude(mapping: dict[str, object]) -> None:
        _drop_high_rows(mapping)
        reason = "not offered"
        mapping["request"]["computed"]["size"]["excluded"] = {"values": ["1024x1792", "1792x1024"], "reason": reason}  # type: ignore[index]

    edit_yaml(specs / "mappings" / "openaivideos.yaml", drop_and_exclude)
    render_specs(specs, tmp_path / "out")
    rendered = (tmp_path / "out" / "openaivideos.py").read_text(encoding="utf-8").replace("'", '"')
    assert 2 == rendered.count('qualities=("standard",)')


def test_every_problem_in_one_run(specs: Path, tmp_path: Path) -> None:
    """Problems of several providers are reported together, not one per run."""
    edit_yaml(specs / "unifiedvideo.yaml", _new_duration_schema)
    edit_yaml(specs / "mappings" / "unifiedvideo.yaml", _point_sora2_at_eight)
    edit_yaml(specs / "mappings" / "openaivideos.yaml", _drop_high_rows)
    with pytest.raises(MappingError) as caught:
        render_specs(specs, tmp_path / "out")
    assert ["openaivideos.yaml", "unifiedvideo.yaml"] == sorted(
        set(re.findall(r"specs/mappings/(\w+\.yaml)", str(caught.value)))
    )


def test_computed_rows_must_be_a_full_product(specs: Path, tmp_path: Path) -> None:
    """A table whose allowed rows are not every combination cannot be told as per-field capabilities."""

    def drop_one(mapping: dict[str, object]) -> None:
        rule = mapping["request"]["computed"]["size"]  # type: ignore[index]
        rule["table"] = [row for row in rule["table"] if row["value"] != "1792x1024"]

    edit_yaml(specs / "mappings" / "openaivideos.yaml", drop_one)
    with pytest.raises(MappingError, match="not every combination"):
        render_specs(specs, tmp_path / "out")


@pytest.mark.parametrize(
    ("request_fields", "size"),
    [({}, None), ({"orientation": "landscape"}, "1280x720"), ({"quality": "high"}, "1024x1792")],
    ids=["neither", "orientation-only", "quality-only"],
)
def test_computed_size_from_orientation_and_quality(request_fields: dict[str, str], size: str | None) -> None:
    """size is looked up from (orientation, quality); an unset input comes from the model defaults; none: no size."""
    spec, _ = PROVIDERS["openaivideos"]
    model = next(m for m in spec.models if m.id == "sora-2-pro")
    body = build_body(spec, model, VideoRequest(prompt="p", **request_fields), None)  # type: ignore[arg-type]
    assert size == body.get("size")


def test_poll_hint_reads_milliseconds() -> None:
    """openai-poll-after-ms: 2500 asks for 2.5 s; an unreadable or absent header asks for nothing."""
    hints = (PollHint("openai-poll-after-ms", 0.001),)
    assert 2.5 == poll_hint(hints, {"OpenAI-Poll-After-Ms": "2500"})
    assert poll_hint(hints, {"openai-poll-after-ms": "soon"}) is None
    assert poll_hint(hints, {}) is None


def test_rendered_records_are_the_generator_records() -> None:
    """Each sora_providers record, imported, equals the ProviderSpec the generator built (the literals are exact)."""
    built = {build.id: build.spec for build in load_providers()}
    assert built == {provider: record for provider, (record, _session) in PROVIDERS.items()}


def test_literal_names_enums_and_records() -> None:
    """The literal renderer writes enum members and records by name and collects their imports."""
    literal = Literal()
    text = literal.render((TaskStatus.RUNNING, PollHint("h", 1.0)))
    assert '(TaskStatus.RUNNING, PollHint(header="h", seconds_per_unit=1.0))' == text.replace("'", '"')
    assert [("sora_unified._models", ["TaskStatus"]), ("sora_unified._spec", ["PollHint"])] == literal.import_lines()
