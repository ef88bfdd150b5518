"""Benchmark 6: `spec-diff OLD NEW` start-up and run time, on a trivial pair and on a large spec.

Both run `python -m generator spec-diff OLD NEW` (what `make spec-diff OLD=… NEW=…` runs) in a fresh
interpreter, so the figure is what a reviewer waits for, imports included. The trivial pair is a
golden case of the test suite (one property became required). The large pair is a synthetic spec of
280 operations (about 700 KB of YAML: request bodies with enums, limits and nested objects, shared
components, paginated list responses) against a copy with one enum value removed; set
`SPEC_DIFF_BENCH_SPEC=/path/to/openapi.yaml` to measure a real published spec instead (the copy
then has its first operation removed). Targets from issue 13: <= 0.3 s and <= 0.5 s. The large spec
is measured cold (the parse cache off, what a first review costs) and warm (both sides in the parse
cache, what every later run on the same base costs); the cache lives in a scratch folder here.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from bench._report import Section
from generator._paths import REPO_ROOT

TRIVIAL = REPO_ROOT / "tests" / "generator" / "spec_diff" / "cases" / "request-property-became-required"
ENV_SPEC = "SPEC_DIFF_BENCH_SPEC"
OPERATIONS = 280


def synthetic_spec(operations: int = OPERATIONS) -> dict[str, Any]:
    """An OpenAPI 3.1 document shaped like a large public API (about 2.5 KB of YAML per operation)."""
    schemas: dict[str, Any] = {
        "Error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string", "maxLength": 2000}},
        },
        "Status": {"type": "string", "enum": ["queued", "running", "succeeded", "failed", "canceled"]},
    }
    paths: dict[str, Any] = {}
    for index in range(operations // 2):
        name = f"Resource{index}"
        properties = {
            f"field_{n}": {
                "type": "string",
                "description": f"Field {n} of {name}: what it means, where it comes from, how it is validated.",
                "maxLength": 256 + n,
            }
            for n in range(17)
        }
        properties["kind"] = {"type": "string", "enum": [f"kind_{k}" for k in range(6)]}
        properties["count"] = {"type": "integer", "minimum": 0, "maximum": 1000}
        properties["status"] = {"$ref": "#/components/schemas/Status"}
        properties["tags"] = {"type": "array", "maxItems": 16, "items": {"type": "string"}}
        schemas[name] = {"type": "object", "required": ["field_0", "kind"], "properties": properties}
        ref = {"$ref": f"#/components/schemas/{name}"}
        error = {
            "description": "error",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        paths[f"/v1/resources{index}"] = {
            "post": {
                "operationId": f"create{name}",
                "tags": [f"group{index % 12}"],
                "summary": f"Create a {name}",
                "requestBody": {"required": True, "content": {"application/json": {"schema": ref}}},
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": ref}}},
                    "4XX": error,
                },
            },
            "get": {
                "operationId": f"list{name}",
                "tags": [f"group{index % 12}"],
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                    {"name": "after", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "description": "a page",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "data": {"type": "array", "items": ref},
                                        "has_more": {"type": "boolean"},
                                    },
                                }
                            }
                        },
                    },
                    "4XX": error,
                },
            },
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Synthetic large API", "version": "1"},
        "security": [{"bearerAuth": []}],
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
    }


def large_pair(folder: Path) -> tuple[Path, Path, str]:
    """The large base and revision files, and a one-line description of what they are."""
    real = os.environ.get(ENV_SPEC)
    if real:
        base = yaml.safe_load(Path(real).read_text(encoding="utf-8"))
        revision = copy.deepcopy(base)
        first = next(iter(revision["paths"]))
        del revision["paths"][first]
        origin = f"{real} (first path removed)"
    else:
        base = synthetic_spec()
        revision = copy.deepcopy(base)
        revision["components"]["schemas"]["Resource0"]["properties"]["kind"]["enum"].pop()
        origin = "synthetic (one request enum value removed)"
    old, new = folder / "large-old.yaml", folder / "large-new.yaml"
    old.write_text(yaml.safe_dump(base, sort_keys=False), encoding="utf-8")
    new.write_text(yaml.safe_dump(revision, sort_keys=False), encoding="utf-8")
    operations = sum(
        1 for item in base["paths"].values() for key in item if key in ("get", "post", "put", "patch", "delete")
    )
    return old, new, f"{origin}: {operations} operations, {old.stat().st_size / 1000:.0f} KB"


def timed_diff(old: Path, new: Path, env: dict[str, str] | None = None) -> float:
    """Seconds `python -m generator spec-diff OLD NEW` takes in a fresh interpreter (exit 0 or 1 expected)."""
    command = [sys.executable, "-m", "generator", "spec-diff", str(old), str(new)]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return elapsed


def run(*, samples: int = 7) -> Section:
    """The spec-diff section: start-up on a trivial pair and on a large spec, against the issue's targets."""
    section = Section("spec-diff", "spec-diff OLD NEW in a fresh interpreter (imports included)")
    with tempfile.TemporaryDirectory(prefix="bench-spec-diff-") as scratch:
        old, new, origin = large_pair(Path(scratch))
        cache = dict(os.environ, XDG_CACHE_HOME=str(Path(scratch) / "cache"))
        cold = dict(cache, SPEC_DIFF_CACHE="0")
        timed_diff(TRIVIAL / "base.yaml", TRIVIAL / "revision.yaml", cold)  # warm-up: .pyc files, disk cache
        trivial: list[float] = []
        large_cold: list[float] = []
        for _ in range(samples):  # interleaved, so a burst of load on the shared machine hits both alike
            trivial.append(timed_diff(TRIVIAL / "base.yaml", TRIVIAL / "revision.yaml", cold))
            large_cold.append(timed_diff(old, new, cold))
        timed_diff(old, new, cache)  # fills the cache
        large_warm = [timed_diff(old, new, cache) for _ in range(samples)]
    section.check("trivial pair", "s", trivial, "<=", 0.3)
    section.check("large spec, cold", "s", large_cold, "<=", 0.5)
    section.figure("large spec, warm (parse cache)", "s", large_warm)
    section.notes = [f"- large spec: {origin}", f"- override with {ENV_SPEC}=/path/to/openapi.yaml"]
    return section
