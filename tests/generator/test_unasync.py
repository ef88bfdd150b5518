"""generator/_unasync.py: the runtime's sync twins are derived from the async sources, and the drift gate sees it."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from generator import _unasync
from generator._paths import RUNTIME_DIR


def _methods(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{node.name}.{item.name}" if isinstance(node, ast.ClassDef) else node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        for item in (node.body if isinstance(node, ast.ClassDef) else [node])
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


@pytest.mark.parametrize(("source", "twin"), _unasync.TWINS, ids=[t for _, t in _unasync.TWINS])
def test_committed_twin_is_the_derivation(source: str, twin: str) -> None:
    """Each committed sync twin is exactly what the rewrite of its async source gives (else: make generate)."""
    derived = {t.target.name: t.text for t in _unasync.derive()}
    assert derived[twin] == (RUNTIME_DIR / twin).read_text(encoding="utf-8")


@pytest.mark.parametrize(("source", "twin"), _unasync.TWINS, ids=[t for _, t in _unasync.TWINS])
def test_twin_has_the_same_functions_and_no_async(source: str, twin: str) -> None:
    """Same functions and methods in the same order; the twin has no coroutine, await or asyncio left."""
    renames = {"aclose": "close", "__aenter__": "__enter__", "__aexit__": "__exit__", "AsyncVideoClient": "VideoClient"}

    def sync_name(name: str) -> str:
        return ".".join(renames.get(part, part) for part in name.split("."))

    assert [sync_name(m) for m in _methods(RUNTIME_DIR / source)] == _methods(RUNTIME_DIR / twin)
    text = (RUNTIME_DIR / twin).read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert [] == [n for n in ast.walk(tree) if isinstance(n, ast.AsyncFunctionDef | ast.Await | ast.AsyncWith)]
    assert "asyncio" not in text
    assert text.startswith(_unasync.header(source))


def test_asyncio_in_a_source_is_refused() -> None:
    """A construct the token rewrite cannot derive (asyncio) stops generation with file and line."""
    with pytest.raises(_unasync.UnasyncError, match=r"sora_unified/_x_async.py:2: use sora_unified._concurrency"):
        _unasync.rewrite("import os\nawait asyncio.sleep(1)\n", "_x_async.py")


def test_rewrite_maps_the_flavor_names() -> None:
    """Keywords, flavor-named identifiers and httpx names are rewritten; other words are left alone."""
    source = (
        "async def f(c: httpx.AsyncClient) -> Awaitable[int]:\n"
        "    async with AsyncGate(1):\n"
        "        await c.aclose()\n"
        "    async for b in r.aiter_bytes():\n"
        "        await async_sleep(_call_async.submit_async(b))\n"
        "    return asynchronous\n"
    )
    expected = (
        "def f(c: httpx.Client) -> int:\n"
        "    with SyncGate(1):\n"
        "        c.close()\n"
        "    for b in r.iter_bytes():\n"
        "        sync_sleep(_call_sync.submit_sync(b))\n"
        "    return asynchronous\n"
    )
    assert _unasync.header("_f.py") + expected == _unasync.rewrite(source, "_f.py")


def test_drift_names_an_edited_twin(tmp_path: Path) -> None:
    """A hand edit of a twin (or of its source without `make generate`) is reported by the drift check."""
    runtime = tmp_path / "sora_unified"
    shutil.copytree(RUNTIME_DIR, runtime, ignore=shutil.ignore_patterns("__pycache__"))
    assert [] == [Path(p).name for p in _twin_drift(runtime)]
    twin = runtime / "_call_sync.py"
    twin.write_text(twin.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    assert ["_call_sync.py"] == [Path(p).name for p in _twin_drift(runtime)]


def _twin_drift(runtime: Path) -> list[str]:
    return [t.target.name for t in _unasync.derive(runtime) if t.target.read_text(encoding="utf-8") != t.text]
