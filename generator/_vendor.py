"""`make vendor DEST=path`: copy the generated packages, with their manifests, into another project."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator._paths import GENERATED_DIR, MANIFEST_NAME
from generator._postprocess import file_hashes, read_manifest


class VendorError(RuntimeError):
    """The packages cannot be vendored as asked."""


def vendor(dest: Path, packages: list[str] | None = None, source: Path = GENERATED_DIR) -> list[Path]:
    """Copy packages (default: all) into dest, replacing earlier vendored copies, never a foreign directory."""
    available = sorted(p.name for p in source.iterdir() if (p / MANIFEST_NAME).is_file())
    chosen = packages or available
    unknown = sorted(set(chosen) - set(available))
    if unknown:
        raise VendorError(f"unknown package(s) {unknown}; available: {available}")
    dest = dest.resolve()
    if dest.is_relative_to(source.resolve()):
        raise VendorError(f"DEST must be outside {source}")
    for name in chosen:
        manifest = read_manifest(source / name)
        if manifest is None or manifest.get("files") != file_hashes(source / name):
            raise VendorError(f"generated/{name} does not match its manifest: run `make generate` first")
        target = dest / name
        if target.exists() and read_manifest(target) is None:
            raise VendorError(f"{target} exists and was not vendored by this tool (no {MANIFEST_NAME}); refusing")
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in chosen:
        target = dest / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source / name, target, ignore=shutil.ignore_patterns("__pycache__"))
        copied.append(target)
    return copied
