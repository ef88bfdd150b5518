"""Compare specs and mappings: the working tree against a git ref, or any two files.

Git mode compares `specs/*.yaml` and `specs/mappings/*.yaml` with the same files at a ref; only
`git rev-parse`, `git ls-tree` and `git show` are run, so nothing here changes the repository. A spec
that exists on one side only is reported as a whole (`spec-added` / `spec-removed`). File mode
(`spec-diff OLD NEW`) compares two files anywhere on disk: two OpenAPI 3.x documents, or two
mappings. Anything else (Swagger 2.0, a JSON Schema, ...) is refused in one line.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import yaml

from generator import _speclib as lib
from generator._paths import provider_files
from generator.spec_diff._load import parse
from generator.spec_diff._mapping import diff_mappings
from generator.spec_diff._model import Change
from generator.spec_diff._report import exit_status, render
from generator.spec_diff._schema import Emitter, show
from generator.spec_diff._walk import diff_documents, operations

SPECS = "specs"
MAPPINGS = "specs/mappings"


class SpecDiffError(Exception):
    """A ref that does not exist, a file that is not YAML, or git missing: reported, exit status 2."""


def load_spec(text: str, origin: str) -> dict[str, Any]:
    """Parse a spec's YAML (or JSON) text as `_speclib` does (keys as strings, dates as strings)."""
    try:
        return parse(text, origin)
    except yaml.YAMLError as exc:
        raise SpecDiffError(f"{origin}: not valid YAML: {exc}") from exc
    except ValueError as exc:
        raise SpecDiffError(str(exc)) from exc


def require_openapi3(document: dict[str, Any], origin: str) -> None:
    """Refuse, in one line, a document that is not OpenAPI 3.x (a broken old revision without `openapi` passes)."""
    version = document.get("openapi")
    if isinstance(version, str) and version.startswith("3."):
        return
    if "swagger" in document:
        found = f"Swagger {show(document['swagger'])}"
    elif version is not None:
        found = f"openapi {show(version)}"
    elif "paths" in document:
        return
    else:
        found = "no `openapi` field"
    raise SpecDiffError(f"{origin} is not OpenAPI 3.x ({found}): spec-diff compares OpenAPI 3.0 and 3.1 documents")


def is_mapping(document: dict[str, Any]) -> bool:
    """A specs/mappings/<provider>.yaml document rather than an OpenAPI one."""
    return "provider" in document and "openapi" not in document and "swagger" not in document


def diff_spec_texts(base: str | None, revision: str | None, spec: str, base_origin: str | None = None) -> list[Change]:
    """Changes between two texts of one spec (or mapping) file; `None`: the file does not exist on that side.

    `base_origin` names the base in errors (default: `<spec> (base)`, the same file at a git ref).
    """
    if base is None and revision is None:
        return []
    if base is None or revision is None:
        text = base if base is not None else revision
        assert text is not None
        present = load_spec(text, spec)
        if is_mapping(present):
            emitter = Emitter(str(present.get("provider") or Path(spec).stem), f"mapping {spec}")
            verb = "added" if base is None else "removed"
            emitter.emit(f"mapping-{verb}", ("mapping",), f"mapping {spec} {verb}")
            return emitter.changes
        require_openapi3(present, spec)
        emitter = Emitter(lib.provider_id(present, Path(spec)))
        count = len(operations(present))
        if base is None:
            emitter.emit("spec-added", (), f"new spec {spec} with {count} endpoint(s)")
        else:
            emitter.emit("spec-removed", (), f"spec {spec} deleted with its {count} endpoint(s)")
        return emitter.changes
    old_origin = base_origin or f"{spec} (base)"
    old, new = load_spec(base, old_origin), load_spec(revision, spec)
    if is_mapping(old) and is_mapping(new):
        return diff_mappings(old, new, spec)
    require_openapi3(old, old_origin)
    require_openapi3(new, spec)
    return diff_documents(old, new, lib.provider_id(new, Path(spec)))


