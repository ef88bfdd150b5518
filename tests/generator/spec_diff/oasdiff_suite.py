"""Read oasdiff's checker tests (Go) and turn each into a Python case: two specs and the changes expected.

Nothing of oasdiff is copied into this project: the Go sources and the YAML fixtures are read at run
time from `<repo>/../shared/third_party/oasdiff` (v1.28.0). For each `func TestXxx` in
`checker/check_*_test.go` the reader finds

- the two specs it opens (`open("../data/...")` and the `deprecationFile(...)`-style helpers);
- the edits the Go test makes to a loaded spec (`s2.Spec.Paths.Value("/pets").Post...Enum = []any{...}`),
  replayed on the parsed YAML by `replay` (a `.Value` without arguments follows a `$ref`, so an edit
  through a shared component changes every user of it, as it does in kin-openapi);
- the level it checks at (`CheckBackwardCompatibilityUntilLevel(..., checker.INFO)`; WARN by default),
  the check it runs alone (`singleCheckConfig(checker.XCheck)`), and the ids it asserts
  (`Id: checker.XId`, `requireChange`, `requireSingleChange`, `require.Empty`, `require.Len(t, errs, 0)`).

A test this reader cannot translate faithfully becomes an `Unported` with the reason, so the list of
what is not compared is computed, never hand-kept.
"""

from __future__ import annotations

import ast
import copy
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[3]
OASDIFF = REPO.parent / "shared" / "third_party" / "oasdiff"
CHECKER = OASDIFF / "checker"

LEVELS = {"ERR": "breaking", "WARN": "warning", "INFO": "info"}
_RANK = {"breaking": 0, "warning": 1, "info": 2}
_HELPER_DIRS = {
    "deprecationFile": "deprecation",
    "paramDeprecationFile": "param-deprecation",
    "requiredPropertyFile": "required-properties",
    "stabilityFile": "stability",
}
_PATH_CONSTS = {
    "securityScorePath": "/api/{domain}/{project}/badges/security-score",
    "securityScorePathSlash": "/api/{domain}/{project}/badges/security-score/",
    "installCommandPath": "/api/{domain}/{project}/install-command",
}
_FIELDS = {
    "Spec": None,
    "Paths": "paths",
    "Components": "components",
    "Schemas": "schemas",
    "Parameters": "parameters",
    "Responses": "responses",
    "RequestBodies": "requestBodies",
    "SecuritySchemes": "securitySchemes",
    "Headers": "headers",
    "RequestBody": "requestBody",
    "Content": "content",
    "Schema": "schema",
    "Properties": "properties",
    "Items": "items",
    "AllOf": "allOf",
    "AnyOf": "anyOf",
    "OneOf": "oneOf",
    "Not": "not",
    "Type": "type",
    "Enum": "enum",
    "ReadOnly": "readOnly",
    "WriteOnly": "writeOnly",
    "MaxLength": "maxLength",
    "MinLength": "minLength",
    "Max": "maximum",
    "Min": "minimum",
    "ExclusiveMax": "exclusiveMaximum",
    "ExclusiveMin": "exclusiveMinimum",
    "MaxItems": "maxItems",
    "MinItems": "minItems",
    "MaxProps": "maxProperties",
    "MinProps": "minProperties",
    "MultipleOf": "multipleOf",
    "UniqueItems": "uniqueItems",
    "Pattern": "pattern",
    "Format": "format",
    "Default": "default",
    "Nullable": "nullable",
    "Deprecated": "deprecated",
    "Required": "required",
    "Description": "description",
    "Summary": "summary",
    "OperationID": "operationId",
    "Tags": "tags",
    "Security": "security",
    "Discriminator": "discriminator",
    "PropertyName": "propertyName",
    "Mapping": "mapping",
    "Flows": "flows",
    "Implicit": "implicit",
    "Password": "password",
    "ClientCredentials": "clientCredentials",
    "AuthorizationCode": "authorizationCode",
    "Scopes": "scopes",
    "Title": "title",
    "Style": "style",
    "Explode": "explode",
    "Name": "name",
    "In": "in",
    "Example": "example",
    "Const": "const",
    "AuthorizationURL": "authorizationUrl",
    "TokenURL": "tokenUrl",
    "XExtensibleEnum": "x-extensible-enum",
}
_GO_STRINGS = frozenset({"pattern", "format", "description", "title", "summary", "operationId", "propertyName"})
_METHODS = ("Get", "Put", "Post", "Delete", "Options", "Head", "Patch", "Trace")
_NEW_SCHEMA = {
    "NewStringSchema": {"type": "string"},
    "NewIntegerSchema": {"type": "integer"},
    "NewInt32Schema": {"type": "integer", "format": "int32"},
    "NewInt64Schema": {"type": "integer", "format": "int64"},
    "NewFloat64Schema": {"type": "number"},
    "NewBoolSchema": {"type": "boolean"},
    "NewObjectSchema": {"type": "object"},
    "NewArraySchema": {"type": "array"},
}


