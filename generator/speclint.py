"""`python -m generator lint-specs`: the project's spec rules (docs/conventions.md), as problems with a level.

Each rule has a short code (`operation-tag`, `request-strict`, ...) so that a failure says which rule broke and
tests can prove each rule on a spec that breaks exactly that one. Problems are values (like the parser of
openapi-python-client returns them), never exceptions: one run lists everything wrong with a spec.
Schema-level rules (strict requests, lenient responses, enums) live in `_speclint_schemas`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator

from generator import _speclib as lib
from generator._speclint_schemas import missing_required, schema_problems

Level = Literal["error", "warning"]

# Where an example's payload came from (`x-origin`): copied verbatim from the provider docs, taken from a
# shared seed, or written from the docs' prose (`described`, kept under examples/<provider>/described/).
EXAMPLE_ORIGINS = ("verbatim", "seed", "described")
_LOWER_CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")
_URL = re.compile(r"https?://\S+")
_HTTP_URL = re.compile(r"^https?://[^\s/]+\S*$")
_DECISION_ID = re.compile(r"^[A-Z](?:[1-9][0-9]*|-x[1-9][0-9]*)$")


@dataclass(frozen=True)
class Problem:
    """One broken rule at one place of one spec."""

    level: Level
    rule: str
    provider: str
    pointer: str  # JSON pointer into the spec ("" = the document)
    message: str

    def render(self, spec_path: Path) -> str:
        where = f"{self.provider}#{self.pointer}"
        return f"{lib.display_path(spec_path)}: {self.level} [{self.rule}] {where}: {self.message}"


class _Collector:
    """Problems of one spec; every rule reports through `error` / `warning`."""

    def __init__(self, provider: str) -> None:
        self.provider = provider
        self.problems: list[Problem] = []

    def error(self, rule: str, ptr: str, message: str) -> None:
        self.problems.append(Problem("error", rule, self.provider, ptr, message))

    def warning(self, rule: str, ptr: str, message: str) -> None:
        self.problems.append(Problem("warning", rule, self.provider, ptr, message))


def required_decisions(spec: Mapping[str, Any]) -> tuple[str, ...]:
    """The ambiguity ids a spec must decide, from its own `info.x-provider.ambiguities` {prefix, count}."""
    declared = spec.get("info", {}).get("x-provider", {}).get("ambiguities")
    if not isinstance(declared, dict) or not isinstance(declared.get("count"), int):
        return ()
    return tuple(f"{declared.get('prefix', '')}{n}" for n in range(1, declared["count"] + 1))


def lint_spec(path: Path, required: Mapping[str, Sequence[str]] | None = None) -> list[Problem]:
    """Every problem of one spec file, in rule order; an empty list means the spec follows the conventions."""
    try:
        raw = lib.load_raw(path)
    except (OSError, yaml.YAMLError) as exc:
        return [Problem("error", "yaml-load", path.stem, "", f"cannot read the spec: {exc}")]
    if not isinstance(raw, dict):
        return [Problem("error", "yaml-load", path.stem, "", "a spec must be a YAML mapping")]
    spec: lib.Spec = lib.as_json(raw)
    out = _Collector(lib.provider_id(spec, path))
    _check_keys(raw, "", out)
    _check_document(spec, out)
    valid = _check_openapi(spec, out)
    if not valid:  # the remaining rules walk refs, which may point nowhere in an invalid spec
        return out.problems
    _check_operations(spec, out)
    _check_examples(spec, path, out)
    _check_example_required(spec, path, out)
    _check_documentation_errors(spec, path, out)
    for level, rule, ptr, message in schema_problems(spec):
        (out.error if level == "error" else out.warning)(rule, ptr, message)
    wanted = required if required is not None else {out.provider: required_decisions(spec)}
    _check_decisions(spec, out, wanted)
    return out.problems


def _check_keys(node: Any, ptr: str, out: _Collector) -> None:
    # An unquoted `200:` is an int key in YAML; openapi-python-client and the validators expect strings.
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                out.error("yaml-keys", ptr, f"mapping key {key!r} is a {type(key).__name__}: quote it ('{key}')")
            _check_keys(value, ptr + lib.pointer(str(key)), out)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _check_keys(item, ptr + lib.pointer(index), out)


def _check_document(spec: lib.Spec, out: _Collector) -> None:
    if spec.get("openapi") != "3.1.0":
        out.error("openapi-version", "/openapi", f"openapi must be '3.1.0', found {spec.get('openapi')!r}")
    provider = spec.get("info", {}).get("x-provider")
    if not isinstance(provider, dict):
        out.error("x-provider", "/info", "info.x-provider {id, display_name, docs} is missing")
        return
    for key in ("id", "display_name"):
        if not isinstance(provider.get(key), str) or not provider[key]:
            out.error("x-provider", "/info/x-provider", f"x-provider.{key} must be a non-empty string")
    docs = provider.get("docs")
    if not isinstance(docs, list) or not docs or not all(isinstance(d, str) and _HTTP_URL.match(d) for d in docs):
        out.error("x-provider", "/info/x-provider/docs", "x-provider.docs must be a non-empty list of http(s) URLs")
    if not spec.get("servers"):
        out.error("x-provider", "/servers", "servers must list the documented host(s)")


def _check_openapi(spec: lib.Spec, out: _Collector) -> bool:
    before = len(out.problems)
    try:
        for err in OpenAPIV31SpecValidator(spec).iter_errors():
            where = lib.pointer(*err.absolute_path)
            out.error("openapi-valid", where, f"OpenAPI 3.1: {err.message}")
    except Exception as exc:  # an unresolvable $ref surfaces as a referencing error
        out.error("openapi-valid", "", f"OpenAPI 3.1: {type(exc).__name__}: {exc}")
    return len(out.problems) == before


def _check_operations(spec: lib.Spec, out: _Collector) -> None:
    schemes = spec.get("components", {}).get("securitySchemes") or {}
    seen: dict[str, str] = {}
    for op in lib.iter_operations(spec):
        if op.webhook:
            continue  # a webhook is a request the provider sends us: no operationId/tag/security of ours
        node, ptr = op.node, op.pointer
        op_id = node.get("operationId")
        if not isinstance(op_id, str):
            out.error("operation-id", ptr, f"{op.method.upper()} {op.path} has no operationId")
        elif not _LOWER_CAMEL.match(op_id):
            out.error("operation-id", ptr + "/operationId", f"operationId {op_id!r} is not lowerCamelCase")
        elif op_id in seen:
            out.error("operation-id", ptr + "/operationId", f"operationId {op_id!r} is already used at {seen[op_id]}")
        else:
            seen[op_id] = ptr
        tags = node.get("tags")
        if not isinstance(tags, list) or len(tags) != 1:
            count = len(tags) if isinstance(tags, list) else 0
            out.error("operation-tag", ptr, f"{op.owner} must have exactly one tag (its client module), found {count}")
        description = node.get("description")
        if not isinstance(description, str) or not _URL.search(description):
            out.error("operation-description", ptr, f"{op.owner} needs a description containing the doc URL")
        _check_security(node, ptr, op.owner, schemes, out)


def _check_security(node: Mapping[str, Any], ptr: str, owner: str, schemes: Mapping[str, Any], out: _Collector) -> None:
    if not schemes:
        return
    if "security" not in node:
        # `security: []` is how an operation documented as public says so; absent means nobody decided.
        out.error("operation-security", ptr, f"{owner} needs operation-level security (or `security: []` if public)")
        return
    for index, requirement in enumerate(node["security"] or []):
        for name in requirement if isinstance(requirement, dict) else ():
            if name not in schemes:
                where = ptr + lib.pointer("security", index)
                out.error("operation-security", where, f"security scheme {name!r} is not in components")


def _check_examples(spec: lib.Spec, path: Path, out: _Collector) -> None:
    for op in lib.iter_operations(spec):
        for media in lib.iter_media_types(spec, op):
            needs = media.kind == "request" or (media.status or "").startswith("2")
            if needs and lib.is_json_media_type(media.media_type) and not media.node.get("examples"):
                what = "request body" if media.kind == "request" else f"response {media.status}"
                out.error("example-required", media.pointer, f"{op.owner}: {what} has no example")
            if "example" in media.node or _inline(media.node):
                out.error("example-fields", media.pointer, f"{op.owner}: examples are referenced, never inlined")
    referenced: set[Path] = set()
    for example in lib.iter_examples(spec, path):
        referenced.add(example.path.resolve())
        _check_example(example, path, out)
    for doc_error in lib.iter_documentation_errors(spec, path):
        referenced.add(doc_error.path.resolve())
    folder = path.parent / "examples" / out.provider
    for file in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if file.is_file() and not file.name.startswith(".") and file.resolve() not in referenced:
            out.error("example-unreferenced", "", f"{lib.display_path(file)} is not referenced by the spec")


def _inline(media: Mapping[str, Any]) -> bool:
    examples = media.get("examples")
    return isinstance(examples, dict) and any(isinstance(ex, dict) and "value" in ex for ex in examples.values())


def _check_example(example: lib.SpecExample, spec_path: Path, out: _Collector) -> None:
    ptr, label = example.example_pointer, f"example {example.name!r} of {example.owner}"
    if example.external_value is None:
        out.error("example-fields", ptr, f"{label} needs externalValue (examples are files, never inlined)")
    elif not example.path.is_file():
        out.error("example-fields", ptr + "/externalValue", f"{label}: {example.external_value} does not exist")
    else:
        expected = f"examples/{example.provider}/"
        if not example.external_value.startswith(expected):
            out.error("example-fields", ptr + "/externalValue", f"{label}: file must be under {expected}")
        in_described = "/described/" in example.external_value
        if in_described != (example.origin == "described"):
            out.error("example-fields", ptr, f"{label}: x-origin described <=> the file is under described/")
        if "/doc-errors/" in example.external_value:
            out.error("example-fields", ptr, f"{label}: doc-errors/ files belong in x-documentation-errors")
        name = Path(example.external_value).name
        prefix = "webhook." if example.webhook else f"{example.owner}.{_kind_token(example)}."
        if not name.startswith(prefix):
            out.warning("example-name", ptr + "/externalValue", f"{label}: file name should start with {prefix!r}")
    if example.source is None or not _HTTP_URL.match(example.source):
        out.error("example-fields", ptr, f"{label} needs x-source: the http(s) URL it was taken from")
    if example.origin not in EXAMPLE_ORIGINS:
        out.error("example-fields", ptr, f"{label}: x-origin must be one of {list(EXAMPLE_ORIGINS)}")


def _check_example_required(spec: lib.Spec, path: Path, out: _Collector) -> None:
    """Response schemas are lenient (docs/conventions.md): none may require a field a documented example lacks.

    A required field that a provider's own example omits makes the generated parser raise KeyError on that very
    payload (Rivya's six-field create response, research 6.1). Incoming bodies count as responses: a
    response's examples and a webhook's. Examples that are missing or not JSON are other rules' and tests' job.
    """
    for example in lib.iter_examples(spec, path):
        incoming = example.kind == "response" or example.webhook
        if not incoming or example.schema_pointer is None or not lib.is_json_media_type(example.media_type):
            continue
        try:
            instance = json.loads(example.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        what = f"webhook {example.owner} body" if example.webhook else f"{example.owner} response {example.status}"
        schema = lib.resolve_pointer(spec, example.schema_pointer)
        for at, name, required_ptr in missing_required(spec, schema, example.schema_pointer, instance):
            where = name if at == "$" else f"{at[2:]}.{name}"
            out.error(
                "response-required",
                required_ptr,
                f"{what}: example {example.display} lacks {where!r}, which the schema requires; "
                "a response schema may require only what every documented example has",
            )


def _kind_token(example: lib.SpecExample) -> str:
    return "request" if example.kind == "request" else f"response-{example.status}"


def _check_documentation_errors(spec: lib.Spec, path: Path, out: _Collector) -> None:
    entries = spec.get("x-documentation-errors")
    if entries is not None and not isinstance(entries, list):
        out.error("doc-error-fields", "/x-documentation-errors", "x-documentation-errors must be a list")
        return
    op_ids = {op.owner for op in lib.iter_operations(spec)}
    for doc_error in lib.iter_documentation_errors(spec, path):
        ptr = doc_error.entry_pointer
        if doc_error.file is None or not doc_error.path.is_file():
            out.error("doc-error-fields", ptr, f"file {doc_error.file!r} does not exist")
        elif not doc_error.file.startswith(f"examples/{out.provider}/doc-errors/"):
            out.error("doc-error-fields", ptr, f"{doc_error.file} must be under examples/{out.provider}/doc-errors/")
        if doc_error.source is None or not _HTTP_URL.match(doc_error.source):
            out.error("doc-error-fields", ptr, "needs source: the http(s) URL of the wrong example")
        if doc_error.problem is None:
            out.error("doc-error-fields", ptr, "needs problem: what is wrong with the published example")
        if doc_error.operation_id not in op_ids:
            out.error("doc-error-fields", ptr, f"operationId {doc_error.operation_id!r} is not an operation")
        elif doc_error.schema_pointer is None:
            out.error(
                "doc-error-fields",
                ptr,
                "cannot tell which schema the example claims to follow: name the file "
                "<operationId>.request.*/<operationId>.response-<status>.* or give kind/status",
            )


def _check_decisions(spec: lib.Spec, out: _Collector, required: Mapping[str, Sequence[str]]) -> None:
    decided: set[str] = set()
    for decision in lib.iter_decisions(spec):
        missing = [name for name in ("id", "question", "decision") if getattr(decision, name) is None]
        if missing:
            out.error("decision-fields", decision.pointer, f"decision lacks {', '.join(missing)}")
        urls = [s for s in decision.sources if isinstance(s, str) and _HTTP_URL.match(s)]
        if not urls:
            out.error("decision-fields", decision.pointer, f"decision {decision.id} needs >=1 http(s) source")
        if decision.id is not None:
            decided.add(decision.id)
            if not _DECISION_ID.match(decision.id):
                out.warning("decision-fields", decision.pointer, f"decision id {decision.id!r} is not like R2 or R-x1")
    for ambiguity in required.get(out.provider, ()):
        if ambiguity not in decided:
            out.error("decision-missing", "", f"ambiguity {ambiguity} has no x-decisions entry")


def iter_problems(paths: Sequence[Path]) -> Iterator[tuple[Path, Problem]]:
    """(spec path, problem) for every spec, in the order given."""
    for path in paths:
        for problem in lint_spec(path):
            yield path, problem


def run_lint(paths: list[Path]) -> int:
    """Print one line per problem and a summary; exit code 1 when any spec has an error."""
    errors = warnings = 0
    for path, problem in iter_problems(paths):
        print(problem.render(path))
        errors += problem.level == "error"
        warnings += problem.level == "warning"
    if not paths:
        print("lint-specs: no spec to lint")
    print(f"lint-specs: {len(paths)} spec(s), {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0
