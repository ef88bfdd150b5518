"""Render the client packages (openapi-python-client, our template overrides) and the normalizing layer.

Each package is rendered into a scratch directory, post-processed there, and only then moved into place,
so an interrupted or failed run never leaves a half-written package under generated/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator._paths import (
    CLIENT_CONFIG,
    CLIENT_TEMPLATES_DIR,
    MAPPINGS_DIR,
    REPO_ROOT,
    SPECS_DIR,
    UNIFIED_PACKAGE,
    UNIFIED_TEMPLATES_DIR,
    VENV_BIN,
    ClientTarget,
    discover_client_targets,
)
from generator._postprocess import (
    GenerationError,
    finish_package,
    hash_inputs,
    sha256_bytes,
    tool_versions,
)

RUFF_HOOKS = (
    ["check", "--isolated", "--target-version", "py311", "--select", "F,I,UP", "--fix-only", "--quiet", "."],
    ["format", "--isolated", "--line-length", "120", "--quiet", "."],
)


@dataclass(frozen=True)
class Job:
    """One package to render: its name, its inputs (for the incremental check) and how to render it."""

    package: str
    inputs: tuple[Path, ...]
    sources: tuple[Path, ...]
    sources_label: str
    render: Callable[[Path], None]

    def input_sha256(self) -> str:
        return hash_inputs(self.inputs, REPO_ROOT, tool_versions())


def _tool_env() -> dict[str, str]:
    # openapi-python-client's hooks find ruff with shutil.which: the locked one must come first.
    env = dict(os.environ)
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def _run(cmd: list[str], cwd: Path) -> None:
    proc = subprocess.run(cmd, cwd=cwd, env=_tool_env(), capture_output=True, text=True, check=False)
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        raise GenerationError(f"{' '.join(cmd[:2])} failed (exit {proc.returncode}):\n{output}")


def _client_job(target: ClientTarget) -> Job:
    def render(out: Path) -> None:
        _run(
            [
                str(VENV_BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(target.spec),
                "--meta",
                "none",
                "--output-path",
                str(out),
                "--config",
                str(CLIENT_CONFIG),
                "--custom-template-path",
                str(CLIENT_TEMPLATES_DIR),
                "--fail-on-warning",
            ],
            cwd=REPO_ROOT,
        )

    templates = tuple(p for p in CLIENT_TEMPLATES_DIR.rglob("*") if p.is_file())
    code = (Path(__file__), Path(__file__).with_name("_postprocess.py"))
    return Job(
        package=target.package,
        inputs=(target.spec, CLIENT_CONFIG, *templates, *code),
        sources=(target.spec,),
        sources_label=target.spec_rel,
        render=render,
    )


def _unified_job(targets: list[ClientTarget], mappings_dir: Path) -> Job | None:
    """The normalizing layer, if its templates and mappings exist."""
    mappings = tuple(sorted(p for p in mappings_dir.glob("*") if p.is_file())) if mappings_dir.is_dir() else ()
    if not UNIFIED_TEMPLATES_DIR.is_dir() or not mappings:
        return None

    def render(out: Path) -> None:
        from generator.unified import render_unified

        out.mkdir(parents=True)
        render_unified(REPO_ROOT, out)
        for args in RUFF_HOOKS:
            _run([str(VENV_BIN / "ruff"), *args], cwd=out)

    templates = tuple(p for p in UNIFIED_TEMPLATES_DIR.rglob("*") if p.is_file())
    code = tuple(sorted(Path(__file__).parent.glob("unified*.py"))) + tuple(
        sorted(Path(__file__).parent.glob("_unified*.py"))
    )
    specs = tuple(t.spec for t in targets)
    return Job(
        package=UNIFIED_PACKAGE,
        inputs=(*specs, *mappings, *templates, *code, Path(__file__).with_name("_postprocess.py")),
        sources=(*specs, *(m for m in mappings if m.suffix == ".yaml")),
        sources_label="specs/*.yaml and specs/mappings/",
        render=render,
    )


def all_jobs(specs_dir: Path = SPECS_DIR) -> tuple[list[Job], list[Job]]:
    """The client jobs (independent of each other) and the jobs that need the clients first."""
    targets = discover_client_targets(specs_dir)
    unified = _unified_job(targets, specs_dir / MAPPINGS_DIR.name)
    return [_client_job(t) for t in targets], ([unified] if unified else [])


def render_job(job: Job, dest_parent: Path, scratch: Path) -> Path:
    """Render one package into scratch, finish it, then move it to dest_parent/<package>."""
    work = scratch / job.package
    job.render(work)
    sources = {p.relative_to(REPO_ROOT).as_posix(): sha256_bytes(p.read_bytes()) for p in job.sources}
    finish_package(work, sources=sources, input_sha256=job.input_sha256(), sources_label=job.sources_label)
    dest = dest_parent / job.package
    if dest.exists():
        shutil.rmtree(dest)
    dest_parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(work), str(dest))
    return dest


def render_many(jobs: list[Job], dest_parent: Path, scratch: Path) -> list[Path]:
    """Render independent jobs concurrently (each is mostly a subprocess); errors are collected, not lost."""
    if not jobs:
        return []
    workers = min(len(jobs), max(2, os.cpu_count() or 2))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(render_job, job, dest_parent, scratch) for job in jobs]
    errors = [f.exception() for f in futures if f.exception() is not None]
    if errors:
        raise GenerationError("\n\n".join(str(e) for e in errors))
    return [f.result() for f in futures]