class NotPortable(Exception):
    """Raised while reading a Go test that this reader cannot translate faithfully."""


@dataclass(frozen=True)
class Expected:
    """One change oasdiff's test asserts: rule id and the level rules.go gives it."""

    id: str
    level: str


@dataclass
class Case:
    """One ported Go test: the two documents (edits applied) and what oasdiff expects."""

    name: str
    file: str
    base: dict[str, Any]
    revision: dict[str, Any]
    threshold: str
    check_ids: frozenset[str] | None  # the ids of the single check run, None when all checks run
    expected: list[Expected] = field(default_factory=list)
    exclusive: bool = True  # the test asserts these are all the changes (a count), not only that they occur


@dataclass(frozen=True)
class Unported:
    """A Go test left out, and why."""

    name: str
    file: str
    reason: str


@dataclass(frozen=True)
class Registry:
    """oasdiff's rule registry: id constants, their levels and which check emits them."""

    ids: dict[str, str]  # Go constant -> id string
    levels: dict[str, str]  # id string -> breaking/warning/info
    by_check: dict[str, frozenset[str]]  # check function -> id strings


def available() -> bool:
    """Whether oasdiff's sources are beside the repository."""
    return (CHECKER / "rules.go").is_file()


def registry() -> Registry:
    """Read id constants from checker/*.go and the levels and checks from rules.go."""
    ids: dict[str, str] = {}
    for source in CHECKER.glob("*.go"):
        if source.name.endswith("_test.go"):
            continue
        for const, value in re.findall(r"\b(\w+Id)\s*=\s*\"([^\"]+)\"", source.read_text(encoding="utf-8")):
            ids[const] = value
    levels: dict[str, str] = {}
    by_check: dict[str, set[str]] = {}
    rules = (CHECKER / "rules.go").read_text(encoding="utf-8")
    for const, level, check in re.findall(r"newBackwardCompatibilityRule\((\w+),\s*(ERR|WARN|INFO),\s*(\w+)", rules):
        if const in ids:
            levels[ids[const]] = LEVELS[level]
            by_check.setdefault(check, set()).add(ids[const])
    return Registry(ids, levels, {k: frozenset(v) for k, v in by_check.items()})


def read_suite(reg: Registry) -> tuple[list[Case], list[Unported]]:
    """Every test function of checker/check_*_test.go, ported or with the reason it is not."""
    cases: list[Case] = []
    unported: list[Unported] = []
    for source in sorted(CHECKER.glob("check_*_test.go")):
        for name, body in _functions(source.read_text(encoding="utf-8")):
            try:
                cases.append(_port(name, source.name, body, reg))
            except NotPortable as exc:
                unported.append(Unported(name, source.name, str(exc)))
    return cases, unported


def _functions(text: str) -> Iterator[tuple[str, str]]:
    for match in re.finditer(r"^func (Test\w+)\(t \*testing\.T\) \{\n(.*?)^\}", text, re.M | re.S):
        yield match.group(1), match.group(2)


