"""Render the client packages (openapi-python-client, our template overrides) and the normalizing layer.

Each package is rendered into a scratch directory, post-processed there, and only then moved into place,
so an interrupted or failed run never leaves a half-written package under generated/.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator._paths import (
    CLIENT_CONFIG,
    CLIENT_TEMPLATES_DIR,
    LAYER_PACKAGE,
    LAYER_TEMPLATES_DIR,
    MAPPINGS_DIR,
    REPO_ROOT,
    RUNTIME_DIR,
    SPECS_DIR,
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

GENERATOR_DIR = Path(__file__).resolve().parent
# The generator code a client package depends on: this module (it runs openapi-python-client), post-processing, paths.
CLIENT_CODE = tuple(GENERATOR_DIR / name for name in ("__init__.py", "_render.py", "_postprocess.py", "_paths.py"))
# ... and what sora_unified depends on besides: its renderer, the mapping checks and the spec loader they use.
_LAYER_MODULES = ("unified.py", "_unified_mapping.py", "_unified_values.py", "_unified_check.py", "_speclib.py")
# (the canonical vocabulary the mapping checks read lives in the runtime: sora_unified/_vocabulary.py)
UNIFIED_CODE = (*CLIENT_CODE, *(GENERATOR_DIR / name for name in _LAYER_MODULES), RUNTIME_DIR / "_vocabulary.py")


def post_hooks() -> list[list[str]]:
    """The `post_hooks` of openapi-python-client.yaml as argument lists: sora_unified is formatted like the clients."""
    # Imported here: openapi_python_client takes ~0.6 s to import, and a no-op `make generate` never needs it.
    from openapi_python_client.config import ConfigFile

    hooks = ConfigFile.load_from_path(CLIENT_CONFIG).post_hooks
    if not hooks:
        raise GenerationError(f"{CLIENT_CONFIG.name} has no post_hooks: the generated code would not be formatted")
    return [shlex.split(hook) for hook in hooks]


@dataclass(frozen=True)
class Job:
    """One package to render: its name, its inputs (for the incremental check) and how to render it."""

    package: str
    inputs: tuple[Path, ...]
    sources: tuple[Path, ...]
    sources_label: str | Callable[[str], str]
    render: Callable[[Path], None]

    def input_sha256(self) -> str:
        """The digest of every input and tool version: computed once per run (`_generate`), then passed on."""
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
    return Job(
        package=target.package,
        inputs=(target.spec, CLIENT_CONFIG, *templates, *CLIENT_CODE),
        sources=(target.spec,),
        sources_label=target.spec_rel,
        render=render,
    )


def _layer_label(rel: str) -> str:
    """The true source of one file of the rendered layer: its spec, its mapping and its template."""
    templates = "generator/templates/layer"
    if rel == "__init__.py":
        return f"specs/*.yaml and specs/mappings/*.yaml through {templates}/__init__.py.jinja"
    if rel.endswith("_session.py"):
        provider = rel.removesuffix("_session.py")
        return f"specs/{provider}.yaml and specs/mappings/{provider}.yaml through {templates}/session.py.jinja"
    provider = rel.removesuffix(".py")
    return f"specs/{provider}.yaml and specs/mappings/{provider}.yaml through {templates}/provider.py.jinja"


def _layer_job(targets: list[ClientTarget], specs_dir: Path) -> Job | None:
    """The rendered layer (`sora_providers`), if its templates and the mappings of `specs_dir` exist."""
    mappings_dir = specs_dir / MAPPINGS_DIR.name
    mappings = tuple(sorted(p for p in mappings_dir.glob("*") if p.is_file())) if mappings_dir.is_dir() else ()
    if not LAYER_TEMPLATES_DIR.is_dir() or not mappings:
        return None

    def render(out: Path) -> None:
        from generator.unified import render_specs

        out.mkdir(parents=True)
        render_specs(specs_dir, out)
        for args in post_hooks():
            _run(args, cwd=out)

    templates = tuple(p for p in LAYER_TEMPLATES_DIR.rglob("*") if p.is_file())
    specs = tuple(t.spec for t in targets)
    return Job(
        package=LAYER_PACKAGE,
        inputs=(*specs, *mappings, *templates, CLIENT_CONFIG, *UNIFIED_CODE),
        sources=(*specs, *(m for m in mappings if m.suffix == ".yaml")),
        sources_label=_layer_label,
        render=render,
    )


def all_jobs(specs_dir: Path = SPECS_DIR) -> tuple[list[Job], list[Job]]:
    """The client jobs (independent of each other) and the jobs that need the clients first."""
    targets = discover_client_targets(specs_dir)
    unified = _layer_job(targets, specs_dir)
    return [_client_job(t) for t in targets], ([unified] if unified else [])


def render_job(job: Job, dest_parent: Path, scratch: Path, input_sha256: str | None = None) -> Path:
    """Render one package into scratch, finish it, then move it to dest_parent/<package>.

    `input_sha256` is the job's digest when the caller already has it (taken before rendering).
    """
    digest = input_sha256 if input_sha256 is not None else job.input_sha256()
    work = scratch / job.package
    job.render(work)
    sources = {p.relative_to(REPO_ROOT).as_posix(): sha256_bytes(p.read_bytes()) for p in job.sources}
    finish_package(work, sources=sources, input_sha256=digest, sources_label=job.sources_label)
    dest = dest_parent / job.package
    if dest.exists():
        shutil.rmtree(dest)
    dest_parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(work), str(dest))
    return dest


def render_many(
    jobs: list[Job], dest_parent: Path, scratch: Path, digests: Mapping[str, str] | None = None
) -> list[Path]:
    """Render independent jobs concurrently (each is mostly a subprocess); errors are collected, not lost.

    `digests` maps a package to its input digest when the caller already computed it.
    """
    if not jobs:
        return []
    known = digests or {}
    workers = min(len(jobs), max(2, os.cpu_count() or 2))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(render_job, job, dest_parent, scratch, known.get(job.package)) for job in jobs]
    errors = [f.exception() for f in futures if f.exception() is not None]
    if errors:
        raise GenerationError("\n\n".join(str(e) for e in errors))
    return [f.result() for f in futures]
