"""Load and check `specs/mappings/<provider>.yaml` against its JSON Schema and against the provider spec.

Produces `ProviderBuild`: the runtime's own `sora_unified._spec.ProviderSpec` (rendered as literals) and the
little the adapter template needs besides (generated modules, request classes, parameter names). Every allowed
value (durations, orientations, quality tiers, watermark switch, prompt length, reference-image limits) is read
from the spec
through the JSON pointers named in the mapping, then translated into the canonical VideoRequest vocabulary
with the mapping's transform; nothing is retyped. Inconsistencies are `MappingError`s naming the file and
the pointer, raised at generate time rather than found by a user at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml
from jsonschema import Draft202012Validator
from openapi_python_client.strings import fix_reserved_words, snake_case

from generator import _speclib as lib
from generator._paths import MAPPINGS_DIR, SPECS_DIR, provider_files
from generator._unified_check import check_provider
from generator._unified_values import (
    FIELD_TYPES,
    canonical_allowed,
    canonical_text,
    check_map_targets,
    enum_values,
    parse_key,
    resolve,
)
from sora_unified._capabilities import ModelCapabilities, PollingGuidance, ReferenceImageLimits
from sora_unified._models import Orientation, Quality, TaskStatus
from sora_unified._spec import (
    ComputedRule,
    ErrorRule,
    FieldRule,
    ModelSpec,
    PollHint,
    ProviderSpec,
    ReferenceRule,
    ResponseRule,
    TimestampPath,
)

SCHEMA_FILE = "mapping.schema.json"


class MappingError(Exception):
    """A mapping that does not validate or does not agree with its spec."""


def field_path(text: str) -> tuple[str | int, ...]:
    """`result.urls.0` -> ("result", "urls", 0)."""
    return tuple(int(part) if part.isdigit() else part for part in text.split("."))


@dataclass(frozen=True)
class ProviderBuild:
    """One provider as the generator renders it: the runtime's own record, plus what only the adapter needs."""

    spec: ProviderSpec  # rendered as literals into sora_providers/<id>.py
    session: dict[str, Any]  # generated modules, request classes and parameter names for <id>_session.py

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def display_name(self) -> str:
        return self.spec.display_name


