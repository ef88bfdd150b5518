"""Make a vendored module's imports of its sibling packages relative, so they work under any package prefix.

`make vendor DEST=app/vendor` puts `sora_unified`, `sora_providers` and the clients side by side in DEST; their
absolute imports (`from sora_unified._spec import ...`) would only resolve with DEST itself on `sys.path`.
Rewritten as relative imports (`from ._spec import ...`, `from ..sora_unified._spec import ...`) they resolve
from wherever DEST is imported (`app.vendor.sora_unified`), and a user's own top-level `sora_unified.py` cannot
shadow them.

The rewrite works on exact positions (`ast` for which statements, `tokenize` for where the module name is), never
on text patterns: strings, comments and docstrings are left alone. A string module path given to
`importlib.import_module` cannot be rewritten safely, so it is refused: the runtime passes relative names with
`__package__` instead.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass


class RelativizeError(ValueError):
    """A module does something with a vendored package name that no rewrite can keep working."""


@dataclass(frozen=True)
class Relativized:
    """A module's rewritten text and how many import statements changed."""

    text: str
    imports_rewritten: int


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def relativize(
    source: str, package: Sequence[str], vendored: frozenset[str], *, filename: str = "<module>"
) -> Relativized:
    """Rewrite every absolute import of a `vendored` top-level package in `source` as a relative import.

    `package` is the dotted package the module belongs to, counted from the vendor directory: `("sora_unified",)`
    for `sora_unified/_spec.py` and for `sora_unified/__init__.py`, `("rivya_client", "api")` for
    `rivya_client/api/x.py`.
    """
    tree = ast.parse(source, filename=filename)
    offsets = _LineOffsets(source)
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    edits: list[_Edit] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and _top(node.module or "") in vendored:
            edits.append(_from_edit(node, tokens, offsets, package))
        elif isinstance(node, ast.Import) and any(_top(alias.name) in vendored for alias in node.names):
            start = offsets.at(node.lineno, node.col_offset)
            end = offsets.at(node.end_lineno or node.lineno, node.end_col_offset or 0)
            edits.append(_Edit(start, end, _import_text(node, package, vendored)))
        elif isinstance(node, ast.Call):
            _refuse_absolute_import_module(node, vendored, filename)
    text = source
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return Relativized(text, len(edits))


def _top(module: str) -> str:
    return module.partition(".")[0]


def relative_name(target: Sequence[str], package: Sequence[str]) -> str:
    """`target` (a dotted path from the vendor directory) as a relative module name seen from `package`.

    The common leading packages are dropped: `sora_unified._spec` seen from `sora_unified` is `._spec`, seen from
    `sora_providers` it is `..sora_unified._spec`; the vendor directory itself (an empty target) is `..` from a
    top-level package.
    """
    common = 0
    while common < min(len(target), len(package)) and target[common] == package[common]:
        common += 1
    return "." * (len(package) - common + 1) + ".".join(target[common:])


def _from_edit(
    node: ast.ImportFrom, tokens: list[tokenize.TokenInfo], offsets: _LineOffsets, package: Sequence[str]
) -> _Edit:
    """Replace just the module name of `from x.y import z`: the imported names keep their formatting."""
    start = (node.lineno, offsets.char_col(node.lineno, node.col_offset))
    index = next(i for i, tok in enumerate(tokens) if tok.start == start)
    if tokens[index].string != "from":
        raise RelativizeError(f"line {node.lineno}: expected 'from', found {tokens[index].string!r}")
    name_tokens = []
    for tok in tokens[index + 1 :]:
        if tok.type == tokenize.NAME and tok.string == "import":
            break
        if tok.type in (tokenize.NAME, tokenize.OP):
            name_tokens.append(tok)
    first, last = name_tokens[0], name_tokens[-1]
    return _Edit(
        offsets.at(*first.start, chars=True),
        offsets.at(*last.end, chars=True),
        relative_name((node.module or "").split("."), package),
    )


def _import_text(node: ast.Import, package: Sequence[str], vendored: frozenset[str]) -> str:
    """`import x.y as z` as `from ..x import y as z`; one statement per alias, joined by `;` on the same line."""
    statements = []
    for alias in node.names:
        parts = alias.name.split(".")
        if parts[0] not in vendored:
            statements.append(f"import {alias.name}" + (f" as {alias.asname}" if alias.asname else ""))
        elif alias.asname:
            statements.append(f"from {relative_name(parts[:-1], package)} import {parts[-1]} as {alias.asname}")
        elif len(parts) == 1:
            statements.append(f"from {relative_name((), package)} import {parts[0]}")
        else:
            # `import x.y` binds `x` and loads `x.y`: load the submodule without binding a new name, then bind x.
            scratch = "_vendored_" + "_".join(parts)
            statements.append(f"from {relative_name(parts[:-1], package)} import {parts[-1]} as {scratch}")
            statements.append(f"del {scratch}")
            statements.append(f"from {relative_name((), package)} import {parts[0]}")
    return "; ".join(statements)


def _refuse_absolute_import_module(node: ast.Call, vendored: frozenset[str], filename: str) -> None:
    """`importlib.import_module("sora_unified._x")` would import the top-level package, not the vendored one."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if not (name.endswith("import_module") or name == "__import__") or not node.args:
        return
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str) and _top(first.value) in vendored:
        raise RelativizeError(
            f"{filename}:{node.lineno}: {name}({first.value!r}) names a vendored package absolutely; "
            'use a relative name with the package, e.g. import_module("._x", __package__)'
        )


class _LineOffsets:
    """Absolute character offsets from (line, column); `ast` columns are UTF-8 byte offsets, `tokenize`'s are not."""

    def __init__(self, source: str) -> None:
        self._lines = io.StringIO(source, newline="").readlines()  # the line ends ast and tokenize count
        self._starts = [0]
        for line in self._lines:
            self._starts.append(self._starts[-1] + len(line))

    def char_col(self, lineno: int, byte_col: int) -> int:
        return len(self._lines[lineno - 1].encode("utf-8")[:byte_col].decode("utf-8"))

    def at(self, lineno: int, col: int, *, chars: bool = False) -> int:
        return self._starts[lineno - 1] + (col if chars else self.char_col(lineno, col))
