"""Read the hand-written provider specs: load, resolve, validate against, and list their examples and decisions.

Shared by `speclint` (spec rules), `tests/contract` (examples vs schemas) and any tool that needs to walk a
spec the same way. A spec is plain data (`dict` from YAML); locations inside it are JSON pointers
(RFC 6901), so a problem or an example can always be traced back to the line of YAML it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

if TYPE_CHECKING:  # imported where used: the spec diff loads specs and must start fast without jsonschema
    from jsonschema import Draft202012Validator
    from referencing import Registry

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ExampleKind = Literal["request", "response"]
Spec = dict[str, Any]
_SPEC_URI = "urn:sora-video-toolkit:spec"


# libyaml's parser when PyYAML was built with it (about 10x faster on our specs), same safe constructor.
_SafeBase: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SpecLoader(_SafeBase):  # type: ignore[misc]  # a base chosen at import time
    """YAML 1.1 without timestamps: `2026-05-11` in a spec is a string, as in JSON."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_raw(path: Path) -> Any:
    """The YAML document as written: mapping keys keep their YAML type (an unquoted `200:` is an int)."""
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_SpecLoader)  # a (C)SafeLoader subclass: safe


def as_json(node: Any) -> Any:
    """YAML data as JSON data: every mapping key a string (`200` -> `"200"`)."""
    if isinstance(node, dict):
        return {str(key): as_json(value) for key, value in node.items()}
    if isinstance(node, list):
        return [as_json(item) for item in node]
    return node


def load_spec(path: Path) -> Spec:
    """The spec as JSON data (every mapping key a string), ready to resolve and validate against."""
    return _as_spec(load_raw(path), str(path))


def parse_spec(text: str, origin: str) -> Spec:
    """Like `load_spec`, from the text of a spec (e.g. a version read from git); `origin` names it in errors."""
    return _as_spec(yaml.load(text, Loader=_SpecLoader), origin)  # a (C)SafeLoader subclass: safe


def _as_spec(raw: Any, origin: str) -> Spec:
    data = as_json(raw)
    if not isinstance(data, dict):
        raise ValueError(f"{origin}: a spec must be a YAML mapping")
    return data


def provider_id(spec: Mapping[str, Any], path: Path) -> str:
    """`info.x-provider.id`, falling back to the file name (`specs/<provider>.yaml`)."""
    info = spec.get("info")  # any shape: spec-diff reads old revisions, which may be broken
    provider = info.get("x-provider") if isinstance(info, dict) else None
    value = provider.get("id") if isinstance(provider, dict) else None
    return value if isinstance(value, str) and value else path.stem


# The repository root when this file runs from it. The file is also shipped in the wheel as
# sora_sandbox/_speclib.py (a symlink in the repository: one source), so it imports nothing of the generator.
REPO_ROOT = Path(__file__).resolve().parent.parent


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return path.as_posix()


# -- JSON pointers ---------------------------------------------------------------------------------------


def escape(token: str) -> str:
    """One JSON-pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Join reference tokens into a JSON pointer: `pointer("paths", "/a/b", "post")` = `/paths/~1a~1b/post`."""
    return "".join("/" + escape(str(token)) for token in tokens)


def resolve_pointer(spec: Any, ptr: str) -> Any:
    """The value at a JSON pointer; raises KeyError naming the pointer when there is none."""
    node = spec
    for raw in ptr.split("/")[1:] if ptr else []:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(f"{ptr} does not exist in the spec")
    return node


def follow_refs(spec: Spec, node: Any, ptr: str, *, lenient: bool = False) -> tuple[Any, str]:
    """Follow local `$ref`s (`#/...`) until a node without one; returns (node, its pointer).

    Strict by default: a `$ref` cycle or a dangling `$ref` raises KeyError. `lenient=True` is for the
    spec diff, which reads old revisions that may be broken: a cycle gives `{}`, a dangling ref
    `{"x-unresolved-ref": ref}`, and the walk goes on.
    """
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#"):
        ptr = node["$ref"][1:]
        if ptr in seen:
            if lenient:
                return {}, ptr
            raise KeyError(f"$ref cycle through {ptr}")
        seen.add(ptr)
        try:
            node = resolve_pointer(spec, ptr)
        except KeyError:
            if not lenient:
                raise
            return {"x-unresolved-ref": f"#{ptr}"}, ptr
    return node, ptr


# -- validation against a schema location ----------------------------------------------------------------