def diff_files(old: Path, new: Path) -> list[Change]:
    """Changes from file `old` to file `new`, anywhere on disk (two OpenAPI 3.x documents or two mappings)."""
    texts = []
    for path in (old, new):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise SpecDiffError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return sorted(diff_spec_texts(texts[0], texts[1], new.as_posix(), old.as_posix()), key=Change.sort_key)


def _git(toplevel: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", str(toplevel), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise SpecDiffError("git is not installed") from exc


def git_toplevel(root: Path) -> Path:
    """The top of the git work tree that contains `root`."""
    done = _git(root, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise SpecDiffError(f"{root} is not inside a git work tree: {done.stderr.strip()}")
    return Path(done.stdout.strip())


def _check_ref(toplevel: Path, ref: str) -> None:
    if _git(toplevel, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise SpecDiffError(f"unknown git ref {ref!r}")


def specs_at(toplevel: Path, ref: str, specs_rel: str) -> set[str]:
    """The `*.yaml` files directly in `specs_rel` (paths relative to the top level) committed at `ref`."""
    done = _git(toplevel, "ls-tree", ref, "--", f"{specs_rel}/")
    if done.returncode != 0:
        raise SpecDiffError(f"git ls-tree {ref} failed: {done.stderr.strip()}")
    found = set()
    for line in done.stdout.splitlines():
        meta, _, name = line.partition("\t")
        if meta.split()[1:2] == ["blob"] and name.endswith(".yaml"):
            found.add(name)
    return found


def show_at(toplevel: Path, ref: str, relpath: str) -> str | None:
    """The text of a file at `ref`, or None when it does not exist there."""
    done = _git(toplevel, "show", f"{ref}:{relpath}")
    return done.stdout if done.returncode == 0 else None


def changed_specs(base: str = "HEAD", root: Path | None = None, paths: Sequence[str] | None = None) -> list[Change]:
    """Every change of the tree's specs against `base` (for the CLI, and for the generator's summary)."""
    root = (root or _default_root()).resolve()
    toplevel = git_toplevel(root)
    _check_ref(toplevel, base)
    specs_rel = (root / SPECS).relative_to(toplevel).as_posix()
    mappings_rel = (root / MAPPINGS).relative_to(toplevel).as_posix()
    if paths:
        wanted = {_inside(toplevel, root / p) for p in paths}
    else:
        in_tree = {p.relative_to(toplevel).as_posix() for p in provider_files(root / SPECS)}
        in_tree |= {p.relative_to(toplevel).as_posix() for p in sorted((root / MAPPINGS).glob("*.yaml"))}
        wanted = in_tree | specs_at(toplevel, base, specs_rel) | specs_at(toplevel, base, mappings_rel)
    changes: list[Change] = []
    for relpath in sorted(wanted):
        current = toplevel / relpath
        revision = current.read_text(encoding="utf-8") if current.is_file() else None
        changes.extend(diff_spec_texts(show_at(toplevel, base, relpath), revision, relpath))
    return sorted(changes, key=Change.sort_key)


def _inside(toplevel: Path, path: Path) -> str:
    resolved = path.resolve()
    if not resolved.is_relative_to(toplevel):
        raise SpecDiffError(f"{path} is outside the repository {toplevel}: to compare two files, give OLD NEW")
    return resolved.relative_to(toplevel).as_posix()


def run_spec_diff(
    base: str = "HEAD",
    fail_on: str | None = None,
    paths: list[str] | None = None,
    fmt: str = "text",
    root: Path | None = None,
    out: TextIO | None = None,
    files: tuple[Path, Path] | None = None,
) -> int:
    """Print the changelog (git mode against `base`, or `files` OLD NEW); exit 0, 1 (fail_on hit) or 2 (error)."""
    stream = out or sys.stdout
    try:
        changes = diff_files(*files) if files else changed_specs(base, root, paths)
        status = exit_status(changes, fail_on)
        stream.write(render(changes, fmt))
    except (SpecDiffError, ValueError) as exc:
        print(f"spec-diff: {exc}", file=sys.stderr)
        return 2
    return status


def _default_root() -> Path:
    from generator._paths import REPO_ROOT

    return REPO_ROOT
