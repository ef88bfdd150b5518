"""Post-processing shared by every generated package: headers, py.typed, sanity checks and the manifest.

The manifest records what a package was generated from (sources and their sha256), with which tools, and the
sha256 of every file, so `make generate` can skip unchanged packages and report exactly what changed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from generator._paths import MANIFEST_NAME

TOOL_PACKAGES = ("openapi-python-client", "ruff")


class GenerationError(RuntimeError):
    """Rendering failed or produced output we refuse to ship."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tool_versions() -> dict[str, str]:
    """The exact versions of the tools the output depends on (pinned in uv.lock)."""
    return {name: version(name) for name in TOOL_PACKAGES}


def hash_inputs(files: Iterable[Path], root: Path, extra: Mapping[str, str]) -> str:
    """One digest over the content of every input file (by path relative to root) and the tool versions."""
    digest = hashlib.sha256()
    for path in sorted(set(files)):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for key in sorted(extra):
        digest.update(f"{key}={extra[key]}\0".encode())
    return digest.hexdigest()


def header_line(sources: str) -> str:
    return f"# Generated from {sources} by `make generate`: do not edit.\n"


def finish_package(
    pkg_dir: Path, *, sources: Mapping[str, str], input_sha256: str, sources_label: str | Callable[[str], str]
) -> None:
    """Add headers and py.typed, refuse broken template output, write MANIFEST.json.

    `sources_label` names what every file was generated from, or is a function of the file's path in the
    package (posix) that names the true source of that one file.
    """
    shutil.rmtree(pkg_dir / ".ruff_cache", ignore_errors=True)
    for cache in pkg_dir.rglob("__pycache__"):
        shutil.rmtree(cache)
    for py in sorted(pkg_dir.rglob("*.py")):
        rel = py.relative_to(pkg_dir).as_posix()
        header = header_line(sources_label(rel) if callable(sources_label) else sources_label)
        text = py.read_text(encoding="utf-8")
        # A template that forgets `| as_unembedded_code` renders an object repr instead of code, silently.
        if " object at 0x" in text:
            raise GenerationError(f"{py}: template rendered an object repr ('object at 0x'); fix the template")
        if not text.startswith(header):
            py.write_text(header + text, encoding="utf-8")
    (pkg_dir / "py.typed").write_text("", encoding="utf-8")
    manifest = {
        "package": pkg_dir.name,
        "sources": dict(sorted(sources.items())),
        "tools": tool_versions(),
        "input_sha256": input_sha256,
        "files": file_hashes(pkg_dir),
    }
    (pkg_dir / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def file_hashes(pkg_dir: Path) -> dict[str, str]:
    """sha256 of every file in a package except the manifest itself, by relative path."""
    return {
        p.relative_to(pkg_dir).as_posix(): sha256_bytes(p.read_bytes())
        for p in sorted(pkg_dir.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME and "__pycache__" not in p.parts
    }


def read_manifest(pkg_dir: Path) -> dict[str, object] | None:
    path = pkg_dir / MANIFEST_NAME
    if not path.is_file():
        return None
    data: object = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


@dataclass
class PackageChange:
    """What changed in one package between two generations."""

    package: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    skipped: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.modified)

    def summary(self) -> str:
        if self.skipped:
            return f"{self.package}: unchanged (inputs identical, skipped)"
        if not self.changed:
            return f"{self.package}: regenerated, no change"
        return f"{self.package}: {len(self.modified)} modified, {len(self.added)} added, {len(self.removed)} removed"


def compare_trees(package: str, old: Mapping[str, str], new: Mapping[str, str]) -> PackageChange:
    """Diff two {relative path: sha256} maps."""
    return PackageChange(
        package=package,
        added=sorted(set(new) - set(old)),
        removed=sorted(set(old) - set(new)),
        modified=sorted(k for k in set(old) & set(new) if old[k] != new[k]),
    )