def registry_for(spec: Spec) -> Registry[Any]:
    """A `referencing` registry holding the whole spec, so `#/components/...` refs resolve inside it."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resource: Resource[Any] = Resource.from_contents(spec, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
    return registry


def validator_for(spec: Spec, schema_pointer: str, registry: Registry[Any] | None = None) -> Draft202012Validator:
    """A Draft 2020-12 validator for the schema at `schema_pointer` (formats are annotations, as in 2020-12)."""
    from jsonschema import Draft202012Validator

    resolve_pointer(spec, schema_pointer)  # fail here, naming the pointer, rather than deep in referencing
    schema = {"$ref": f"{_SPEC_URI}#{schema_pointer}"}
    return Draft202012Validator(schema, registry=registry if registry is not None else registry_for(spec))


# -- examples --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpecExample:
    """One example a spec references (`externalValue`), with the schema it documents."""

    path: Path  # the example file
    provider: str
    owner: str  # operationId, or the webhook name
    kind: ExampleKind  # request: a body sent (to the provider, or to us for a webhook); response: a body received
    status: str | None  # HTTP status for responses
    media_type: str
    schema_pointer: str | None  # JSON pointer of the media type's schema (refs of the body/response followed)
    example_pointer: str  # JSON pointer of the Example Object
    name: str  # the key under `examples:`
    external_value: str | None
    origin: str | None  # x-origin: verbatim | seed | described
    source: str | None  # x-source: the doc URL
    webhook: bool = False

    @property
    def display(self) -> str:
        return display_path(self.path)


@dataclass(frozen=True)
class DocumentationError:
    """A documented example that is wrong as published (top-level `x-documentation-errors`)."""

    path: Path
    provider: str
    entry_pointer: str
    operation_id: str | None
    kind: ExampleKind | None  # from the entry (`kind`) or the file name (`<op>.request.*`, `<op>.response-<status>.*`)
    status: str | None
    schema_pointer: str | None  # the schema the example claims to follow, when it can be found
    source: str | None
    problem: str | None
    file: str | None  # as written in the spec

    @property
    def display(self) -> str:
        return display_path(self.path)


@dataclass(frozen=True)
class Operation:
    """An operation under `paths` (or a webhook's operation) with its pointer."""

    pointer: str
    method: str
    path: str  # URL path, or the webhook name
    node: dict[str, Any]
    webhook: bool
    item_pointer: str  # of the path item (its `$ref` followed), where path-level `parameters` live

    @property
    def owner(self) -> str:
        op_id = self.node.get("operationId")
        return op_id if isinstance(op_id, str) else self.path


# A path template parameter, `{video_id}`: endpoints are matched with their parameter names blanked.
PATH_TEMPLATE = re.compile(r"\{[^}/]*\}")


def endpoint_key(method: str, path: str) -> tuple[str, str]:
    """Method and path with parameter names blanked: what identifies an endpoint on the wire."""
    return method.lower(), PATH_TEMPLATE.sub("{}", path)


def iter_operations(spec: Spec) -> Iterator[Operation]:
    """Every operation of `paths`, then of `webhooks` (path items' `$ref`s followed)."""
    for section, webhook in (("paths", False), ("webhooks", True)):
        items = spec.get(section)
        if not isinstance(items, dict):
            continue
        for url, item in items.items():
            item_node, item_ptr = follow_refs(spec, item, pointer(section, url))
            if not isinstance(item_node, dict):
                continue
            for method in HTTP_METHODS:
                op = item_node.get(method)
                if isinstance(op, dict):
                    yield Operation(item_ptr + pointer(method), method, url, op, webhook, item_ptr)


@dataclass(frozen=True)
class MediaType:
    """One media type of a request body or response, after following the body's/response's `$ref`."""

    operation: Operation
    kind: ExampleKind
    status: str | None
    media_type: str
    pointer: str
    node: dict[str, Any]

    @property
    def schema_pointer(self) -> str | None:
        return self.pointer + "/schema" if isinstance(self.node.get("schema"), dict) else None


def iter_media_types(spec: Spec, op: Operation) -> Iterator[MediaType]:
    """The request body's media types, then each response's, in spec order."""
    body = op.node.get("requestBody")
    if body is not None:
        body_node, body_ptr = follow_refs(spec, body, op.pointer + "/requestBody")
        yield from _media(op, "request", None, body_node, body_ptr)
    responses = op.node.get("responses")
    if isinstance(responses, dict):
        for status, response in responses.items():
            resp_node, resp_ptr = follow_refs(spec, response, op.pointer + pointer("responses", status))
            yield from _media(op, "response", status, resp_node, resp_ptr)


def _media(op: Operation, kind: ExampleKind, status: str | None, node: Any, ptr: str) -> Iterator[MediaType]:
    content = node.get("content") if isinstance(node, dict) else None
    if isinstance(content, dict):
        for media_type, media in content.items():
            if isinstance(media, dict):
                yield MediaType(op, kind, status, media_type, ptr + pointer("content", media_type), media)


def iter_examples(spec: Spec, spec_path: Path) -> Iterator[SpecExample]:
    """Every Example Object under a request body, response or webhook media type."""
    provider = provider_id(spec, spec_path)
    for op in iter_operations(spec):
        for media in iter_media_types(spec, op):
            examples = media.node.get("examples")
            if not isinstance(examples, dict):
                continue
            for name, example in examples.items():
                ex_node, ex_ptr = follow_refs(spec, example, media.pointer + pointer("examples", name))
                if not isinstance(ex_node, dict):
                    continue
                external = ex_node.get("externalValue")
                yield SpecExample(
                    path=(spec_path.parent / external) if isinstance(external, str) else spec_path,
                    provider=provider,
                    owner=op.owner,
                    kind=media.kind,
                    status=media.status,
                    media_type=media.media_type,
                    schema_pointer=media.schema_pointer,
                    example_pointer=ex_ptr,
                    name=name,
                    external_value=external if isinstance(external, str) else None,
                    origin=_str_or_none(ex_node.get("x-origin")),
                    source=_str_or_none(ex_node.get("x-source")),
                    webhook=op.webhook,
                )


_DOC_ERROR_NAME = re.compile(r"^(?P<op>[^.]+)\.(?:(?P<request>request)|response-(?P<status>[1-5][0-9X]{2}))\.")


def iter_documentation_errors(spec: Spec, spec_path: Path) -> Iterator[DocumentationError]:
    """Every `x-documentation-errors` entry, with the schema its example claims to follow (if it can be told)."""
    entries = spec.get("x-documentation-errors")
    if not isinstance(entries, list):
        return
    provider = provider_id(spec, spec_path)
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        file = _str_or_none(entry.get("file"))
        kind, status = _doc_error_target(entry, file)
        op_id = _str_or_none(entry.get("operationId"))
        yield DocumentationError(
            path=spec_path.parent / file if file else spec_path,
            provider=provider,
            entry_pointer=pointer("x-documentation-errors", index),
            operation_id=op_id,
            kind=kind,
            status=status,
            schema_pointer=find_schema_pointer(spec, op_id, kind, status) if op_id and kind else None,
            source=_str_or_none(entry.get("source")),
            problem=_str_or_none(entry.get("problem")),
            file=file,
        )


def _doc_error_target(entry: Mapping[str, Any], file: str | None) -> tuple[ExampleKind | None, str | None]:
    kind, status = entry.get("kind"), entry.get("status")
    if kind in ("request", "response"):
        return kind, str(status) if status is not None else None
    match = _DOC_ERROR_NAME.match(Path(file).name) if file else None
    if match is None:
        return None, None
    return ("request", None) if match["request"] else ("response", match["status"])


def find_schema_pointer(spec: Spec, operation_id: str, kind: ExampleKind, status: str | None) -> str | None:
    """The JSON media type schema of an operation's request body (kind=request) or of one response status."""
    for op in iter_operations(spec):
        if op.owner != operation_id:
            continue
        for media in iter_media_types(spec, op):
            if media.kind == kind and media.status == status and is_json_media_type(media.media_type):
                return media.schema_pointer
    return None


def is_json_media_type(media_type: str) -> bool:
    """`application/json` and `application/*+json` (parameters ignored)."""
    essence = media_type.split(";", 1)[0].strip().lower()
    return essence == "application/json" or (essence.startswith("application/") and essence.endswith("+json"))


# -- decisions -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """One `x-decisions` item: a choice taken where the provider docs are ambiguous."""

    pointer: str  # of the item
    id: str | None
    question: str | None
    decision: str | None
    sources: tuple[Any, ...]


def iter_decisions(spec: Any, ptr: str = "") -> Iterator[Decision]:
    """Every `x-decisions` item anywhere in the spec, in document order."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            child = ptr + pointer(key)
            if key == "x-decisions" and isinstance(value, list):
                for index, item in enumerate(value):
                    yield _decision(item, child + pointer(index))
            else:
                yield from iter_decisions(value, child)
    elif isinstance(spec, list):
        for index, item in enumerate(spec):
            yield from iter_decisions(item, ptr + pointer(index))


def _decision(item: Any, ptr: str) -> Decision:
    item = item if isinstance(item, dict) else {}
    sources = item.get("sources")
    return Decision(
        pointer=ptr,
        id=_str_or_none(item.get("id")),
        question=_str_or_none(item.get("question")),
        decision=_str_or_none(item.get("decision")),
        sources=tuple(sources) if isinstance(sources, list) else (),
    )


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