def _schema_validator(mappings_dir: Path) -> Draft202012Validator:
    schema = json.loads((mappings_dir / SCHEMA_FILE).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _operation(spec: dict[str, Any], operation_id: str, where: str) -> dict[str, Any]:
    for op in lib.iter_operations(spec):
        if not op.webhook and op.node.get("operationId") == operation_id:
            item = lib.resolve_pointer(spec, op.item_pointer)
            params = [resolve(spec, p) for p in (*item.get("parameters", []), *op.node.get("parameters", []))]
            return {"method": op.method, "params": params, "op": op.node}
    raise MappingError(f"{where}: operationId {operation_id!r} is not in the spec")


def _check_module(entry: dict[str, Any], package: str, where: str) -> None:
    module = entry["module"]
    if not module.startswith(package + ".api.") or module.rsplit(".", 1)[1] != snake_case(entry["operation_id"]):
        raise MappingError(f"{where}: module {module!r} is not {package}.api.<tag>.{snake_case(entry['operation_id'])}")


def _param(operation: dict[str, Any], name: str, where: str) -> dict[str, Any]:
    params: list[dict[str, Any]] = operation["params"]
    for param in params:
        if param.get("name") == name:
            return param
    raise MappingError(f"{where}: parameter {name!r} is not declared by the operation")


def _download_operation(spec: dict[str, Any], entry: dict[str, Any], package: str, where: str) -> dict[str, Any]:
    """`download.operation`: a GET of the generated client whose answer is the result file itself."""
    label = f"{where} download.operation"
    _check_module(entry, package, label)
    op = _operation(spec, entry["operation_id"], label)
    if op["method"] != "get":
        raise MappingError(f"{label}: {entry['operation_id']!r} is a {op['method'].upper()}, not a GET")
    param = _param(op, entry["task_id_param"], label)
    return dict(
        entry,
        alias="_download_op",
        param=fix_reserved_words(snake_case(param["name"])),
        positional=param.get("in") == "path",
    )


def _session(spec: dict[str, Any], mapping: dict[str, Any], where: str) -> dict[str, Any]:
    client = mapping["client"]
    package = client["package"]
    session: dict[str, Any] = {"package": package}
    for role in ("submit", "get", "upload"):
        entry = client.get(role)
        if entry is None:
            continue
        _check_module(entry, package, f"{where} client.{role}")
        op = _operation(spec, entry["operation_id"], f"{where} client.{role}")
        info = dict(entry, alias=f"_{role}_op")
        if role == "get":
            param = _param(op, entry["task_id_param"], f"{where} client.get")
            info["param"] = fix_reserved_words(snake_case(param["name"]))
            info["positional"] = param.get("in") == "path"
        session[role] = info
    download = mapping["download"].get("operation")
    if download is not None:
        session["download"] = _download_operation(spec, download, package, where)
    idem = mapping.get("idempotency")
    if idem is not None:
        submit_op = _operation(spec, client["submit"]["operation_id"], where)
        param = _param(submit_op, idem["header"], f"{where} idempotency.header")
        if param.get("in") != "header":
            raise MappingError(f"{where}: idempotency.header {idem['header']!r} is not a header parameter")
        session["idempotency_param"] = fix_reserved_words(snake_case(param["name"]))
    return session


def _default_base_url(spec: dict[str, Any], mapping: dict[str, Any], where: str) -> str | None:
    choice = mapping["base_url"]
    if "required" in choice:
        return None
    servers = spec.get("servers", [])
    if choice["server"] >= len(servers):
        raise MappingError(f"{where}: base_url.server {choice['server']} but the spec has {len(servers)} server(s)")
    server = servers[choice["server"]]
    url: str = server["url"]
    for name, variable in server.get("variables", {}).items():
        url = url.replace("{" + name + "}", str(variable["default"]))
    return url.rstrip("/")


def _int_at(spec: dict[str, Any], pointer: object, where: str) -> int | None:
    if pointer is None:
        return None
    if isinstance(pointer, int):
        return pointer
    value = resolve(spec, {"$ref": pointer})
    if not isinstance(value, int) or isinstance(value, bool):
        raise MappingError(f"{where}: {pointer} is not an integer in the spec")
    return value


def _models(spec: dict[str, Any], mapping: dict[str, Any], where: str) -> list[ModelSpec]:
    rules = mapping["request"]["fields"]
    has_reference = "reference_image" in mapping["request"]
    models: list[ModelSpec] = []
    seen: dict[str, list[object]] = {name: [] for name in FIELD_TYPES}
    for entry in mapping["models"]:
        mwhere = f"{where} model {entry['id']}"
        allowed: dict[str, tuple[object, ...]] = {}
        for name in FIELD_TYPES:
            pointer = entry["allowed"].get(name)
            if (pointer is None) != (name not in rules):
                raise MappingError(f"{mwhere}: field {name!r} needs both a request rule and an allowed pointer")
            if pointer is None:
                allowed[name] = ()
                continue
            try:
                provider_values = enum_values(spec, pointer)
                seen[name] += provider_values
                allowed[name] = canonical_allowed(name, rules[name], provider_values)
            except ValueError as exc:
                raise MappingError(f"{mwhere}: {name}: {exc}") from exc
            if not allowed[name]:
                raise MappingError(f"{mwhere}: no {name} value of {pointer} is reachable through the mapping")
        allowed |= _computed_allowed(spec, mapping, entry, mwhere)
        defaults = dict(entry.get("defaults", {}))
        for name, value in defaults.items():
            if value not in allowed[name]:
                raise MappingError(f"{mwhere}: default {name}={value!r} is not allowed ({allowed[name]})")
        reference: ReferenceImageLimits | None = None
        ref = entry.get("reference_image")
        if ref is not None:
            if not has_reference:
                raise MappingError(f"{mwhere}: reference_image limits but no request.reference_image rule")
            mimes = resolve(spec, {"$ref": ref["mime_types"]}) if "mime_types" in ref else []
            if not isinstance(mimes, list) or not all(isinstance(m, str) for m in mimes):
                raise MappingError(f"{mwhere}: {ref.get('mime_types')} is not a list of MIME types")
            reference = ReferenceImageLimits(
                max_count=_int_at(spec, ref["max_count"], mwhere) or 0,
                accepts_url=mapping["request"]["reference_image"].get("accepts_url", True),
                accepts_file="upload" in mapping["client"],
                max_bytes=_int_at(spec, ref.get("max_bytes"), mwhere),
                mime_types=tuple(mimes),
            )
        capabilities = ModelCapabilities(
            id=entry["id"],
            aliases=tuple(entry.get("aliases", [])),
            durations=cast("tuple[int, ...]", allowed["seconds"]),
            orientations=cast("tuple[Orientation, ...]", allowed["orientation"]),
            qualities=cast("tuple[Quality, ...]", allowed["quality"]),
            watermark=cast("tuple[bool, ...]", allowed["watermark"]),
            prompt_max_length=_int_at(spec, entry.get("prompt_max_length"), mwhere),
            reference_image=reference,
        )
        models.append(ModelSpec(capabilities=capabilities, defaults=defaults))
    for name, rule in rules.items():
        stray = check_map_targets(name, rule, seen[name])
        if stray:
            raise MappingError(f"{where}: request.fields.{name} maps to values no model allows: {stray}")
    return models


def _computed_allowed(
    spec: dict[str, Any], mapping: dict[str, Any], entry: dict[str, Any], where: str
) -> dict[str, tuple[object, ...]]:
    """The canonical values of each computed rule's inputs for one model, from the rows its pointer allows.

    Capabilities are independent tuples per field, so the reachable rows must be their full product.
    """
    rules: dict[str, Any] = mapping["request"].get("computed", {})
    pointers: dict[str, str] = entry.get("computed", {})
    if set(pointers) != set(rules):
        raise MappingError(
            f"{where}: computed pointers {sorted(pointers)} must name every request.computed rule {sorted(rules)}"
        )
    allowed: dict[str, tuple[object, ...]] = {}
    for key, rule in rules.items():
        inputs = rule["from"]
        clash = [name for name in inputs if name in mapping["request"]["fields"] or name in allowed]
        if clash:
            raise MappingError(f"{where}: computed {key!r} takes {clash}, already routed by another rule")
        try:
            provider_values = enum_values(spec, pointers[key])
            rows = [_row_key(inputs, row, where) for row in rule["table"] if row["value"] in provider_values]
        except ValueError as exc:
            raise MappingError(f"{where}: computed {key}: {exc}") from exc
        if not rows:
            raise MappingError(f"{where}: no row of computed {key!r} is allowed by {pointers[key]}")
        per_input = [tuple(dict.fromkeys(row[i] for row in rows)) for i in range(len(inputs))]
        product = 1
        for values in per_input:
            product *= len(values)
        if product != len(set(rows)):
            raise MappingError(
                f"{where}: computed {key!r}: the allowed rows {rows} are not every combination of {per_input} "
                "(capabilities list each field's values independently)"
            )
        missing = [name for name in inputs if name not in entry.get("defaults", {})]
        if missing:
            raise MappingError(
                f"{where}: computed {key!r} needs model defaults for {missing} (used when only some are set)"
            )
        allowed |= dict(zip(inputs, per_input, strict=True))
    return allowed


def _row_key(inputs: list[str], row: dict[str, Any], where: str) -> tuple[object, ...]:
    when = row["when"]
    if set(when) != set(inputs):
        raise ValueError(f"row {when} must give exactly {inputs}")
    return tuple(parse_key(name, canonical_text(when[name])) for name in inputs)


def _computed(mapping: dict[str, Any]) -> tuple[ComputedRule, ...]:
    out = []
    for rule in mapping["request"].get("computed", {}).values():
        table = {
            tuple(canonical_text(row["when"][name]) for name in rule["from"]): row["value"] for row in rule["table"]
        }
        out.append(ComputedRule(to=field_path(rule["to"]), inputs=tuple(rule["from"]), table=table))
    return tuple(out)


def _statuses(spec: dict[str, Any], mapping: dict[str, Any], where: str) -> dict[str, TaskStatus]:
    table = {key.lower(): TaskStatus(value) for key, value in mapping["statuses"]["map"].items()}
    missing = [v for v in enum_values(spec, mapping["statuses"]["documented"]) if str(v).lower() not in table]
    if missing:
        raise MappingError(f"{where}: documented statuses without a synonym: {missing}")
    return table


def _errors(spec: dict[str, Any], mapping: dict[str, Any], where: str) -> ErrorRule:
    errors = mapping["errors"]
    kinds = dict(errors.get("kinds", {}))
    if "documented_codes" in errors:
        documented = set(map(str, enum_values(spec, errors["documented_codes"])))
        unknown = sorted(set(kinds) - documented)
        if unknown:
            raise MappingError(f"{where}: errors.kinds codes not in {errors['documented_codes']}: {unknown}")
    return ErrorRule(
        code=tuple(field_path(p) for p in errors["code"]),
        message=tuple(field_path(p) for p in errors["message"]),
        request_id=tuple(field_path(p) for p in errors.get("request_id", [])),
        request_id_headers=tuple(errors.get("request_id_headers", [])),
        kinds=kinds,
    )


def _reference(mapping: dict[str, Any]) -> ReferenceRule | None:
    ref = mapping["request"].get("reference_image")
    if ref is None:
        return None
    upload = mapping["client"].get("upload")
    return ReferenceRule(
        to=field_path(ref["to"]),
        item=ref["item"],
        as_list=ref.get("list", False),
        when_absent=ref.get("when_absent"),
        has_when_absent="when_absent" in ref,
        upload_url_path=field_path(upload["url_path"]) if upload else None,
        upload_kind=upload["kind"] if upload else None,
    )


def load_provider(spec_path: Path, mapping_path: Path, validator: Draft202012Validator) -> ProviderBuild:
    """One provider's record and adapter data, or MappingError (every cross-check problem at once)."""
    where = mapping_path.name
    mapping = yaml.safe_load(mapping_path.read_text(encoding="utf-8"))
    problems = sorted(validator.iter_errors(mapping), key=lambda e: list(e.absolute_path))
    if problems:
        lines = [f"  /{'/'.join(map(str, p.absolute_path))}: {p.message}" for p in problems]
        raise MappingError(f"{where} does not match {SCHEMA_FILE}:\n" + "\n".join(lines))
    spec = lib.load_spec(spec_path)
    provider = spec.get("info", {}).get("x-provider", {})
    if mapping["provider"] != provider.get("id") or mapping["provider"] != mapping_path.stem:
        raise MappingError(f"{where}: provider {mapping['provider']!r} must equal the file name and info.x-provider.id")
    models = _models(spec, mapping, where)
    defaults = [m["id"] for m in mapping["models"] if m.get("default")]
    if len(defaults) > 1:
        raise MappingError(f"{where}: more than one default model: {defaults}")
    idem = mapping.get("idempotency")
    record = ProviderSpec(
        id=mapping["provider"],
        display_name=provider.get("display_name", mapping["provider"]),
        docs=tuple(provider.get("docs", [])),
        api_key_env=mapping["env"]["api_key"],
        base_url_env=mapping["env"]["base_url"],
        default_base_url=_default_base_url(spec, mapping, where),
        default_model=defaults[0] if defaults else mapping["models"][0]["id"],
        models=tuple(models),
        model_path=field_path(mapping["request"]["model"]),
        prompt_path=field_path(mapping["request"]["prompt"]),
        fields=tuple(
            FieldRule(
                field=name,
                to=field_path(rule["to"]),
                transform=rule.get("transform", "identity"),
                values=dict(rule.get("values", {})),
            )
            for name, rule in mapping["request"]["fields"].items()
        ),
        reference=_reference(mapping),
        constants=tuple((field_path(k), v) for k, v in mapping["request"].get("constants", {}).items()),
        statuses=_statuses(spec, mapping, where),
        response=_response(mapping["response"]),
        errors=_errors(spec, mapping, where),
        polling=PollingGuidance(**{k: float(v) for k, v in mapping["polling"].items() if k in _POLLING_KEYS}),
        idempotency_header=idem["header"] if idem else None,
        client_request_id_path=field_path(idem["client_request_id"]) if idem and "client_request_id" in idem else None,
        download_content_types=tuple(mapping["download"]["content_types"]),
        computed=_computed(mapping),
        poll_hints=tuple(
            PollHint(hint["name"], 0.001 if hint["unit"] == "ms" else 1.0)
            for hint in mapping["polling"].get("hint_headers", [])
        ),
    )
    problems = check_provider(spec, mapping, record, lib.display_path(mapping_path))
    if problems:
        raise MappingError("\n".join(map(str, problems)))
    return ProviderBuild(spec=record, session=_session(spec, mapping, where))


_POLLING_KEYS = ("initial_delay", "min_interval", "max_interval", "backoff_factor", "elapsed_fraction")


def _response(response: dict[str, Any]) -> ResponseRule:
    def paths(key: str) -> tuple[tuple[str | int, ...], ...]:
        return tuple(field_path(p) for p in response.get(key, []))

    def times(key: str) -> tuple[TimestampPath, ...]:
        return tuple(TimestampPath(field_path(t["path"]), t["unit"]) for t in response.get(key, []))

    return ResponseRule(
        id=paths("id"),
        status=paths("status"),
        model=paths("model"),
        progress=paths("progress"),
        video_url=paths("video_url"),
        error_code=paths("error_code"),
        error_message=paths("error_message"),
        created_at=times("created_at"),
        updated_at=times("updated_at"),
    )


def load_providers(specs_dir: Path = SPECS_DIR) -> list[ProviderBuild]:
    """Every provider: each `specs/<p>.yaml` must have `specs/mappings/<p>.yaml` and vice versa."""
    mappings_dir = specs_dir / MAPPINGS_DIR.name
    specs = {p.stem: p for p in provider_files(specs_dir)}
    mappings = {p.stem: p for p in provider_files(mappings_dir)}
    if set(specs) != set(mappings):
        raise MappingError(
            f"every spec needs a mapping and every mapping a spec: specs without mapping "
            f"{sorted(set(specs) - set(mappings))}, mappings without spec {sorted(set(mappings) - set(specs))}"
        )
    validator = _schema_validator(mappings_dir)
    loaded: list[ProviderBuild] = []
    failures: list[str] = []
    for name in sorted(specs):
        # Every provider is checked before failing, so one run reports every problem.
        try:
            loaded.append(load_provider(specs[name], mappings[name], validator))
        except MappingError as exc:
            failures.append(str(exc))
    if failures:
        raise MappingError("\n".join(failures))
    return loaded
