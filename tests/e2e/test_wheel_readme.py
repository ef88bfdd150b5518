"""A new user's project: the built wheel installed with its `[sandbox]` extra, the README's test file run there.

The wheel is built with the repo's pinned uv, installed into a fresh `python -m venv` outside the repository
(dependencies from the lock file, `uv export --format pylock.toml`, installed `--offline` from the uv cache
`make venv` filled: no network), and the README's "Testing your own code" example is run by pytest in a
temporary project that has no conftest and no `pytest_plugins` line, so its fixtures can only come from the
plugin's `pytest11` entry point. Then the extra's server dependencies are removed and an unrelated test file
must still pass: the auto-loaded plugin never breaks a pytest run. About 10 s, most of it creating the venv.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator._paths import REPO_ROOT
from tests.cli._readme import blocks

UV = REPO_ROOT / ".bootstrap" / "bin" / "uv"
SECTION = "## Testing your own code"
UNRELATED = '''"""A test that does not use the sandbox."""


def test_arithmetic() -> None:
    """Addition works."""
    assert 4 == 2 + 2
'''


def readme_test_file() -> str:
    """The `python readme-run` block of the README's "Testing your own code" section."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    (block,) = [b for b in blocks(text[start:end]) if b.info.split()[:1] == ["python"]]
    return "\n".join(line for _, line in block.lines) + "\n"


def run(argv: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    """Run a command; its output, or a test failure that shows the end of it."""
    result = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"{argv[:3]} exited {result.returncode}:\n{(result.stdout + result.stderr)[-3000:]}")
    return result.stdout


@pytest.mark.timeout(300)
def test_readme_example_runs_from_the_installed_wheel(tmp_path: Path) -> None:
    """The README's test file passes in a fresh project where only the wheel (+ [sandbox], pytest) is installed."""
    if not UV.is_file():
        pytest.skip(f"{UV} is missing: run `make venv` first")
    env = {"PATH": os.defpath, "HOME": str(tmp_path), "UV_PYTHON_DOWNLOADS": "never", "UV_NO_CONFIG": "1"}
    env["UV_CACHE_DIR"] = os.environ.get("UV_CACHE_DIR", str(Path.home() / ".cache" / "uv"))
    dist, project, venv = tmp_path / "dist", tmp_path / "project", tmp_path / "venv"
    run([UV, "build", "--wheel", "--offline", "-q", "-o", dist, REPO_ROOT], tmp_path, env)
    (wheel,) = dist.glob("*.whl")
    lock = tmp_path / "pylock.toml"
    export = ["export", "--frozen", "--format", "pylock.toml", "--extra", "sandbox", "--no-emit-project", "-q"]
    run([UV, *export, "--project", REPO_ROOT, "--no-default-groups", "--group", "dev", "-o", lock], tmp_path, env)
    run([sys.executable, "-m", "venv", venv], tmp_path, env)
    python = venv / "bin" / "python"
    run([UV, "pip", "install", "--offline", "-q", "--python", python, "-r", lock], tmp_path, env)
    run([UV, "pip", "install", "--offline", "-q", "--no-deps", "--python", python, wheel], tmp_path, env)
    project.mkdir()
    (project / "test_make_video.py").write_text(readme_test_file(), encoding="utf-8")
    where = run([python, "-c", "import sora_sandbox, sora_unified; print(sora_sandbox.__file__)"], project, env)
    assert Path(where.strip()).is_relative_to(venv)  # the wheel's copy, not this checkout
    pytest_argv: list[str | Path] = [python, "-m", "pytest", "-q", "-W", "error", "-p", "no:cacheprovider"]
    out = run([*pytest_argv, "test_make_video.py"], project, env)
    assert re.fullmatch(r"\d+ passed in [\d.]+s", out.splitlines()[-1]), out  # passed, and nothing else

    # Without the [sandbox] extra the plugin still loads (it imports the server only when a fixture runs), so an
    # unrelated test suite in the same environment is not broken by it.
    run([UV, "pip", "uninstall", "-q", "--python", python, "starlette", "uvicorn", "openapi-core"], tmp_path, env)
    (project / "test_unrelated.py").write_text(UNRELATED, encoding="utf-8")
    out = run([*pytest_argv, "test_unrelated.py"], project, env)
    assert "1 passed" in out.splitlines()[-1], out