_LOAD = re.compile(r"^\s*(\w+), (?:err|_) :?= open\((.+)\)\s*$", re.M)
_LOAD_NUMBERED = re.compile(r"^\s*(\w+) :?= l\(t, (\d+)\)\s*$", re.M)  # l(t, 1): ../data/openapi-test1.yaml
_DIFF_NUMBERED = re.compile(r"^\s*errs :?= d\(t, diff\.NewConfig\(\), (\d+), (\d+)\)\s*$", re.M)
_DIFF = re.compile(r"diff\.Get\w*\((.+?), (\w+), (\w+)\)")
_CHECK = re.compile(r"checker\.CheckBackwardCompatibility(UntilLevel)?\((.+?), \w+, \w+(?:, checker\.(\w+))?\)")


def _port(name: str, file: str, body: str, reg: Registry) -> Case:
    if re.search(r"\bfor\b.*\brange\b|t\.Run\(", body):
        raise NotPortable("table-driven (a loop over cases or subtests)")
    numbered = _DIFF_NUMBERED.findall(body)
    if len(numbered) == 1 and not _DIFF.findall(body):
        # d(t, config, v1, v2): both numbered specs, all checks, oasdiff's default level (WARN).
        first, second = (_numbered(v) for v in numbered[0])
        docs = {"base": _load_yaml(first), "revision": _load_yaml(second)}
        return Case(name, file, docs["base"], docs["revision"], "warning", None, _expected(body, reg), _exclusive(body))
    diffs = _DIFF.findall(body)
    checks = _CHECK.findall(body)
    if not diffs and not checks:
        raise NotPortable("tests a helper of the checker (no diff, no check call)")
    if len(diffs) == 1 and not checks:
        raise NotPortable("inspects oasdiff's raw diff report, not the checker's changes")
    if len(diffs) != 1 or len(checks) != 1:
        raise NotPortable(f"several diffs or checks in one test ({len(diffs)} diffs, {len(checks)} checks)")
    config, base_var, revision_var = diffs[0]
    if config.strip() != "diff.NewConfig()":
        raise NotPortable(f"diff option not modelled: {config.strip()}")
    until, check_config, level = checks[0]
    threshold = LEVELS.get(level, "") if until else "warning"
    if not threshold:
        raise NotPortable(f"checks at level {level}")
    check_ids = _check_ids(check_config, reg)
    loads = {var: _spec_path(arg) for var, arg in _LOAD.findall(body)}
    loads |= {var: _numbered(number) for var, number in _LOAD_NUMBERED.findall(body)}
    if base_var not in loads or revision_var not in loads:
        raise NotPortable("a spec is not opened from a file by open(...)")
    docs = {var: _load_yaml(path) for var, path in loads.items()}
    local = _locals(body)
    for line in _edit_lines(body):
        replay(line, docs, local)
    expected = _expected(body, reg)
    return Case(name, file, docs[base_var], docs[revision_var], threshold, check_ids, expected, _exclusive(body))


def _exclusive(body: str) -> bool:
    return bool(re.search(r"require\.(Len|Empty)\(|requireSingle|requireApiChanges\(|ElementsMatch", body))


def _numbered(number: str) -> Path:
    return OASDIFF / "data" / f"openapi-test{number}.yaml"


def _check_ids(config: str, reg: Registry) -> frozenset[str] | None:
    config = config.strip()
    if config == "allChecksConfig()":
        return None
    match = re.fullmatch(r"singleCheckConfig\(checker\.(\w+)\)", config)
    if not match or match.group(1) not in reg.by_check:
        raise NotPortable(f"check configuration not modelled: {config}")
    return reg.by_check[match.group(1)]


def _spec_path(arg: str) -> Path:
    arg = re.sub(r",\s*(loader|newLoaderWithOriginTracking\(\))$", "", arg.strip())
    literal = re.fullmatch(r"\"([^\"]+)\"", arg)
    if literal:
        return (CHECKER / literal.group(1)).resolve()
    helper = re.fullmatch(r"(\w+)\(\"([^\"]+)\"\)", arg)
    if helper and helper.group(1) in _HELPER_DIRS:
        return OASDIFF / "data" / _HELPER_DIRS[helper.group(1)] / helper.group(2)
    raise NotPortable(f"spec path not a literal: open({arg})")


