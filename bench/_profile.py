"""Summaries of a pyinstrument session: where the CPU time went, by function and by package.

`self time` is time spent in a function's own code (not in what it calls); await time of coroutines is
left out, so an async profile shows CPU, not idle waiting.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePath

from pyinstrument.frame import Frame
from pyinstrument.session import Session

_SELF = "[self]"


def _own_time(frame: Frame) -> float:
    # Time sampled in this frame's own code: its time minus its real children, plus "[self]" markers.
    real = sum(c.time for c in frame.children if not c.is_synthetic)
    marked = sum(c.time for c in frame.children if c.is_synthetic and c.identifier.startswith(_SELF))
    synthetic = sum(c.time for c in frame.children if c.is_synthetic)
    return max(0.0, frame.time - real - synthetic) + marked


def _walk(frame: Frame) -> Iterator[Frame]:
    stack = [frame]
    while stack:
        node = stack.pop()
        if not node.is_synthetic:
            yield node
        stack.extend(node.children)


def package_of(path: str | None) -> str:
    """`httpx`, `sora_unified`, `json`, ...: the top-level package a source file belongs to."""
    if not path:
        return "?"
    parts = PurePath(path).parts
    for marker in ("site-packages", "generated", "lib-dynload"):
        if marker in parts:
            index = parts.index(marker)
            if index + 1 < len(parts):
                return parts[index + 1].removesuffix(".py").split(".")[0]
    for index, part in enumerate(parts):
        if part.startswith("python3") and index + 1 < len(parts):
            return parts[index + 1].removesuffix(".py")
    return parts[-2] if len(parts) > 1 else parts[-1]


def self_times(session: Session) -> tuple[dict[str, float], dict[str, float], float]:
    """Self seconds per function ("func (file:line)") and per package, and the total sampled time."""
    root = session.root_frame()
    functions: defaultdict[str, float] = defaultdict(float)
    packages: defaultdict[str, float] = defaultdict(float)
    if root is None:
        return functions, packages, 0.0
    for frame in _walk(root):
        own = _own_time(frame)
        if own <= 0:
            continue
        functions[f"{frame.function} ({frame.file_path_short}:{frame.line_no})"] += own
        packages[package_of(frame.file_path)] += own
    return functions, packages, sum(packages.values())


def _top(times: dict[str, float], limit: int) -> list[tuple[str, float]]:
    return sorted(times.items(), key=lambda item: item[1], reverse=True)[:limit]


def summary(session: Session, title: str, limit: int = 8) -> list[str]:
    """Markdown lines: the top functions and packages by share of self time."""
    functions, packages, total = self_times(session)
    if total <= 0:
        return [f"{title}: no samples"]
    lines = [f"{title} ({total:.2f} s CPU sampled)", "", "| self % | function |", "|--:|---|"]
    lines += [f"| {100 * t / total:.1f} | `{name}` |" for name, t in _top(functions, limit)]
    shares = ", ".join(f"{name} {100 * t / total:.0f}%" for name, t in _top(packages, limit))
    lines += ["", f"By package: {shares}"]
    return lines
