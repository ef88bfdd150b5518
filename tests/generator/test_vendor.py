"""`make vendor` on the repo itself: what is vendored by default, dependencies, manifests, the DEST package."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator._paths import GENERATED_DIR, RUNTIME_DIR, RUNTIME_PACKAGE
from generator._postprocess import file_hashes
from generator._vendor import DEST_INIT, VendorError, vendor, verify
from generator.cli import app

CLIENTS = sorted(p.name for p in GENERATED_DIR.glob("*_client"))
EVERYTHING = sorted([*CLIENTS, "sora_providers", RUNTIME_PACKAGE])


@pytest.fixture(scope="module")
def vendored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Everything vendored once, by default, into a fresh `app/vendor`."""
    dest = tmp_path_factory.mktemp("vendor") / "app" / "vendor"
    vendor(dest)
    return dest


def absolute_imports(pkg_dir: Path, names: set[str]) -> list[str]:
    """Every absolute import of one of `names` left in a package, as `file:line`."""
    left = []
    for py in sorted(pkg_dir.rglob("*.py")):
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module or ""]
            else:
                continue
            if any(m.partition(".")[0] in names for m in modules):
                left.append(f"{py.relative_to(pkg_dir.parent)}:{node.lineno}")
    return left


def test_default_vendors_the_runtime_the_layer_and_every_client(vendored: Path) -> None:
    """With no package named, the hand-written runtime comes along with everything generated."""
    assert EVERYTHING == sorted(p.name for p in vendored.iterdir() if p.is_dir())


def test_no_absolute_import_of_a_vendored_package_is_left(vendored: Path) -> None:
    """Every vendored module reaches its siblings relatively: none imports `sora_unified` & co. absolutely."""
    assert [] == [hit for name in EVERYTHING for hit in absolute_imports(vendored / name, set(EVERYTHING))]


def test_runtime_manifest_records_the_repo_files_and_the_rewrite(vendored: Path) -> None:
    """The runtime's manifest holds the repo's file hashes (sources) and the rewritten ones (files)."""
    manifest = json.loads((vendored / RUNTIME_PACKAGE / "MANIFEST.json").read_text())
    repo_files = file_hashes(RUNTIME_DIR)
    assert {f"{RUNTIME_PACKAGE}/{rel}": digest for rel, digest in repo_files.items()} == manifest["sources"]
    assert repo_files == manifest["vendor"]["source_files"]
    assert file_hashes(vendored / RUNTIME_PACKAGE) == manifest["files"]
    assert manifest["vendor"]["imports_rewritten"] > 0
    assert manifest["files"]["_registry.py"] != repo_files["_registry.py"]


def test_generated_manifest_keeps_its_sources_and_records_the_rewrite(vendored: Path) -> None:
    """A generated package's manifest keeps spec and tools, and its `files` are those of the vendored copy."""
    original = json.loads((GENERATED_DIR / "sora_providers" / "MANIFEST.json").read_text())
    manifest = json.loads((vendored / "sora_providers" / "MANIFEST.json").read_text())
    assert (original["sources"], original["tools"]) == (manifest["sources"], manifest["tools"])
    assert (original["files"], "relative") == (manifest["vendor"]["source_files"], manifest["vendor"]["imports"])
    assert [] == verify(vendored / "sora_providers")


def test_verify_names_an_edited_vendored_file(tmp_path: Path) -> None:
    """A hand edit in a vendored copy is reported by `verify`, and re-vendoring restores the copy."""
    vendor(tmp_path, ["rivya_client"])
    (tmp_path / "rivya_client" / "types.py").write_text("# edited\n")
    assert ["types.py"] == verify(tmp_path / "rivya_client")
    vendor(tmp_path, ["rivya_client"])
    assert [] == verify(tmp_path / "rivya_client")


@pytest.mark.parametrize(
    ("asked", "expected"),
    [(["rivya_client"], ["rivya_client"]), ([RUNTIME_PACKAGE], EVERYTHING), (["sora_providers"], EVERYTHING)],
    ids=["client-alone", "runtime", "layer"],
)
def test_a_subset_brings_what_it_imports(tmp_path: Path, asked: list[str], expected: list[str]) -> None:
    """A client needs nothing else; the runtime and the layer import each other and every client."""
    done = vendor(tmp_path, asked)
    assert expected == [v.path.name for v in done]


def test_dest_becomes_a_package_and_an_existing_init_is_kept(tmp_path: Path) -> None:
    """DEST gets an `__init__.py` if it has none (relative imports need a package); a user's own is untouched."""
    vendor(tmp_path / "fresh", ["rivya_client"])
    (tmp_path / "own").mkdir()
    (tmp_path / "own" / "__init__.py").write_text("MINE = 1\n")
    vendor(tmp_path / "own", ["rivya_client"])
    assert (DEST_INIT, "MINE = 1\n") == (
        (tmp_path / "fresh" / "__init__.py").read_text(),
        (tmp_path / "own" / "__init__.py").read_text(),
    )


def test_a_foreign_runtime_directory_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """A user's own `sora_unified/` in DEST is never replaced, and no other package is copied either."""
    (tmp_path / RUNTIME_PACKAGE).mkdir()
    (tmp_path / RUNTIME_PACKAGE / "mine.py").write_text("")
    with pytest.raises(VendorError, match="was not vendored by this tool"):
        vendor(tmp_path)
    assert [RUNTIME_PACKAGE] == sorted(p.name for p in tmp_path.iterdir())


def test_dest_inside_the_runtime_is_refused(tmp_path: Path) -> None:
    """Vendoring into the repo's own runtime package would copy it into itself."""
    with pytest.raises(VendorError, match="DEST must be outside"):
        vendor(RUNTIME_DIR / "vendor")


def test_cli_vendors_a_package_and_says_how_many_imports_it_rewrote(tmp_path: Path) -> None:
    """`python -m generator vendor DEST -p NAME` prints one line per package with its rewrite count."""
    result = CliRunner().invoke(app, ["vendor", str(tmp_path), "-p", "rivya_client"])
    assert (0, f"vendored {tmp_path / 'rivya_client'} (0 imports made relative)\n") == (result.exit_code, result.output)


def test_cli_check_reports_an_intact_tree_and_names_an_edited_file(tmp_path: Path) -> None:
    """`vendor DEST --check` exits 0 on a fresh copy and 1 naming the file once a vendored file is edited."""
    vendor(tmp_path, ["rivya_client"])
    intact = CliRunner().invoke(app, ["vendor", str(tmp_path), "--check"])
    (tmp_path / "rivya_client" / "client.py").write_text("# edited\n")
    edited = CliRunner().invoke(app, ["vendor", str(tmp_path), "--check"])
    assert (0, "rivya_client: ok\n") == (intact.exit_code, intact.output)
    assert (1, "rivya_client: differs from its manifest: client.py\n") == (edited.exit_code, edited.output)


def test_cli_check_fails_where_nothing_was_vendored(tmp_path: Path) -> None:
    """`--check` on a directory without vendored packages is an error, not a silent pass."""
    result = CliRunner().invoke(app, ["vendor", str(tmp_path / "missing"), "--check"])
    assert 1 == result.exit_code
