"""Each speclint rule proven on the fixture spec: clean as written, and each broken copy breaks exactly one rule."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.speclint import Problem, lint_spec, run_lint

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"
BASE = FIXTURES / "base"
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
# The fixture provider's ambiguity list, passed explicitly (real specs declare theirs in info.x-provider.ambiguities).
DECISIONS = {"fixture": ("F1", "F2")}


def _tokens(at: str) -> list[str]:
    return [t.replace("~1", "/").replace("~0", "~") for t in at.split("/")[1:]]


def _apply(spec: dict[str, Any], root: Path, op: dict[str, Any]) -> None:
    """One patch step: set/remove a value at a JSON pointer, or write/delete a file next to the spec."""
    if op["op"] in ("write", "delete"):
        target = root / op["file"]
        if op["op"] == "write":
            target.write_text(op["text"], encoding="utf-8")
        else:
            target.unlink()
        return
    *parents, last = _tokens(op["at"])
    node: Any = spec
    for token in parents:
        node = node[int(token)] if isinstance(node, list) else node[token]
    if op["op"] == "set":
        node[last] = op["value"]
    else:
        del node[int(last) if isinstance(node, list) else last]


def _broken_copy(patch_file: Path, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    root = tmp_path / "specs"
    shutil.copytree(BASE, root)
    spec = yaml.safe_load((root / "fixture.yaml").read_text(encoding="utf-8"))
    patch = yaml.safe_load(patch_file.read_text(encoding="utf-8"))
    for op in patch["patch"]:
        _apply(spec, root, op)
    (root / "fixture.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return root / "fixture.yaml", patch


def _lines(problems: list[Problem], path: Path) -> list[str]:
    return [p.render(path) for p in problems]


def test_fixture_spec_is_clean() -> None:
    """The base fixture follows every rule: lint finds nothing."""
    path = BASE / "fixture.yaml"
    assert [] == _lines(lint_spec(path, DECISIONS), path)


@pytest.mark.parametrize("patch_file", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_fixture_breaks_exactly_its_rule(patch_file: Path, tmp_path: Path) -> None:
    """A fixture patched to break one rule yields problems of that rule only, with the expected message."""
    path, patch = _broken_copy(patch_file, tmp_path)
    problems = lint_spec(path, DECISIONS)
    assert ([patch["rule"]], _lines(problems, path)) == (sorted({p.rule for p in problems}), _lines(problems, path))
    expected = patch.get("message", "")
    assert [expected] == [expected for p in problems if expected in p.message][:1]


def test_run_lint_exit_code_and_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """run_lint prints one line per problem plus a summary, and exits 1 only on errors."""
    path, _ = _broken_copy(FIXTURES / "broken" / "operation-tag.two-tags.yaml", tmp_path)
    clean = BASE / "fixture.yaml"
    assert (0, 1) == (run_lint([clean]), run_lint([path]))
    out = capsys.readouterr().out.splitlines()
    ptr = "fixture#/paths/~1v1~1models/get"
    message = "listModels must have exactly one tag (its client module), found 2"
    expected = f"{path.as_posix()}: error [operation-tag] {ptr}: {message}"
    assert [expected] == [line for line in out if "[operation-tag]" in line]
    assert ["lint-specs: 1 spec(s), 0 error(s), 0 warning(s)", "lint-specs: 1 spec(s), 1 error(s), 0 warning(s)"] == [
        line for line in out if line.startswith("lint-specs:")
    ]


def test_warnings_do_not_fail(tmp_path: Path) -> None:
    """A spec with only warnings (example file names) exits 0."""
    path, _ = _broken_copy(FIXTURES / "broken" / "example-name.wrong-prefix.yaml", tmp_path)
    assert (0, ["warning"]) == (run_lint([path]), [p.level for p in lint_spec(path, DECISIONS)])
