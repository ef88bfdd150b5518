"""What the figures were measured on: CPU, Python, load, library versions, and the command that ran."""

from __future__ import annotations

import os
import platform
import shlex
import sys
from importlib import metadata
from pathlib import Path

VERSIONED = ("httpx", "httpcore", "openai", "openapi-python-client", "pyinstrument")


def cpu_model() -> str:
    """The first "model name" in /proc/cpuinfo (or the platform's processor string)."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def describe(argv: list[str]) -> dict[str, str]:
    """Machine facts and the command line, as display strings."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    versions = []
    for name in VERSIONED:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return {
        "cpu": f"{os.cpu_count()} x {cpu_model()}",
        "python": f"{platform.python_implementation()} {platform.python_version()} ({sys.platform})",
        "os": platform.platform(),
        "load average at start": load,
        "libraries": ", ".join(versions),
        "command": shlex.join(["python", "-m", "bench", *argv]),
    }
