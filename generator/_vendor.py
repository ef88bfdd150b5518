"""`make vendor DEST=path`: copy the runtime and the generated packages into another project, under its prefix.

By default everything a user needs to run the layer is vendored: the hand-written runtime `sora_unified`, the
rendered `sora_providers` and every `<provider>_client`. A subset is possible (`--package`); the packages it
imports come along (`sora_unified` brings `sora_providers`, which brings the clients; a client needs nothing).
Dependencies are read from the imports themselves, never listed here.

Imports among the vendored packages are made relative at vendor time (`generator._relimport`), so the copies work
under the user's package prefix (`from myapp.vendor.sora_unified import VideoClient`) and need only `httpx` and
`attrs` installed. DEST therefore has to be a package: the tool writes an `__init__.py` into it if it has none.

Each vendored package carries a `MANIFEST.json`: the generated ones keep theirs (sources, tools), the runtime,
which has none in the repo, gets one with the sha256 of every runtime file taken at vendor time. In both, `files`
are the hashes of the files as vendored (rewritten), so `verify` can check a vendored tree, and `vendor` records
under `vendor` what it did (relative imports, how many rewritten, the hashes of the files before the rewrite).
"""

from __future__ import annotations

import ast
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator import _unasync
from generator._paths import GENERATED_DIR, MANIFEST_NAME, RUNTIME_DIR
from generator._postprocess import file_hashes, hash_inputs, read_manifest, sha256_bytes
from generator._relimport import RelativizeError, relativize

DEST_INIT = '"""Packages vendored by `make vendor` (sora-unified); do not edit, re-vendor instead."""\n'


class VendorError(RuntimeError):
    """The packages cannot be vendored as asked."""


@dataclass(frozen=True)
class Vendored:
    """One package copied into DEST."""

    path: Path
    imports_rewritten: int


def vendor(
    dest: Path, packages: list[str] | None = None, source: Path = GENERATED_DIR, runtime: Path | None = None
) -> list[Vendored]:
    """Copy packages (default: all) and what they import into dest, replacing earlier vendored copies.

    `runtime` is the hand-written runtime package to offer next to the generated ones; by default the repo's own
    when `source` is the repo's `generated/`. A foreign directory of a package's name in dest is never replaced.
    """
    if runtime is None and source.resolve() == GENERATED_DIR.resolve():
        runtime = RUNTIME_DIR
    available = _available(source, runtime)
    unknown = sorted(set(packages or []) - set(available))
    if unknown:
        raise VendorError(f"unknown package(s) {unknown}; available: {sorted(available)}")
    dest = dest.resolve()
    for root in [source, *([runtime] if runtime else [])]:
        if dest.is_relative_to(root.resolve()):
            raise VendorError(f"DEST must be outside {root}")
    chosen = resolve_dependencies(packages or sorted(available), available)
    for name in chosen:
        target = dest / name
        if target.exists() and read_manifest(target) is None:
            raise VendorError(f"{target} exists and was not vendored by this tool (no {MANIFEST_NAME}); refusing")
    if runtime == RUNTIME_DIR and runtime.name in chosen and (stale := _unasync.drift(runtime)):
        raise VendorError(f"the runtime's sync twins are out of date ({', '.join(stale)}): run `make generate` first")
    vendored = frozenset(chosen)
    staged = {name: _stage(name, available[name], vendored, is_runtime=available[name] == runtime) for name in chosen}
    dest.mkdir(parents=True, exist_ok=True)
    if not (dest / "__init__.py").exists():
        (dest / "__init__.py").write_text(DEST_INIT, encoding="utf-8")
    return [_write(dest / name, files, count) for name, (files, count) in staged.items()]


def verify(pkg_dir: Path) -> list[str]:
    """The files of a vendored package that differ from its manifest, are missing or were added (relative paths)."""
    manifest = read_manifest(pkg_dir)
    recorded = manifest.get("files") if manifest else None
    if not isinstance(recorded, dict):
        return [MANIFEST_NAME]
    actual = file_hashes(pkg_dir)
    return sorted(p for p in set(recorded) | set(actual) if recorded.get(p) != actual.get(p))


def check(dest: Path) -> dict[str, list[str]]:
    """Every package vendored in dest, with the files that differ from its manifest (empty: intact)."""
    if not dest.is_dir():
        return {}
    vendored = [p for p in sorted(dest.iterdir()) if isinstance((read_manifest(p) or {}).get("vendor"), dict)]
    return {p.name: verify(p) for p in vendored}


def _available(source: Path, runtime: Path | None) -> dict[str, Path]:
    """Every package that can be vendored: the generated ones (they have a manifest) and the runtime."""
    found = {p.name: p for p in source.iterdir() if (p / MANIFEST_NAME).is_file()}
    if runtime is not None:
        found[runtime.name] = runtime
    return dict(sorted(found.items()))


def imported_packages(pkg_dir: Path, candidates: set[str]) -> set[str]:
    """Which of `candidates` the package's modules import absolutely (anywhere: functions, TYPE_CHECKING)."""
    found: set[str] = set()
    for py in sorted(pkg_dir.rglob("*.py")):
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"), filename=str(py))):
            if isinstance(node, ast.Import):
                found.update(alias.name.partition(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.partition(".")[0])
    return (found & candidates) - {pkg_dir.name}


def resolve_dependencies(chosen: list[str], available: dict[str, Path]) -> list[str]:
    """`chosen` and every available package they import, directly or not, sorted."""
    wanted, todo = set(chosen), list(chosen)
    while todo:
        for dep in imported_packages(available[todo.pop()], set(available)) - wanted:
            wanted.add(dep)
            todo.append(dep)
    return sorted(wanted)


def _stage(name: str, pkg_dir: Path, vendored: frozenset[str], *, is_runtime: bool) -> tuple[dict[str, bytes], int]:
    """Every file of the package as it will be vendored, with its manifest; and how many imports were rewritten."""
    original = file_hashes(pkg_dir)
    if is_runtime:
        manifest: dict[str, object] = _runtime_manifest(pkg_dir, original)
    else:
        manifest = read_manifest(pkg_dir) or {}
        if manifest.get("files") != original:
            raise VendorError(f"generated/{name} does not match its manifest: run `make generate` first")
    files: dict[str, bytes] = {}
    rewritten = 0
    for rel in original:
        data = (pkg_dir / rel).read_bytes()
        if rel.endswith(".py"):
            package = (name, *Path(rel).parent.parts)
            try:
                result = relativize(data.decode("utf-8"), package, vendored, filename=f"{name}/{rel}")
            except RelativizeError as exc:
                raise VendorError(str(exc)) from exc
            data = result.text.encode("utf-8")
            rewritten += result.imports_rewritten
        files[rel] = data
    manifest["files"] = {rel: sha256_bytes(data) for rel, data in files.items()}
    manifest["vendor"] = {"imports": "relative", "imports_rewritten": rewritten, "source_files": original}
    files[MANIFEST_NAME] = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")
    return files, rewritten


def _runtime_manifest(pkg_dir: Path, original: dict[str, str]) -> dict[str, object]:
    """The runtime has no manifest in the repo: its identity is the sha256 of its files, taken now."""
    return {
        "package": pkg_dir.name,
        "sources": {f"{pkg_dir.name}/{rel}": digest for rel, digest in original.items()},
        "input_sha256": hash_inputs((pkg_dir / rel for rel in original), pkg_dir.parent, {}),
    }


def _write(target: Path, files: dict[str, bytes], rewritten: int) -> Vendored:
    if target.exists():
        shutil.rmtree(target)
    for rel, data in files.items():
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_bytes(data)
    return Vendored(target, rewritten)
