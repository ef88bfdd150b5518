"""generator/unified.py: the mapping is validated at generate time and the rendered records follow the spec."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator._paths import LAYER_TEMPLATES_DIR
from generator.unified import MappingError, render_specs
from tests.unified._support import REPO


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch copy of specs/ (specs, examples, mappings) to break on purpose."""
    shutil.copytree(REPO / "specs", tmp_path / "specs")
    return tmp_path


def edit_yaml(path: Path, change: Callable[[dict[str, object]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_renders_the_package(repo: Path, tmp_path: Path) -> None:
    """One record and one adapter module per provider plus the registry, all valid Python; nothing else."""
    out = tmp_path / "out"
    written = render_specs(repo / "specs", out)
    names = {p.relative_to(out).as_posix() for p in written}
    providers = sorted(p.stem for p in (repo / "specs").glob("*.yaml"))
    expected = {"__init__.py", "py.typed"} | {f"{p}{suffix}.py" for p in providers for suffix in ("", "_session")}
    assert expected == names
    for path in written:
        if path.suffix == ".py":
            compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_every_template_has_template_tags() -> None:
    """A template renders only what specs and mappings decide: each one carries tags (STYLE.md)."""
    templates = sorted(LAYER_TEMPLATES_DIR.glob("*.jinja"))
    assert [] == [t.name for t in templates if "{{" not in t.read_text(encoding="utf-8")]
    assert [] != templates


def test_capabilities_follow_the_spec(repo: Path, tmp_path: Path) -> None:
    """Adding a duration to the spec's enum changes the rendered capability table, with no Python change."""
    spec = repo / "specs" / "rivya.yaml"

    def add_20(data: dict[str, object]) -> None:
        schema = data["components"]["schemas"]["Sora2ProNFrames"]  # type: ignore[index]
        schema["enum"].append("20")
        schema["x-enum-varnames"].append("SECONDS_20")

    edit_yaml(spec, add_20)
    render_specs(repo / "specs", tmp_path / "out")
    assert "durations=(10, 15, 20)" in (tmp_path / "out" / "rivya.py").read_text(encoding="utf-8")


def _mapping(repo: Path, provider: str) -> Path:
    return repo / "specs" / "mappings" / f"{provider}.yaml"


@pytest.mark.parametrize(
    ("provider", "change", "message"),
    [
        ("rivya", lambda m: m["request"]["fields"]["seconds"].update(transform="round"), "does not match"),
        ("rivya", lambda m: m["models"][0]["allowed"].update(seconds="#/components/schemas/Nope"), "does not resolve"),
        (
            "rivya",
            lambda m: m["models"][0]["allowed"].update(seconds="#/components/schemas/CreateGenerationRequest"),
            "not a closed set",
        ),
        ("rivya", lambda m: m["request"]["fields"]["seconds"].update(transform="identity"), "use transform"),
        ("rivya", lambda m: m["statuses"]["map"].pop("processing"), "without a synonym"),
        ("rivya", lambda m: m["errors"]["kinds"].update(out_of_money="insufficient_credits"), "errors.kinds"),
        (
            "globalaiopc",
            lambda m: m["request"]["fields"]["orientation"]["values"].update(landscape="1920x1080"),
            "no model allows",
        ),
        ("unifiedvideo", lambda m: m["models"][0]["defaults"].update(seconds=10), "default seconds=10"),
        ("globalaiopc", lambda m: m["client"]["get"].update(task_id_param="taskId"), "not declared"),
        (
            "globalaiopc",
            lambda m: m["client"]["submit"].update(module="globalaiopc_client.api.sora.create"),
            "is not globalaiopc_client.api",
        ),
        ("globalaiopc", lambda m: m.update(provider="gao"), "must equal the file name"),
    ],
    ids=[
        "schema-violation",
        "dangling-pointer",
        "not-an-enum",
        "spec-strings-need-transform",
        "undocumented-status-gap",
        "unknown-error-code",
        "map-typo",
        "default-not-allowed",
        "unknown-param",
        "wrong-module",
        "provider-id-mismatch",
    ],
)
def test_bad_mapping_fails_generation(
    repo: Path, tmp_path: Path, provider: str, change: Callable[[dict[str, object]], None], message: str
) -> None:
    """Each kind of mapping mistake stops generation with a message naming it."""
    edit_yaml(_mapping(repo, provider), change)
    with pytest.raises(MappingError, match=re.escape(message)):
        render_specs(repo / "specs", tmp_path / "out")


def test_spec_without_mapping_fails(repo: Path, tmp_path: Path) -> None:
    """A new provider spec needs its mapping (providers are discovered, never listed in code)."""
    shutil.copy(repo / "specs" / "globalaiopc.yaml", repo / "specs" / "newprovider.yaml")
    with pytest.raises(MappingError, match="specs without mapping \\['newprovider'\\]"):
        render_specs(repo / "specs", tmp_path / "out")
