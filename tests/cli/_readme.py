"""The README checker: find the runnable parts of a Markdown file and run each against a sandbox.

The contract with the README's authors:

- a fenced block whose info string is `python readme-run` is executed as a script (a subprocess, cwd a
  temporary directory, every provider's key and base URL variables pointing at the test's sandbox);
- in a `console` block, every line starting with `$ sora-video ` is run by bash in that directory with the
  same variables (plus SORA_PROVIDER and SORA_VIDEO_TIME_SCALE) and must exit 0;
- in any fenced block, every line starting with `$ make` must name targets listed by `make help`
  (they are not run).

A trailing backslash continues a command on the next line. Every failure names the README line.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator._paths import VENV_BIN

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
TIMEOUT_S = 180

Kind = Literal["python", "sora-video", "make"]


@dataclass(frozen=True)
class Check:
    """One runnable item of a README: its kind, the line it starts on, and the code or command."""

    kind: Kind
    line: int
    source: str

    def id(self, name: str) -> str:
        """The pytest id, e.g. `README.md:L42`."""
        return f"{name}:L{self.line}"


@dataclass(frozen=True)
class Block:
    """A fenced code block: its info string, and its lines with their line numbers."""

    info: str
    lines: tuple[tuple[int, str], ...]


def blocks(text: str) -> list[Block]:
    """Every fenced block (``` or ~~~), with the fence's indentation removed from its lines."""
    found: list[Block] = []
    current: list[tuple[int, str]] | None = None
    opener = indent = info = ""
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE.match(line)
        if current is None:
            if match:
                opener, indent, info = match["fence"], match["indent"], match["info"].strip()
                current = []
        elif match and match["fence"].startswith(opener) and not match["info"].strip():
            found.append(Block(info=info, lines=tuple(current)))
            current = None
        else:
            current.append((number, line.removeprefix(indent)))
    return found


def _commands(block: Block) -> list[tuple[int, str]]:
    """`$ ` lines of a block (prompt removed), continuation lines joined, with the first line's number."""
    commands: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for number, line in block.lines:
        if pending is not None:
            start, text = pending
            text = text[:-1].rstrip() + " " + line.strip()
            pending = (start, text) if text.endswith("\\") else None
            if pending is None:
                commands.append((start, text))
        elif line.startswith("$ "):
            text = line[2:].strip()
            if text.endswith("\\"):
                pending = (number, text)
            else:
                commands.append((number, text))
    return commands


def checks(text: str) -> list[Check]:
    """Everything the README promises to run, in order."""
    found: list[Check] = []
    for block in blocks(text):
        words = block.info.split()
        if words[:1] == ["python"] and "readme-run" in words[1:]:
            found.append(Check("python", block.lines[0][0] if block.lines else 0, "\n".join(t for _, t in block.lines)))
            continue
        for number, command in _commands(block):
            if command == "make" or command.startswith("make "):
                found.append(Check("make", number, command))
            elif words[:1] == ["console"] and command.startswith("sora-video "):
                found.append(Check("sora-video", number, command))
    return found


def make_targets(repo: Path) -> set[str]:
    """The targets `make help` lists (`  make <target>   description`)."""
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "help"], cwd=repo, capture_output=True, text=True, check=True
    )
    return set(re.findall(r"^\s*make\s+(\S+)", result.stdout, flags=re.MULTILINE))


@dataclass(frozen=True)
class Context:
    """Where and how checks run: the README's name, the repo (for make), the working directory, the environment."""

    name: str
    repo: Path
    cwd: Path
    env: Mapping[str, str]


def _failure(context: Context, check: Check, what: str, result: subprocess.CompletedProcess[str]) -> str:
    tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
    return f"{context.name} line {check.line}: {what} exited {result.returncode}:\n{tail}"


def run_check(check: Check, context: Context, targets: set[str] | None = None) -> str:
    """Run one check; "" when it passes, else a message starting with the README name and line."""
    where = f"{context.name} line {check.line}"
    if check.kind == "make":
        words = shlex.split(check.source, comments=True)[1:]
        wanted = [w for w in words if "=" not in w and not w.startswith("-")]
        known = make_targets(context.repo) if targets is None else targets
        missing = [w for w in wanted if w not in known]
        return f"{where}: `{check.source}` names no target of `make help`: {missing}" if missing else ""
    env = dict(context.env)
    # The venv's own scripts (sora-video) come first, as after `source .venv/bin/activate`.
    env["PATH"] = os.pathsep.join([str(VENV_BIN), env.get("PATH", os.defpath)])
    if check.kind == "python":
        script = context.cwd / f"readme_L{check.line}.py"
        script.write_text(check.source + "\n", encoding="utf-8")
        argv = [sys.executable, str(script)]
    else:
        argv = ["bash", "-c", check.source]
    try:
        result = subprocess.run(
            argv, cwd=context.cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return f"{where}: did not finish within {TIMEOUT_S} s: {check.source.splitlines()[0]}"
    what = "the python block" if check.kind == "python" else f"`{check.source}`"
    return "" if result.returncode == 0 else _failure(context, check, what, result)
