"""The incremental check of `make generate` sees every input a package depends on, from one specs directory."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator._paths import (
    CLIENT_CONFIG,
    LAYER_PACKAGE,
    REPO_ROOT,
    SPECS_DIR,
    discover_client_targets,
    provider_files,
)
from generator._render import CLIENT_CODE, GENERATOR_DIR, UNIFIED_CODE, Job, _layer_job, all_jobs

# (package, input whose content changes): the generator code and config each job renders with.
DIGEST_CASES = [
    ("rivya_client", GENERATOR_DIR / "_render.py"),
    ("rivya_client", GENERATOR_DIR / "_postprocess.py"),
    ("rivya_client", GENERATOR_DIR / "_paths.py"),
    ("rivya_client", CLIENT_CONFIG),
    (LAYER_PACKAGE, GENERATOR_DIR / "_render.py"),
    (LAYER_PACKAGE, GENERATOR_DIR / "_speclib.py"),
    (LAYER_PACKAGE, GENERATOR_DIR / "_paths.py"),
    (LAYER_PACKAGE, GENERATOR_DIR / "unified.py"),
    (LAYER_PACKAGE, GENERATOR_DIR / "_unified_values.py"),
    (LAYER_PACKAGE, CLIENT_CONFIG),
]


def _job(package: str) -> Job:
    client_jobs, dependent_jobs = all_jobs(SPECS_DIR)
    (job,) = [j for j in (*client_jobs, *dependent_jobs) if j.package == package]
    return job


@pytest.mark.parametrize(("package", "changed"), DIGEST_CASES, ids=[f"{pkg}-{path.name}" for pkg, path in DIGEST_CASES])
def test_a_changed_input_changes_the_digest(package: str, changed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing one of the job's inputs (seen through read_bytes) gives another input digest: no stale skip."""
    job = _job(package)
    before = job.input_sha256()
    read_bytes = Path.read_bytes

    def edited(path: Path) -> bytes:
        return read_bytes(path) + (b"\n# edited\n" if path == changed else b"")

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert before != job.input_sha256()


def _generator_modules(*modules: str) -> set[Path]:
    """The generator/ files a fresh interpreter loads for `import <modules>` (the code a render runs)."""
    code = (
        f"import sys, {', '.join(modules)}\n"
        "for m in list(sys.modules.values()):\n"
        "    f = getattr(m, '__file__', None)\n"
        "    if f and m.__name__.split('.')[0] == 'generator': print(f)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    return {Path(line).resolve() for line in done.stdout.splitlines()}


def test_client_code_inputs_cover_what_a_client_render_imports() -> None:
    """Every generator module loaded to render a client is an input of the client jobs."""
    assert set() == _generator_modules("generator._render") - set(CLIENT_CODE)


def test_unified_code_inputs_cover_what_the_unified_render_imports() -> None:
    """Every generator module loaded to render the layer (sora_providers) is an input of its job."""
    assert set() == _generator_modules("generator._render", "generator.unified") - set(UNIFIED_CODE)


def test_layer_job_reads_the_specs_dir_it_is_given(tmp_path: Path) -> None:
    """The layer job hashes and renders the same specs_dir: a provider absent there is absent from the output."""
    specs = tmp_path / "specs"
    shutil.copytree(SPECS_DIR, specs)
    dropped = provider_files(specs)[-1].stem
    (specs / f"{dropped}.yaml").unlink()
    (specs / "mappings" / f"{dropped}.yaml").unlink()
    # all_jobs(specs) builds this job the same way; its client jobs need specs inside the repository.
    job = _layer_job(discover_client_targets(specs), specs)
    assert job is not None
    out = tmp_path / "out"
    job.render(out)
    rendered = {p.name for p in out.glob("*.py")} - {"__init__.py"}
    expected = {f"{p.stem}{suffix}.py" for p in provider_files(specs) for suffix in ("", "_session")}
    assert (expected, []) == (rendered, [p for p in job.sources if specs not in p.parents])
