"""A user's app vendors the layer under its own prefix, runs it with only httpx and attrs, and type-checks it.

One temp project, as a user lays it out: `app/__init__.py`, `make vendor DEST=app/vendor`, a script
`app/main.py` importing `app.vendor.sora_unified`, and a top-level `sora_unified.py` of the user's own that must
not shadow the vendored package. A fresh venv gets httpx and attrs at the versions in uv.lock (from uv's cache
when it has them, else the index; skipped when neither is reachable). No request leaves the process: the script
talks to an `httpx.MockTransport` serving the documented Rivya examples.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from generator._paths import REPO_ROOT
from generator._vendor import vendor

UV = REPO_ROOT / ".bootstrap" / "bin" / "uv"
EXAMPLES = REPO_ROOT / "specs" / "examples" / "rivya"
RUNTIME_DEPENDENCIES = ("httpx", "attrs")

SCRIPT = '''\
"""Submit a video and read it back through the vendored layer, against a mock transport."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import assert_type

import httpx

from app.vendor.sora_unified import TaskStatus, VideoClient, VideoRequest, VideoTask

PAYLOADS = json.loads((Path(__file__).parent / "payloads.json").read_text(encoding="utf-8"))


def handler(request: httpx.Request) -> httpx.Response:
    """The provider: a queued task on submit, the finished one on every status call."""
    return httpx.Response(200, json=PAYLOADS["queued" if request.method == "POST" else "done"])


def main() -> None:
    """Submit, then get; print what a test can compare."""
    client = VideoClient("rivya", api_key="sk_test_0123", base_url="https://rivya.test",
                         transport=httpx.MockTransport(handler))
    submitted = client.submit(VideoRequest(prompt="a lighthouse at dusk"))
    fetched = client.get(submitted)
    assert_type(fetched, VideoTask)
    assert_type(fetched.status, TaskStatus)
    loaded = sorted(name for name in sys.modules if name.partition(".")[0] in {"sora_unified", "sora_providers"})
    print(json.dumps({"statuses": [submitted.status.value, fetched.status.value], "module": type(client).__module__,
                      "top_level_modules": loaded}))


if __name__ == "__main__":
    main()
'''


def locked_version(name: str) -> str:
    """The version of a package pinned in uv.lock."""
    lock = tomllib.loads((REPO_ROOT / "uv.lock").read_text(encoding="utf-8"))
    return next(str(p["version"]) for p in lock["package"] if p["name"] == name)


def fresh_venv(path: Path) -> Path:
    """A venv with only httpx and attrs (and their own dependencies); its python, or skip when installs fail."""
    if not UV.is_file():
        pytest.skip(f"{UV} missing: run `make venv`")
    env = os.environ | {"UV_PYTHON_DOWNLOADS": "never"}
    subprocess.run([UV, "venv", "--quiet", "--python", sys.executable, path], check=True, env=env)
    python = path / "bin" / "python"
    pins = [f"{name}=={locked_version(name)}" for name in RUNTIME_DEPENDENCIES]
    install: list[str | Path] = [UV, "pip", "install", "--quiet", "--python", python, *pins]
    errors = []
    for extra in (["--offline"], []):  # the cache first: no network when the locked wheels are already there
        proc = subprocess.run([*install, *extra], capture_output=True, text=True, env=env, check=False)
        if proc.returncode == 0:
            return python
        errors.append(proc.stderr.strip())
    pytest.skip(f"cannot install {pins} into a fresh venv (offline, no cached wheels?): {errors[-1][-300:]}")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The user's project: the app package, the vendored layer in app/vendor, the script and its payloads."""
    root = tmp_path_factory.mktemp("myapp")
    (root / "app").mkdir()
    (root / "app" / "__init__.py").write_text('"""The user\'s app."""\n')
    vendor(root / "app" / "vendor")
    (root / "app" / "main.py").write_text(SCRIPT)
    payloads = {
        "queued": json.loads((EXAMPLES / "createGeneration.response-2XX.sora-2-pro-queued.json").read_text()),
        "done": json.loads((EXAMPLES / "getGeneration.response-200.succeeded.json").read_text()),
    }
    (root / "app" / "payloads.json").write_text(json.dumps(payloads))
    (root / "sora_unified.py").write_text('raise ImportError("the user\'s own sora_unified.py was imported")\n')
    return root


@pytest.fixture(scope="module")
def python(project: Path) -> Path:
    """The interpreter of the app's fresh venv."""
    return fresh_venv(project / ".venv")


def test_the_app_runs_the_vendored_layer_under_its_prefix(project: Path, python: Path) -> None:
    """Submit and get work from `app.vendor.sora_unified`, with the user's `sora_unified.py` first on sys.path."""
    proc = subprocess.run(
        [python, "-E", "-s", "-m", "app.main"], cwd=project, capture_output=True, text=True, check=False, timeout=60
    )
    assert (0, "") == (proc.returncode, proc.stderr)
    expected = {"statuses": ["queued", "succeeded"], "module": "app.vendor.sora_unified._sync_client"}
    assert expected | {"top_level_modules": []} == json.loads(proc.stdout)


def test_the_venv_holds_only_the_runtime_dependencies(python: Path) -> None:
    """The app's venv has httpx and attrs but none of the repo's packages or tools."""
    names = ("httpx", "attrs", "sora_unified", "sora_providers", "typer", "mypy")
    probe = f"import importlib.util as u; print([m for m in {names!r} if u.find_spec(m)])"
    proc = subprocess.run([python, "-E", "-s", "-c", probe], capture_output=True, text=True, check=True, cwd="/")
    assert "['httpx', 'attrs']\n" == proc.stdout


def test_mypy_strict_passes_on_the_app_and_its_vendored_layer(project: Path, python: Path) -> None:
    """`mypy --strict app`, seeing only the venv's packages, checks the script and every vendored module cleanly."""
    modules = len(list((project / "app").rglob("*.py")))
    command: list[str | Path] = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--python-executable",
        python,
        "--cache-dir",
        project / ".mypy_cache",
        "app",
    ]
    proc = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False, timeout=120)
    assert (0, f"Success: no issues found in {modules} source files\n") == (proc.returncode, proc.stdout)