_CACHE: dict[Path, dict[str, Any]] = {}


def _load_yaml(path: Path) -> dict[str, Any]:
    if path not in _CACHE:
        if not path.is_file():
            raise NotPortable(f"fixture missing: {path.name}")
        text = path.read_text(encoding="utf-8")
        if re.search(r"\$ref:\s*['\"]?[\w./-]+\.ya?ml", text):
            raise NotPortable(f"{path.name} uses external $refs (kin-openapi loads several files)")
        loaded = yaml.safe_load(text)
        if not isinstance(loaded, dict):
            raise NotPortable(f"{path.name} is not a mapping")
        _CACHE[path] = _stringify(loaded)
    return copy.deepcopy(_CACHE[path])


def _stringify(node: Any) -> Any:
    """YAML keys as strings (`200:` is the status "200"), dates as strings, as our loader does."""
    if isinstance(node, dict):
        return {str(k): _stringify(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_stringify(v) for v in node]
    if hasattr(node, "isoformat") and not isinstance(node, (int, float, str)):
        return node.isoformat()
    return node


def _locals(body: str) -> dict[str, Any]:
    """`maxLength := uint64(13)` style locals that edits take the address of."""
    found: dict[str, Any] = {}
    for var, expr in re.findall(r"^\s*(\w+) :?= (.+?)\s*$", body, re.M):
        if var in ("s1", "s2", "d", "osm", "errs", "err", "config"):
            continue
        try:
            found[var] = value(expr, found)
        except NotPortable:
            continue
    return found


def _edit_lines(body: str) -> Iterator[str]:
    lines = body.splitlines()
    aliases: dict[str, str] = {}  # `pathParam := s2.Spec.Paths...Value`: later edits go through it
    opaque: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        alias = re.fullmatch(r"(\w+) :?= (s\w*\.Spec\.[^=]+)", line)
        if alias:
            aliases[alias.group(1)] = alias.group(2)
            continue
        if re.match(r"\w+\(s\w*\)\.[^=]* = ", line):
            raise NotPortable(f"edit through a Go helper function: {line}")
        opaque_alias = re.fullmatch(r"(\w+) :?= (\w+)\((?:t, )?s\w*\b.*\)", line)
        if opaque_alias and opaque_alias.group(2) not in ("open", "l", "loadFrom"):
            opaque.add(opaque_alias.group(1))  # `base := responseHeaderSchema(s1)`: a node we cannot locate
            continue
        if re.match(r"(?!deleteParam\b|delete\b|require\.|diff\.|checker\.|open\b|l\b)\w+\((?:t, )?s\d\b", line):
            raise NotPortable(f"edits a spec through a Go helper: {line}")
        head = re.match(r"(\w+)\.", line)
        if head and head.group(1) in opaque:
            raise NotPortable(f"edit through a node a Go helper returned: {line}")
        if head and head.group(1) in aliases:
            line = aliases[head.group(1)] + line[len(head.group(1)) :]
        if not re.match(r"(s\w*)\.Spec\b", line) and not line.startswith(("delete(s", "deleteParam(s")):
            if re.match(r"\w+\.Spec\.", line):
                raise NotPortable(f"edit of a spec not opened by this test: {line}")
            continue
        # A multi-line literal: join until the braces balance.
        while line.count("{") > line.count("}") and index < len(lines):
            line += " " + lines[index].strip()
            index += 1
        yield line


def replay(line: str, docs: dict[str, dict[str, Any]], local: dict[str, Any]) -> None:
    """Apply one Go edit statement to the parsed documents (see the module docstring)."""
    helper = re.fullmatch(r"deleteParam\((.+), (openapi3\.\w+), (\"[^\"]*\")\)", line)
    if helper:  # check_breaking_test.go's deleteParam(op, in, name)
        operation = _navigate(helper.group(1), docs)
        where, name = value(helper.group(2), local), value(helper.group(3), local)
        document = docs[helper.group(1).split(".", 1)[0]]
        kept = [
            p
            for p in operation.get("parameters", [])
            if (_deref(p, document).get("in"), _deref(p, document).get("name")) != (where, name)
        ]
        operation["parameters"] = kept
        return
    deletion = re.fullmatch(r"delete\((.+), (\"[^\"]*\"|\w+)\)", line)
    if deletion:
        parent = _navigate(deletion.group(1).removesuffix(".Map()"), docs)
        parent.pop(str(value(deletion.group(2), local)), None)
        return
    assign = re.fullmatch(r"(.+?) = (.+)", line)
    if not assign:
        call = re.fullmatch(r"(.+)\.Delete\((.+)\)", line)
        if call:
            _navigate(call.group(1), docs).pop(str(value(call.group(2), local)), None)
            return
        raise NotPortable(f"Go statement not replayable: {line}")
    target, expr = assign.group(1), assign.group(2)
    head, _, last = target.rpartition(".")
    parent = _navigate(head, docs)
    new = value(expr, local)
    key_match = re.fullmatch(r"(\w+)\[(.+)\]", last)
    if key_match:  # `.Properties["x"] = schema`, `.Extensions["x-y"] = v`
        container_name, key = key_match.group(1), value(key_match.group(2), local)
        if container_name == "Extensions":
            _set(parent, str(key), new)
            return
        container = _field(parent, container_name, create=True)
        if isinstance(container, list) and isinstance(key, int):
            container[key] = new
        elif isinstance(container, dict):
            _set(container, str(key), new)
        else:
            raise NotPortable(f"cannot index {container_name}: {line}")
        return
    if last == "Extensions":
        for key in [k for k in parent if k.startswith("x-")]:
            del parent[key]
        parent.update(new or {})
        return
    if last == "Value" and isinstance(new, dict):  # `X.Value = schema`: replace the referenced object
        parent.clear()
        parent.update(new)
        return
    if last not in _FIELDS or _FIELDS[last] is None:
        raise NotPortable(f"field {last} not modelled: {line}")
    key = _FIELDS[last]
    assert key is not None
    if key == "type" and isinstance(new, list) and len(new) == 1:
        new = new[0]
    if new == "" and key in _GO_STRINGS:  # a plain Go string field: "" is kin-openapi's "not set"
        new = None
    _set(parent, key, new)


def _set(node: dict[str, Any], key: str, new: Any) -> None:
    if new is None:
        node.pop(key, None)
    else:
        node[key] = new


def _segments(chain: str) -> list[str]:
    parts: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(chain):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "." and depth == 0:
            parts.append(chain[start:index])
            start = index + 1
    parts.append(chain[start:])
    return parts


def _navigate(chain: str, docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    segments = _segments(chain)
    if segments[0] not in docs or segments[1:2] != ["Spec"]:
        raise NotPortable(f"edit target not a loaded spec: {chain}")
    document = docs[segments[0]]
    node: Any = document
    for segment in segments[2:]:
        node = _step(node, segment, document)
    if not isinstance(node, dict):
        raise NotPortable(f"edit target is not an object: {chain}")
    return node


def _deref(node: Any, document: dict[str, Any]) -> Any:
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 20:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise NotPortable(f"external $ref {ref}")
        node = document
        for raw in ref[2:].split("/"):
            node = node[raw.replace("~1", "/").replace("~0", "~")]
        seen += 1
    return node


def _step(node: Any, segment: str, document: dict[str, Any]) -> Any:
    if segment == "Value":
        return _deref(node, document)
    call = re.fullmatch(r"(\w+)\((.*)\)", segment)
    if call:
        method, args = call.group(1), call.group(2)
        if method in ("Value", "Find", "Get") and isinstance(node, dict):
            return _child(node, str(value(args, {})))
        if method == "Status":
            return _child(node, args)
        if method == "Map" and not args:
            return node
        if method == "GetByInAndName" and isinstance(node, list):
            where, name = (value(a.strip(), {}) for a in args.split(",", 1))
            for raw in node:
                param = _deref(raw, document)
                if param.get("in") == where and param.get("name") == name:
                    return param
            raise NotPortable(f"no {where} parameter {name}")
        raise NotPortable(f"call {segment} not modelled")
    index = re.fullmatch(r"(\w+)\[(.+)\]", segment)
    if index:
        container = _field(node, index.group(1), create=False)
        key = value(index.group(2), {})
        if isinstance(container, list) and isinstance(key, int):
            return container[key]
        if isinstance(container, dict):
            return _child(container, str(key))
        raise NotPortable(f"cannot index {segment}")
    if segment in _METHODS:
        return _child(node, segment.lower())
    return _field(node, segment, create=True)


def _child(node: Any, key: str) -> Any:
    if not isinstance(node, dict) or key not in node:
        raise NotPortable(f"no {key!r} where the Go test edits")
    return node[key]


def _field(node: Any, name: str, create: bool) -> Any:
    if name not in _FIELDS or _FIELDS[name] is None or not isinstance(node, dict):
        raise NotPortable(f"field {name} not modelled")
    key = _FIELDS[name]
    assert key is not None
    if key not in node:
        if not create:
            raise NotPortable(f"no {key} where the Go test edits")
        node[key] = [] if key in ("parameters", "tags", "security", "required", "enum") else {}
    return node[key]


def value(expr: str, local: dict[str, Any]) -> Any:
    """A Go expression as Python data, for the literal forms the checker tests use."""
    expr = expr.strip()
    if expr in ("true", "false"):
        return expr == "true"
    if expr == "nil":
        return None
    if expr.startswith("&"):
        return value(expr[1:], local)
    if expr in local:
        return local[expr]
    if expr in _PATH_CONSTS:
        return _PATH_CONSTS[expr]
    if expr.startswith("openapi3.ParameterIn"):
        return expr.removeprefix("openapi3.ParameterIn").lower()
    if re.fullmatch(r"-?\d+(\.\d+)?", expr):
        return ast.literal_eval(expr)
    if re.fullmatch(r"\"(?:[^\"\\]|\\.)*\"", expr):
        return ast.literal_eval(expr)
    conversion = re.fullmatch(r"(?:u?int\d*|float\d*)\((.+)\)", expr)
    if conversion:
        number = value(conversion.group(1), local)
        return float(number) if expr.startswith("float") else number
    to_json = re.fullmatch(r"toJson\(t, (.+)\)", expr)  # a json.RawMessage of a string: the string itself
    if to_json:
        return value(to_json.group(1), local)
    ptr = re.fullmatch(r"(?:openapi3|utils)\.(?:Ptr|BoolPtr|Float64Ptr|Uint64Ptr|NewBoolPtr)\((.+)\)", expr)
    if ptr:
        return value(ptr.group(1), local)
    constructor = re.fullmatch(r"openapi3\.(\w+)\(\)", expr)
    if constructor and constructor.group(1) in _NEW_SCHEMA:
        return dict(_NEW_SCHEMA[constructor.group(1)])
    literal = re.fullmatch(r"(\[\](?:any|interface\{\}|string|int|float64)|openapi3\.Types)\{(.*)\}", expr, re.S)
    if literal:
        return [value(item, local) for item in _split_items(literal.group(2))]
    mapping = re.fullmatch(r"map\[string\](?:any|interface\{\})\{(.*)\}", expr, re.S)
    if mapping:
        result: dict[str, Any] = {}
        for item in _split_items(mapping.group(1)):
            key, _, item_value = item.partition(":")
            result[str(value(key, local))] = value(item_value, local)
        return result
    schema_ref = re.fullmatch(r"openapi3\.SchemaRef\{\s*Value:\s*(.+?),?\s*\}", expr, re.S)
    if schema_ref:
        return value(schema_ref.group(1), local)
    raise NotPortable(f"Go value not modelled: {expr}")


def _split_items(text: str) -> list[str]:
    items: list[str] = []
    depth, start, quoted = 0, 0, False
    for index, char in enumerate(text):
        if char == '"' and (index == 0 or text[index - 1] != "\\"):
            quoted = not quoted
        elif quoted:
            continue
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:index])
            start = index + 1
    items.append(text[start:])
    return [item.strip() for item in items if item.strip()]


