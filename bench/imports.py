"""Benchmark 2: import cost of `sora_unified` against `httpx` alone and `openai`, in fresh processes.

Each sample is one new interpreter running `python -X importtime -c "import <module>"`; the figure is the
cumulative import time CPython reports for that top-level module (everything it pulls in, httpx included
for sora_unified). Modules are sampled round-robin so machine load drifts over all of them alike. The wall
time of the whole process (interpreter start-up included) is reported too, for scale.
"""

from __future__ import annotations

import subprocess
import sys
import time

from bench._report import Section

LAYER, HTTPX, OPENAI = "sora_unified", "httpx", "openai"
MODULES = (LAYER, HTTPX, OPENAI)


def cumulative_us(stderr: str, module: str) -> int:
    """The cumulative microseconds on the `-X importtime` line of the top-level `module`."""
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        _, _self, cumulative, name = (part.strip() for part in line.replace("import time:", "|", 1).split("|"))
        if name == module and cumulative.isdigit():
            return int(cumulative)
    raise RuntimeError(f"no -X importtime line for {module!r}")


def sample(module: str) -> tuple[float, float]:
    """(cumulative import ms, process wall ms) of one fresh interpreter importing `module`."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = (time.perf_counter() - start) * 1000
    return cumulative_us(proc.stderr, module) / 1000, wall


def run(*, samples: int = 15) -> Section:
    """The import section: per-module import and process times, and the layer/httpx ratio."""
    section = Section("imports", "Import time in fresh processes (python -X importtime, cumulative)")
    for module in MODULES:
        sample(module)  # warm the OS file cache and the .pyc files
    imports: dict[str, list[float]] = {m: [] for m in MODULES}
    walls: dict[str, list[float]] = {m: [] for m in MODULES}
    for _ in range(samples):
        for module in MODULES:
            import_ms, wall_ms = sample(module)
            imports[module].append(import_ms)
            walls[module].append(wall_ms)
    for module in MODULES:
        section.figure(f"import {module}", "ms", imports[module])
    for module in MODULES:
        section.figure(f"python -c 'import {module}' wall", "ms", walls[module])
    pairs = zip(imports[LAYER], imports[HTTPX], strict=True)
    section.check("sora_unified / httpx alone", "ratio", [a / b for a, b in pairs], "<=", 1.3)
    versus_openai = [a / b for a, b in zip(imports[OPENAI], imports[HTTPX], strict=True)]
    section.figure("openai / httpx alone", "ratio", versus_openai)
    section.notes.append(f"{samples} fresh interpreters per module, round-robin, after one warm-up each.")
    return section
