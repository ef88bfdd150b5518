"""Derive the sync twins of the runtime's async modules by a token rewrite (in the style of httpcore's unasync).

The call loop, the download and the client are written once, as async Python, in `sora_unified/`
(`_call_async.py`, `_download_async.py`, `_async_client.py`); `make generate` writes their sync twins
beside them and `make drift` fails when a committed twin differs from what this rewrite produces. Both are
ordinary Python: linted, type-checked and read by editors like any other module.

The rewrite replaces whole words (regular expressions on word boundaries, over the whole file, strings and
comments included, as httpcore's does): keywords (`async def`, `async with`, `async for`, `await`), the names of
the two flavors (`AsyncVideoClient`, `httpx.AsyncClient`, `_call_async`, `submit_async`, `async_sleep`,
`AsyncGate`, ...) and a few httpx method names. Prose in the async sources is written flavor-neutral for that
reason, and the tests compare each twin's functions with its source's. Whatever the rewrite cannot express is a pair
of primitives in `sora_unified/_concurrency.py`, named so that the rewrite maps one onto the other.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator._paths import REPO_ROOT, RUNTIME_DIR, RUNTIME_PACKAGE, VENV_BIN

# (async source, sync twin), relative to the runtime package.
TWINS = (
    ("_call_async.py", "_call_sync.py"),
    ("_download_async.py", "_download_sync.py"),
    ("_async_client.py", "_sync_client.py"),
)

# Ordered: the first rules are the specific ones.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\basync (def|with|for)\b", r"\1"),
        (r"\bawait ", ""),
        (r"\bAsyncVideoClient\b", "VideoClient"),
        (r"\bAsyncClient\b", "Client"),
        (r"\bAsyncBaseTransport\b", "BaseTransport"),
        (r"\bAsync([A-Z]\w*)\b", r"Sync\1"),
        (r"\bget_async_httpx_client\b", "get_httpx_client"),
        (r"\basync_(\w+)\b", r"sync_\1"),
        (r"\b(\w+)_async\b", r"\1_sync"),
        (r"\baiter_bytes\b", "iter_bytes"),
        (r"\baclose\b", "close"),
        (r"\b__aenter__\b", "__enter__"),
        (r"\b__aexit__\b", "__exit__"),
        (r"\bAwaitable\[(\w+)\]", r"\1"),
        (r"\bAwaitable, ", ""),
        (r" \(coroutines\)", ""),
    )
)
# A token the rewrite cannot turn into sync code: it must go through `_concurrency` instead.
_FORBIDDEN = re.compile(r"\basyncio\b|\banyio\b")


class UnasyncError(RuntimeError):
    """An async source uses something the rewrite cannot derive a sync twin for."""


def header(source: str) -> str:
    return f"# Derived from sora_unified/{source} by `make generate` (generator/_unasync.py): do not edit.\n"


def rewrite(text: str, source: str) -> str:
    """The sync twin of one async module's text (before formatting)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if _FORBIDDEN.search(line):
            raise UnasyncError(f"sora_unified/{source}:{number}: use sora_unified._concurrency, not {line.strip()!r}")
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return header(source) + text


def _format(text: str, target: Path) -> str:
    """`text` as the pinned ruff writes it in the runtime package (the project's settings: line length, imports)."""
    ruff = str(VENV_BIN / "ruff")
    name = f"{RUNTIME_PACKAGE}/{target.name}"  # where ruff reads the settings from, wherever `target` is
    for args in (
        [ruff, "check", "--fix-only", "--quiet", "--select", "I,F401", "--stdin-filename", name, "-"],
        [ruff, "format", "--quiet", "--stdin-filename", name, "-"],
    ):
        proc = subprocess.run(args, cwd=REPO_ROOT, input=text, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise UnasyncError(f"ruff {args[1]} failed on {name}:\n{proc.stderr}")
        text = proc.stdout
    return text


@dataclass(frozen=True)
class Twin:
    """One derived file: where it goes and what it should contain."""

    target: Path
    text: str


def derive(runtime_dir: Path = RUNTIME_DIR) -> list[Twin]:
    """Every sync twin as it should be."""
    twins: list[Twin] = []
    for source, target in TWINS:
        text = rewrite((runtime_dir / source).read_text(encoding="utf-8"), source)
        twins.append(Twin(runtime_dir / target, _format(text, runtime_dir / target)))
    return twins


def write(runtime_dir: Path = RUNTIME_DIR) -> list[Path]:
    """Write the twins that differ; the paths written."""
    changed = []
    for twin in derive(runtime_dir):
        if not twin.target.is_file() or twin.target.read_text(encoding="utf-8") != twin.text:
            twin.target.write_text(twin.text, encoding="utf-8")
            changed.append(twin.target)
    return changed


def drift(runtime_dir: Path = RUNTIME_DIR) -> list[str]:
    """The twins whose committed text differs from the derivation (relative paths)."""
    return [
        twin.target.relative_to(REPO_ROOT).as_posix()
        for twin in derive(runtime_dir)
        if not twin.target.is_file() or twin.target.read_text(encoding="utf-8") != twin.text
    ]
