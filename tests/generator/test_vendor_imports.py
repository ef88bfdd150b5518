"""The vendor-time import rewrite: absolute imports of vendored packages become relative, nothing else changes."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator._relimport import RelativizeError, relative_name, relativize

VENDORED = frozenset({"pkg", "other"})


def rewrite(source: str, package: tuple[str, ...] = ("pkg",)) -> str:
    return relativize(source, package, VENDORED).text


@pytest.mark.parametrize(
    ("target", "package", "expected"),
    [
        (("pkg", "_spec"), ("pkg",), "._spec"),
        (("pkg",), ("pkg",), "."),
        (("other", "mod"), ("pkg",), "..other.mod"),
        (("pkg", "models"), ("pkg", "api", "x"), "...models"),
        ((), ("pkg",), ".."),
    ],
    ids=["same-package", "own-package", "sibling", "from-subpackage", "vendor-dir"],
)
def test_relative_name_drops_common_packages(target: tuple[str, ...], package: tuple[str, ...], expected: str) -> None:
    """A dotted path from the vendor directory becomes the shortest relative name seen from the package."""
    assert expected == relative_name(target, package)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from pkg._spec import A\n", "from ._spec import A\n"),
        ("from pkg import A, B\n", "from . import A, B\n"),
        ("from other.mod import A as B\n", "from ..other.mod import A as B\n"),
        ("import other\n", "from .. import other\n"),
        ("import other.mod as m\n", "from ..other import mod as m\n"),
        ("import other as o\n", "from .. import other as o\n"),
        ("import os, other.mod as m\n", "import os; from ..other import mod as m\n"),
        (
            "import other.mod\n",
            "from ..other import mod as _vendored_other_mod; del _vendored_other_mod; from .. import other\n",
        ),
    ],
    ids=["from-own", "from-own-package", "from-sibling", "import", "import-dotted-as", "import-as", "mixed", "dotted"],
)
def test_each_import_form_is_rewritten(source: str, expected: str) -> None:
    """`from x.y import z`, `from x import y`, `import x`, `import x.y as z` and `import x.y` all become relative."""
    assert expected == rewrite(source)


def test_imports_in_functions_and_type_checking_blocks_are_rewritten() -> None:
    """Imports nested in a function or under `if TYPE_CHECKING:` are found too, indentation kept."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from other.mod import A  # why\n"
        "def f():\n"
        "    import other.mod as m\n"
        "    return m\n"
    )
    expected = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from ..other.mod import A  # why\n"
        "def f():\n"
        "    from ..other import mod as m\n"
        "    return m\n"
    )
    result = relativize(source, ("pkg",), VENDORED)
    assert (expected, 2) == (result.text, result.imports_rewritten)


def test_strings_comments_and_foreign_imports_are_left_alone() -> None:
    """Text that only looks like an import, and imports of packages not vendored, stay byte for byte."""
    source = (
        '"""Use it as: from pkg import A."""\n'
        "# from pkg import A\n"
        "import os\n"
        "from pkgutil import walk_packages\n"
        "from .local import x\n"
        "TEXT = 'import other.mod'\n"
    )
    result = relativize(source, ("pkg",), VENDORED)
    assert (source, 0) == (result.text, result.imports_rewritten)


def test_parenthesised_names_keep_their_layout_and_non_ascii_columns_count() -> None:
    """Only the module name changes in a multi-line import; a non-ASCII line before it does not shift positions."""
    source = 'NAME = "é"; from pkg._models import (\n    A,\n    B,  # é\n)\n'
    assert 'NAME = "é"; from ._models import (\n    A,\n    B,  # é\n)\n' == rewrite(source)


def test_an_absolute_import_module_string_is_refused() -> None:
    """`importlib.import_module("pkg._x")` would load the top-level package, so the vendor run stops and says where."""
    with pytest.raises(RelativizeError, match=r"mod.py:2: import_module\('pkg._x'\)"):
        relativize('import importlib\nimportlib.import_module("pkg._x")\n', ("pkg",), VENDORED, filename="mod.py")


def test_an_aliased_import_module_with_an_absolute_string_is_refused() -> None:
    """The guard also sees `from importlib import import_module as _import_module`, the runtime's own spelling."""
    with pytest.raises(RelativizeError, match=r"_import_module\('other'\)"):
        relativize('_import_module("other")\n', ("pkg",), VENDORED)


def test_a_relative_import_module_call_is_accepted() -> None:
    """The runtime's own lazy import form (a relative name and `__package__`) needs no rewrite."""
    source = 'import importlib\nimportlib.import_module("._x", __package__)\n'
    assert source == rewrite(source)


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Path]:
    """A prefix package `prefix` holding two rewritten packages, importable, removed from sys.modules after."""
    sources = {
        "pkg/__init__.py": "import other.mod\nfrom other import VALUE\nfrom pkg.sub.leaf import LEAF\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/leaf.py": "from other.mod import NAME as LEAF\n",
        "other/__init__.py": "VALUE = 'other'\n",
        "other/mod.py": "NAME = 'mod'\n",
    }
    (tmp_path / "prefix").mkdir()
    (tmp_path / "prefix" / "__init__.py").write_text("")
    for rel, text in sources.items():
        path = tmp_path / "prefix" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        package = tuple(Path(rel).parent.parts)
        path.write_text(relativize(text, package, VENDORED).text)
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "prefix" or m.startswith("prefix.")]:
            del sys.modules[name]


def test_rewritten_packages_import_under_a_prefix_with_the_same_bindings(tree: Path) -> None:
    """`import other.mod` still binds `other` with `mod` loaded; nested packages reach their siblings."""
    pkg = importlib.import_module("prefix.pkg")
    assert ("prefix.other", "mod", "other", "mod") == (pkg.other.__name__, pkg.other.mod.NAME, pkg.VALUE, pkg.LEAF)
    assert not hasattr(pkg, "_vendored_other_mod")
    assert "other" not in sys.modules
