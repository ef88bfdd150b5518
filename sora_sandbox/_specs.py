"""The provider specs as the sandbox reads them: routes, security, request schemas and openapi-core validators.

Providers are discovered (every `<specs_dir>/*.yaml`), loaded and walked with the generator's own spec library
(`generator/_speclib.py`, shipped as `sora_sandbox/_speclib.py`, a symlink in the repository: one YAML parse
per spec, the same `$ref` rules as speclint and the contract tests); routes come from `paths` (prefixed with
the path part of the first server URL), so no route is retyped here. Requests and responses are checked with
openapi-core 0.23.1, built from the already-parsed spec, through a small `Request`/`Response` protocol shim:
the shim reports the spec's own server origin as `host_url`, so server matching works whatever port the
sandbox listens on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema.exceptions import ValidationError
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from werkzeug.datastructures import Headers, ImmutableMultiDict

from sora_sandbox import _speclib
from sora_sandbox._config import EndpointKind
from sora_sandbox._multipart import parse_form

_VAR = re.compile(r"\{([^}]+)\}")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")  # RFC 3986 characters


@dataclass(frozen=True)
class Operation:
    """One operation of a provider spec, with the path the sandbox serves it on."""

    provider: str
    operation_id: str
    method: str
    path: str
    secured: bool
    node: Mapping[str, Any] = field(repr=False)

    @property
    def endpoint_kind(self) -> EndpointKind:
        """POST operations create something; every other operation reads."""
        return EndpointKind.CREATE if self.method == "post" else EndpointKind.STATUS


@dataclass
class ShimRequest:
    """openapi-core `Request` protocol over the parts of a starlette request the validators need."""

    host_url: str
    path: str
    method: str
    parameters: RequestParameters
    body: bytes | None
    content_type: str


@dataclass
class ShimResponse:
    """openapi-core `Response` protocol over a reply the sandbox is about to send."""

    status_code: int
    content_type: str
    headers: Headers
    data: bytes | None


class ProviderSpec:
    """A loaded provider spec: its operations, schema look-ups and openapi-core validators."""

    def __init__(self, path: Path, document: _speclib.Spec) -> None:
        self.path = path
        self.document = document
        self.provider_id = _speclib.provider_id(document, path)
        # openapi-core 0.23.1 validates OAS 3.1 `format: binary` parts as JSON strings and rejects the bytes its
        # own multipart loader yields (python-openapi/openapi-core#854); file parts are handed over as text.
        # `format: uri` is only checked when a checker is registered (rfc3987 is not installed): register one, so
        # the sandbox rejects what the spec rejects (schemathesis' negative_data_rejection found this).
        config = Config(
            extra_media_type_deserializers={"multipart/form-data": _multipart_as_text},
            extra_format_validators={"uri": is_uri},
        )
        # One parse: openapi-core gets the document already loaded, with the base URI `from_file_path` would set.
        self.openapi = OpenAPI.from_dict(document, base_uri=path.resolve().as_uri(), config=config)
        self.origin, self.prefix = _server_origin_and_prefix(document)
        self.operations: dict[str, Operation] = dict(self._operations())

    @classmethod
    def load(cls, path: Path) -> ProviderSpec:
        """Parse `path` once (`_speclib.load_spec`) and build everything from that document."""
        return cls(path, _speclib.load_spec(path))

    def _operations(self) -> Iterator[tuple[str, Operation]]:
        default_security: list[Any] = self.document.get("security") or []
        for op in _speclib.iter_operations(self.document):
            if op.webhook:
                continue  # webhooks are calls a provider makes, not routes it serves
            security: list[Any] = op.node.get("security", default_security)
            yield (
                op.owner,
                Operation(
                    provider=self.provider_id,
                    operation_id=op.owner,
                    method=op.method,
                    path=self.prefix + op.path,
                    secured=any(bool(req) for req in security),
                    node=op.node,
                ),
            )

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """Follow local `$ref`s until a real node is reached."""
        target, _ = _speclib.follow_refs(self.document, node, "")
        resolved: Mapping[str, Any] = target
        return resolved

    def request_schema(self, operation_id: str) -> Mapping[str, Any]:
        """The (resolved) schema of the operation's first request body media type."""
        body = self.resolve(self.operations[operation_id].node.get("requestBody", {}))
        for media in body.get("content", {}).values():
            return self.resolve(media.get("schema", {}))
        return {}

    def schema_nodes(self, schema: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
        """Every sub-schema reachable from `schema` (properties, items, combinators), refs resolved."""
        seen: set[int] = set()
        stack = [schema]
        while stack:
            node = self.resolve(stack.pop())
            if id(node) in seen:
                continue
            seen.add(id(node))
            yield node
            stack.extend(node.get("properties", {}).values())
            for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
                stack.extend(node.get(key, []))
            for key in ("items", "additionalProperties", "not"):
                if isinstance(node.get(key), Mapping):
                    stack.append(node[key])

    def request_property(self, operation_id: str, name: str) -> Mapping[str, Any]:
        """The first schema of a property called `name` anywhere in the request body, merged over `allOf`."""
        for node in self.schema_nodes(self.request_schema(operation_id)):
            prop = node.get("properties", {}).get(name)
            if prop is not None:
                return self.resolve(prop)
        return {}

    def documented_default(self, operation_id: str, name: str) -> Any:
        """`x-documented-default` of a request property (conventions: defaults are never `default:`)."""
        prop = self.request_property(operation_id, name)
        for node in self.schema_nodes(prop):
            if "x-documented-default" in node:
                return node["x-documented-default"]
        return None

    def validate_request(self, request: ShimRequest) -> str | None:
        """None when the request conforms to the spec, else a readable reason."""
        try:
            self.openapi.validate_request(request)
        except Exception as exc:  # openapi-core raises a family of unrelated exception classes
            return describe_validation_error(exc)
        return None

    def validate_response(self, request: ShimRequest, response: ShimResponse) -> str | None:
        """None when the response conforms to the spec, else a readable reason."""
        try:
            self.openapi.validate_response(request, response)
        except Exception as exc:
            return describe_validation_error(exc)
        return None


def describe_validation_error(exc: BaseException) -> str:
    """A short reason from an openapi-core error: its headline, then each JSON Schema error with its path.

    openapi-core's own text repeats the whole request value, which can be a 10,000-character prompt.
    """
    headline = _safe_str(exc).split(":", 1)[0]
    details: list[str] = []
    cause: BaseException | None = exc.__cause__
    while cause is not None:
        if isinstance(cause, InvalidSchemaValue):
            for error in cause.schema_errors:
                assert isinstance(error, ValidationError)
                where = "/".join(map(str, error.absolute_path)) or "<body>"
                details.append(f"{where}: {_shorten(error.message)}")
        elif not details:
            details.append(_shorten(_safe_str(cause)))
        cause = cause.__cause__
    return "; ".join([headline, *details])


def _safe_str(exc: BaseException) -> str:
    # Some openapi-core errors decode the raw body as UTF-8 in __str__ and raise on binary garbage.
    try:
        return str(exc)
    except UnicodeDecodeError:
        return type(exc).__name__


def _shorten(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def is_uri(value: object) -> bool:
    """RFC 3986 absolute URI: a scheme, a colon, only URI characters (non-strings are left to the type check)."""
    return not isinstance(value, str) or _URI.match(value) is not None


def _multipart_as_text(value: bytes, **parameters: str) -> Mapping[str, Any]:
    """openapi-core media deserializer for multipart/form-data: every part as str (files decoded latin-1)."""
    content_type = f'multipart/form-data; boundary="{parameters.get("boundary", "")}"'
    fields = parse_form(content_type, value)
    return ImmutableMultiDict(
        [(name, v if isinstance(v, str) else v.data.decode("latin-1")) for name, v in fields.items()]
    )


def _server_origin_and_prefix(document: Mapping[str, Any]) -> tuple[str, str]:
    """The first server URL rendered with its variable defaults, split into origin and path prefix."""
    servers = document.get("servers") or [{"url": "/"}]
    server = servers[0]
    variables = server.get("variables", {})
    url = _VAR.sub(lambda m: str(variables.get(m.group(1), {}).get("default", "")), server["url"])
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else "http://127.0.0.1"
    return origin, parts.path.rstrip("/")


def shim_request(spec: ProviderSpec, method: str, path: str, query: Any, headers: Any, body: bytes) -> ShimRequest:
    """The openapi-core view of one incoming request (starlette query params and headers work as-is)."""
    return ShimRequest(
        host_url=spec.origin,
        path=path,
        method=method.lower(),
        parameters=RequestParameters(query=query, header=headers, cookie=ImmutableMultiDict()),
        body=body or None,
        content_type=headers.get("content-type") or "application/octet-stream",
    )


def load_specs(specs_dir: Path) -> dict[str, ProviderSpec]:
    """Every provider spec in `specs_dir` (`specs/*.yaml`), keyed by provider id."""
    specs = (ProviderSpec.load(path) for path in sorted(specs_dir.glob("*.yaml")))
    return {spec.provider_id: spec for spec in specs}
