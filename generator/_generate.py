"""`make generate` (incremental) and `make drift` (regenerate from scratch and compare).

Incremental: a package whose recorded input digest (spec, templates, config, generator code, tool versions)
matches and whose files still match their recorded hashes is not re-rendered.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator._paths import GENERATED_DIR, RUNTIME_DIR, SPECS_DIR
from generator._postprocess import PackageChange, compare_trees, file_hashes, read_manifest
from generator._render import Job, all_jobs, render_many


def _is_current(input_sha256: str, pkg_dir: Path) -> bool:
    manifest = read_manifest(pkg_dir)
    if manifest is None or manifest.get("input_sha256") != input_sha256:
        return False
    return manifest.get("files") == file_hashes(pkg_dir)


def generate(out_dir: Path = GENERATED_DIR, *, force: bool = False, specs_dir: Path = SPECS_DIR) -> list[PackageChange]:
    """Bring out_dir up to date with the specs; return what changed per package."""
    client_jobs, dependent_jobs = all_jobs(specs_dir)
    changes: list[PackageChange] = []
    with tempfile.TemporaryDirectory(prefix="generate-") as scratch_name:
        scratch = Path(scratch_name)
        for batch in (client_jobs, dependent_jobs):
            # Each digest is taken once, before rendering: it decides the skip and goes into the manifest.
            digests = {job.package: job.input_sha256() for job in batch}
            todo: list[Job] = []
            for job in batch:
                if not force and _is_current(digests[job.package], out_dir / job.package):
                    changes.append(PackageChange(package=job.package, skipped=True))
                else:
                    todo.append(job)
            before = {j.package: file_hashes(out_dir / j.package) for j in todo if (out_dir / j.package).is_dir()}
            render_many(todo, out_dir, scratch, digests)
            changes.extend(
                compare_trees(job.package, before.get(job.package, {}), file_hashes(out_dir / job.package))
                for job in todo
            )
    known = {job.package for job in (*client_jobs, *dependent_jobs)}
    if out_dir.is_dir():
        for stale in sorted(p for p in out_dir.iterdir() if p.is_dir() and p.name not in known):
            # A package whose spec was deleted: remove it, it is machine-owned.
            if read_manifest(stale) is not None:
                old = file_hashes(stale)
                shutil.rmtree(stale)
                changes.append(compare_trees(stale.name, old, {}))
    return sorted(changes, key=lambda c: c.package)


@dataclass
class Drift:
    """Differences between generated/ and a fresh regeneration."""

    changes: list[PackageChange]
    unexpected: list[str]
    # sync twins of the runtime (sora_unified/*) that differ from their derivation from the async source
    twins: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.unexpected and not self.twins and not any(c.changed for c in self.changes)

    def report(self) -> str:
        lines = [c.summary() for c in self.changes if c.changed]
        for c in self.changes:
            lines += [f"  ~ {c.package}/{p}" for p in c.modified]
            lines += [f"  + {c.package}/{p} (missing from generated/)" for p in c.added]
            lines += [f"  - {c.package}/{p} (not produced by the generator)" for p in c.removed]
        lines += [f"  ? generated/{name} (no spec produces it)" for name in self.unexpected]
        lines += [f"  ~ {path} (differs from its derivation from the async source)" for path in self.twins]
        return "\n".join(lines)


def check_drift(out_dir: Path = GENERATED_DIR, runtime_dir: Path = RUNTIME_DIR) -> Drift:
    """Regenerate everything into a scratch dir and compare it byte for byte with out_dir (and the sync twins)."""
    from generator import _unasync

    with tempfile.TemporaryDirectory(prefix="drift-") as fresh_name:
        fresh = Path(fresh_name) / "generated"
        generate(fresh, force=True)
        produced = sorted(p.name for p in fresh.iterdir() if p.is_dir())
        changes = [
            compare_trees(name, _hashes_or_empty(out_dir / name), file_hashes(fresh / name)) for name in produced
        ]
    unexpected = sorted(
        p.relative_to(out_dir).as_posix()
        for p in (out_dir.iterdir() if out_dir.is_dir() else [])
        if p.name not in produced and p.name != "__pycache__" and p.name != ".gitkeep"
    )
    return Drift(changes=changes, unexpected=unexpected, twins=_unasync.drift(runtime_dir))


def _hashes_or_empty(pkg_dir: Path) -> dict[str, str]:
    return file_hashes(pkg_dir) if pkg_dir.is_dir() else {}