def _expected(body: str, reg: Registry) -> list[Expected]:
    # `requireApiChange(t, ApiChange{Id: X}, requireChange(t, errs, X))` names one change twice: an id
    # counts as often as the more frequent of the two ways of asserting it, not their sum.
    literal = Counter(re.findall(r"\bId:\s*checker\.(\w+)", body))
    looked_up = Counter(re.findall(r"(?:requireSingleChange\(t, \w+, |requireChange\(t, \w+, )checker\.(\w+)", body))
    looked_up.update(re.findall(r"require\.Equal\(t, checker\.(\w+), \w+\[\d+\]\.GetId\(\)\)", body))
    consts = [c for c in {**literal, **looked_up} for _ in range(max(literal[c], looked_up[c]))]
    if re.search(r"\bId:\s*\"", body):
        raise NotPortable("asserts an id written as a string")
    expected: list[Expected] = []
    for const in consts:
        if const not in reg.ids:
            raise NotPortable(f"id constant {const} not found in checker/")
        rule_id = reg.ids[const]
        if rule_id not in reg.levels:
            raise NotPortable(f"{rule_id} has no level in rules.go")
        expected.append(Expected(rule_id, reg.levels[rule_id]))
    empty = re.search(r"require\.(Empty|Len)\(t, errs(?:, 0)?\)", body)
    if not expected and not (empty and (empty.group(1) == "Empty" or ", 0)" in empty.group(0))):
        raise NotPortable("asserts no rule id (text, count or sources only)")
    return expected


