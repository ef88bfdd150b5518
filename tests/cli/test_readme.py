"""README checks: every runnable example of README.md works against the sandbox (see tests/cli/_readme.py).

The checker is tested on tests/cli/fixtures/README.sample.md (what it finds, that it passes) and on
broken snippets (that each failure names the README line).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator._paths import REPO_ROOT
from sora_sandbox import SandboxConfig, SandboxHandle
from sora_unified import VideoClient

from . import _readme
from .conftest import provider_env

README = REPO_ROOT / "README.md"
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "README.sample.md"


def _checks(path: Path) -> list[_readme.Check]:
    return _readme.checks(path.read_text(encoding="utf-8")) if path.is_file() else []


def _params(path: Path) -> list[object]:
    return [pytest.param(check, id=check.id(path.name)) for check in _checks(path)]


@pytest.fixture(scope="module")
def targets() -> set[str]:
    """The targets `make help` lists."""
    return _readme.make_targets(REPO_ROOT)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One working directory per README, so a later command can use a file an earlier one wrote."""
    return tmp_path_factory.mktemp("readme")


def _context(name: str, sandbox: SandboxHandle, config: SandboxConfig, cwd: Path) -> _readme.Context:
    names = {n for info in VideoClient.providers() for n in (info.api_key_env, info.base_url_env)}
    env = {k: v for k, v in os.environ.items() if k not in names}
    env.update(provider_env(sandbox, config.time_scale))
    env["SORA_PROVIDER"] = VideoClient.providers()[0].id
    return _readme.Context(name=name, repo=REPO_ROOT, cwd=cwd, env=env)


def test_readme_exists_and_has_checks() -> None:
    """README.md has runnable python blocks, sora-video lines and make lines (the checker has work to do)."""
    kinds = {check.kind for check in _checks(README)}
    assert {"python", "sora-video", "make"} == kinds


@pytest.mark.parametrize("check", _params(README))
def test_readme(
    check: _readme.Check, sandbox: SandboxHandle, sandbox_config: SandboxConfig, workdir: Path, targets: set[str]
) -> None:
    """One README example runs against the sandbox (python, sora-video) or names a real target (make)."""
    assert "" == _readme.run_check(check, _context(README.name, sandbox, sandbox_config, workdir), targets)


def test_sample_checks_found() -> None:
    """The checker finds exactly the readme-run block, the console commands and every make line of the sample."""
    found = [(check.kind, check.line) for check in _checks(SAMPLE)]
    expected = [
        ("python", 10),
        ("make", 20),
        ("make", 21),
        ("sora-video", 22),
        ("sora-video", 23),
        ("sora-video", 25),
        ("make", 33),
    ]
    assert expected == found


def test_sample_continuation_lines_are_joined() -> None:
    """A command continued with a backslash is run as one command."""
    command = next(c.source for c in _checks(SAMPLE) if c.line == 23)
    assert 'sora-video submit -p rivya --prompt "a paper boat" --seconds 10 --json > task.json' == command


@pytest.mark.parametrize("check", _params(SAMPLE))
def test_sample(
    check: _readme.Check, sandbox: SandboxHandle, sandbox_config: SandboxConfig, workdir: Path, targets: set[str]
) -> None:
    """Every check of the sample README passes against the sandbox."""
    assert "" == _readme.run_check(check, _context(SAMPLE.name, sandbox, sandbox_config, workdir), targets)


@pytest.mark.parametrize(
    ("snippet", "expected_start"),
    [
        pytest.param("```console\n$ make no-such-target\n```\n", "BROKEN.md line 2: `make no-such-target`", id="make"),
        pytest.param(
            "\n```console\n$ sora-video status task_missing -p rivya\n```\n",
            "BROKEN.md line 3: `sora-video status task_missing -p rivya` exited 4",
            id="sora-video",
        ),
        pytest.param(
            "```python readme-run\nimport sys\n\nsys.exit(3)\n```\n",
            "BROKEN.md line 2: the python block exited 3",
            id="python",
        ),
    ],
)
def test_failures_name_the_readme_line(
    snippet: str,
    expected_start: str,
    sandbox: SandboxHandle,
    sandbox_config: SandboxConfig,
    tmp_path: Path,
    targets: set[str],
) -> None:
    """A broken make line, a failing command and a failing block are each reported with their line number."""
    (check,) = _readme.checks(snippet)
    failure = _readme.run_check(check, _context("BROKEN.md", sandbox, sandbox_config, tmp_path), targets)
    assert expected_start == failure[: len(expected_start)]
