"""The provider specs as the sandbox reads them: routes, security, request schemas and openapi-core validators.

Providers are discovered from `specs/*.yaml` (`info.x-provider.id`); routes come from `paths` (prefixed
with the path part of the first server URL), so no route is retyped here. Requests and responses are checked
with openapi-core 0.23.1 through a small `Request`/`Response` protocol shim: the shim reports the spec's
own server origin as `host_url`, so server matching works whatever port the sandbox listens on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from jsonschema.exceptions import ValidationError
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from werkzeug.datastructures import Headers, ImmutableMultiDict

from sandbox._config import EndpointKind
from sandbox._multipart import parse_form

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
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

    def documented_statuses(self) -> set[int]:
        """The HTTP statuses this operation documents."""
        return {int(code) for code in self.node.get("responses", {}) if str(code).isdigit()}


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

    def __init__(self, path: Path) -> None:
        self.path = path
        with path.open(encoding="utf-8") as fh:
            self.document: dict[str, Any] = yaml.safe_load(fh)
        self.provider_id: str = self.document["info"]["x-provider"]["id"]
        # openapi-core 0.23.1 validates OAS 3.1 `format: binary` parts as JSON strings and rejects the bytes its
        # own multipart loader yields (python-openapi/openapi-core#854); file parts are handed over as text.
        # `format: uri` is only checked when a checker is registered (rfc3987 is not installed): register one, so
        # the sandbox rejects what the spec rejects (schemathesis' negative_data_rejection found this).
        config = Config(
            extra_media_type_deserializers={"multipart/form-data": _multipart_as_text},
            extra_format_validators={"uri": is_uri},
        )
        self.openapi = OpenAPI.from_file_path(str(path), config=config)
        self.origin, self.prefix = _server_origin_and_prefix(self.document)
        self.operations: dict[str, Operation] = dict(self._operations())

    def _operations(self) -> Iterator[tuple[str, Operation]]:
        default_security = self.document.get("security", [])
        for spec_path, item in self.document.get("paths", {}).items():
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                node = item[method]
                security = node.get("security", default_security)
                yield (
                    node["operationId"],
                    Operation(
                        provider=self.provider_id,
                        operation_id=node["operationId"],
                        method=method,
                        path=self.prefix + spec_path,
                        secured=any(bool(req) for req in security),
                        node=node,
                    ),
                )

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """Follow local `$ref`s until a real node is reached."""
        while "$ref" in node:
            ref: str = node["$ref"]
            target: Any = self.document
            for part in ref.removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

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
    """Every provider spec in `specs_dir`, keyed by provider id."""
    found: dict[str, ProviderSpec] = {}
    for path in sorted(specs_dir.glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            head = yaml.safe_load(fh)
        if isinstance(head, dict) and "x-provider" in head.get("info", {}):
            spec = ProviderSpec(path)
            found[spec.provider_id] = spec
    return found
