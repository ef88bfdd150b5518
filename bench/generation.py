"""Benchmark 5: `make generate` from clean, forced and as a no-op, against bare openapi-python-client.

Runs in a scratch copy of `generator/` and `specs/` so the shared working tree's `generated/` is never
touched: `python -m generator generate` (what `make generate` runs) resolves its paths from the copy.
"Bare" is `openapi-python-client generate --meta none` on the same three specs, with its defaults (its
own ruff post-hooks, no config, no custom templates), one spec after another, into a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._report import Section
from generator._paths import REPO_ROOT, SPECS_DIR, VENV_BIN


def _env() -> dict[str, str]:
    # openapi-python-client's post-hooks look ruff up on PATH, as `make` arranges.
    return dict(os.environ, PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}")


def timed(command: list[str], cwd: Path) -> float:
    """Seconds one command takes; fails loudly with its output."""
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return elapsed


def workspace(root: Path) -> Path:
    """A copy of the generator, the runtime (its sync twins are derived), the specs and pyproject.toml; its path."""
    ws = root / "repo"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO_ROOT / "generator", ws / "generator", ignore=ignore)
    shutil.copytree(REPO_ROOT / "sora_unified", ws / "sora_unified", ignore=ignore)
    shutil.copy2(REPO_ROOT / "pyproject.toml", ws / "pyproject.toml")
    shutil.copytree(SPECS_DIR, ws / SPECS_DIR.relative_to(REPO_ROOT), ignore=ignore)
    return ws


def bare(specs: list[Path], out: Path) -> float:
    """Seconds for bare openapi-python-client on every spec, one after another."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    cli = str(VENV_BIN / "openapi-python-client")
    return sum(
        timed([cli, "generate", "--path", str(spec), "--meta", "none", "--output-path", str(out / spec.stem)], out)
        for spec in specs
    )


def run(*, rounds: int = 3) -> Section:
    """The generation section: clean, forced and no-op `make generate`, and bare openapi-python-client."""
    section = Section("generation", "make generate vs bare openapi-python-client (same three specs)")
    generate = [sys.executable, "-m", "generator", "generate"]
    clean: list[float] = []
    forced: list[float] = []
    noop: list[float] = []
    plain: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as scratch:
        ws = workspace(Path(scratch))
        specs = sorted((ws / "specs").glob("*.yaml"))
        for _ in range(rounds):
            shutil.rmtree(ws / "generated", ignore_errors=True)
            clean.append(timed(generate, ws))
            noop.append(timed(generate, ws))
            forced.append(timed([*generate, "--force"], ws))
            plain.append(bare(specs, Path(scratch) / "bare"))
        packages = sorted(p.name for p in (ws / "generated").iterdir() if p.is_dir())
    section.figure("make generate, from clean", "s", clean)
    section.figure("make generate --force", "s", forced)
    section.figure("make generate, no-op", "s", noop)
    section.figure("bare openapi-python-client x3", "s", plain)
    section.figure("clean / bare", "ratio", [c / b for c, b in zip(clean, plain, strict=True)])
    section.notes.append(
        f"{rounds} rounds in a scratch copy; `make generate` renders {', '.join(packages)} "
        f"(bare renders only the {len(specs)} clients)."
    )
    return section
