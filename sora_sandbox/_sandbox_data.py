"""What the sandbox knows about one provider beyond its spec: the `sandbox:` section of its mapping, checked.

`load_provider_data` reads `specs/mappings/<provider>.yaml`, validates the `sandbox:` section against
`mapping.schema.json` (`$defs/sandbox`) and checks it against the spec (every operation of the spec is served,
every phase of a task has a status word, every action has the data it needs). A provider that fails any check
raises `SandboxDataError` naming the provider and everything missing: the sandbox refuses to start rather than
serve a provider partly or skip it.
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from sora_sandbox._specs import ProviderSpec
from sora_sandbox._tasks import Phase


class Action(enum.StrEnum):
    """What the sandbox does for one operation (the `action` of `sandbox.operations.<operationId>`)."""

    CREATE_TASK = "create_task"  # a new task from the body (idempotency and credits where the data has them)
    GET_TASK = "get_task"  # the caller's task, rendered with the `task` template
    CONTENT = "content"  # the caller's finished task as MP4 bytes (a content endpoint instead of a URL field)
    UPLOAD_FILE = "upload_file"  # a Files API upload, checked against the spec's limits
    GET_FILE = "get_file"  # the caller's uploaded file's record
    CREDITS = "credits"  # the caller's balance (`balance` in the answer template)
    MODEL_CARDS = "model_cards"  # the spec's model cards (`cards` in the answer template)
    ECHO = "echo"  # the answer template over the request body (after the `require` checks)


# Which part of the `sandbox:` section each action needs.
_NEEDS: Mapping[Action, str] = {
    Action.UPLOAD_FILE: "files",
    Action.CREDITS: "credits",
    Action.MODEL_CARDS: "model_cards",
}


class SandboxDataError(Exception):
    """A provider the sandbox cannot serve: the message names the provider and what is missing."""


@dataclass(frozen=True)
class OperationData:
    """How one operation is served."""

    action: Action
    answer: Any = None  # template; None: the action's default answer
    not_found: Mapping[str, Any] = field(default_factory=dict)  # {code, message} for an unknown or foreign id
    require: Mapping[str, str] = field(default_factory=dict)  # body path -> rule name (ECHO)
    reject: Mapping[str, Any] = field(default_factory=dict)  # {code, message} when a rule fails
    let: Mapping[str, Any] = field(default_factory=dict)  # name -> template, rendered once before the answer


@dataclass(frozen=True)
class ProviderData:
    """Everything provider-specific the sandbox uses, from the mapping (see mapping.schema.json `$defs/sandbox`)."""

    provider: str
    key: str
    task_id: str
    model_path: str
    prompt_path: str
    task_id_param: str
    inputs: Mapping[str, Any]
    status_words: Mapping[Phase, str]
    operations: Mapping[str, OperationData]
    errors: Mapping[str, Any]
    task: Any
    created: Any
    idempotency_header: str | None = None
    model_cards: str | None = None
    credits: Mapping[str, Any] | None = None
    files: Mapping[str, Any] | None = None
    error_status: Mapping[str, int] = field(default_factory=dict)


_CANONICAL = {Phase.QUEUED: "queued", Phase.RUNNING: "running", Phase.SUCCEEDED: "succeeded", Phase.FAILED: "failed"}


@functools.cache
def _schema_validator(specs_dir: Path) -> jsonschema.protocols.Validator:
    # Read and built once per specs directory, not once per provider and sandbox start.
    schema = json.loads((specs_dir / "mappings" / "mapping.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator({"$ref": "#/$defs/sandbox", "$defs": schema["$defs"]})


def load_provider_data(spec: ProviderSpec, specs_dir: Path) -> ProviderData:
    """The checked sandbox data of one provider; SandboxDataError lists every problem found."""
    pid = spec.provider_id
    path = specs_dir / "mappings" / f"{pid}.yaml"
    if not path.is_file():
        raise SandboxDataError(f"the sandbox cannot serve {pid}: no mapping {path.name} next to its spec")
    mapping: Mapping[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    section = mapping.get("sandbox")
    if not isinstance(section, Mapping):
        raise SandboxDataError(f"the sandbox cannot serve {pid}: {path.name} has no `sandbox:` section")
    errors = sorted(_schema_validator(specs_dir).iter_errors(section), key=lambda e: [str(p) for p in e.absolute_path])
    problems = [f"{'.'.join(['sandbox', *map(str, error.absolute_path)])}: {error.message}" for error in errors]
    if problems:
        raise SandboxDataError(f"the sandbox cannot serve {pid} ({path.name}): " + "; ".join(problems))
    words = _status_words(mapping, problems)
    operations = {op_id: _operation(entry) for op_id, entry in section["operations"].items()}
    for op_id in spec.operations:
        if op_id not in operations:
            problems.append(f"the spec's operation {op_id} has no sandbox.operations entry")
    for op_id, op in operations.items():
        if op_id not in spec.operations:
            problems.append(f"sandbox.operations.{op_id} is not an operation of the spec")
        needed = _NEEDS.get(op.action)
        if needed is not None and needed not in section:
            problems.append(f"sandbox.operations.{op_id} ({op.action}) needs sandbox.{needed}")
    if not any(op.action is Action.CREATE_TASK for op in operations.values()):
        problems.append("no operation creates a task (action create_task)")
    error_status = _error_status(spec, section.get("errors", {}), problems)
    if problems:
        raise SandboxDataError(f"the sandbox cannot serve {pid} ({path.name}): " + "; ".join(problems))
    request = mapping.get("request", {})
    return ProviderData(
        provider=pid,
        key=section["key"],
        task_id=section["task_id"],
        model_path=str(request.get("model", "model")),
        prompt_path=str(request.get("prompt", "prompt")),
        task_id_param=str(mapping.get("client", {}).get("get", {}).get("task_id_param", "id")),
        inputs=section.get("inputs", {}),
        status_words=words,
        operations=operations,
        errors=section["errors"],
        task=section["task"],
        created=section.get("created", section["task"]),
        idempotency_header=(mapping.get("idempotency") or {}).get("header"),
        model_cards=section.get("model_cards"),
        credits=section.get("credits"),
        files=section.get("files"),
        error_status=error_status,
    )


def _status_words(mapping: Mapping[str, Any], problems: list[str]) -> dict[Phase, str]:
    """The word the sandbox answers for each phase: the first one `statuses.map` lists for its canonical status."""
    status_map: Mapping[str, str] = mapping.get("statuses", {}).get("map", {})
    words: dict[Phase, str] = {}
    for phase, canonical in _CANONICAL.items():
        word = next((w for w, c in status_map.items() if c == canonical), None)
        if word is None:
            problems.append(f"statuses.map has no word for the {canonical} phase")
        else:
            words[phase] = word
    return words


def _operation(entry: Mapping[str, Any]) -> OperationData:
    return OperationData(
        action=Action(entry["action"]),
        answer=entry.get("answer"),
        not_found=entry.get("not_found", {}),
        require=entry.get("require", {}),
        reject=entry.get("reject", {}),
        let=entry.get("let", {}),
    )


def _error_status(spec: ProviderSpec, errors: Mapping[str, Any], problems: list[str]) -> dict[str, int]:
    """Error code -> HTTP status, from the spec node `errors.status_by_code` points at (when it does)."""
    pointer = errors.get("status_by_code")
    if pointer is None:
        return {}
    node: Any = spec.document
    for part in str(pointer).removeprefix("#/").split("/"):
        node = node.get(part) if isinstance(node, Mapping) else None
    if not isinstance(node, Mapping):
        problems.append(f"sandbox.errors.status_by_code {pointer} is not an object in the spec")
        return {}
    return {str(code): int(status) for code, status in node.items() if isinstance(status, int)}