def rank(level: str) -> int:
    """0 for breaking, 1 for warning, 2 for info."""
    return _RANK[level]


@dataclass
class Score:
    """How one case (or the whole suite) compares: oasdiff's expectations against our changes."""

    expected: int = 0
    exact: int = 0
    breaking_expected: int = 0
    breaking_missed: int = 0  # an expected breaking change with no breaking change of ours for it
    under_levelled: int = 0  # the same id, at a lower level than oasdiff's
    false_alarms: int = 0  # a breaking change of ours that oasdiff does not expect
    details: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Sum another score into this one."""
        for name in ("expected", "exact", "breaking_expected", "breaking_missed", "under_levelled", "false_alarms"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.details.extend(other.details)

    @property
    def exact_percent(self) -> float:
        """Share of oasdiff's expected changes we report with the exact id and level."""
        return 100.0 * self.exact / self.expected if self.expected else 100.0


def score(case: Case, ours: list[tuple[str, str]], reg: Registry, raised: frozenset[str]) -> Score:
    """Compare our (rule, level) pairs with the case's expectations; `raised` are our declared raises."""
    result = Score()
    remaining = list(ours)
    unmatched: list[Expected] = []
    for want in case.expected:
        result.expected += 1
        result.breaking_expected += want.level == "breaking"
        hit = next((pair for pair in remaining if pair[0] == want.id), None)
        if hit is None:
            unmatched.append(want)
            continue
        remaining.remove(hit)
        if hit[1] == want.level:
            result.exact += 1
        else:
            result.details.append(f"{case.name}: {want.id} is {hit[1]}, oasdiff {want.level}")
            if rank(hit[1]) > rank(want.level):
                result.under_levelled += 1
    # What oasdiff's run reports: its threshold, and only the ids of the single check it runs.
    extras = [
        (rule, level)
        for rule, level in remaining
        if rank(level) <= rank(case.threshold)
        and (case.check_ids is None or rule in case.check_ids or rule not in reg.levels)
    ]
    breaking_extras = [pair for pair in extras if pair[1] == "breaking"] if case.exclusive or unmatched else []
    for want in unmatched:
        result.details.append(f"{case.name}: expected {want.id} ({want.level}), ours {extras or 'none'}")
        if want.level == "breaking":
            if breaking_extras:  # caught by the gate under another id
                breaking_extras.pop(0)
            else:
                result.breaking_missed += 1
    for rule, _ in breaking_extras:
        if rule not in raised and case.exclusive:
            result.false_alarms += 1
            result.details.append(f"{case.name}: false alarm {rule}")
    return result
