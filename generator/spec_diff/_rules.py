"""The rule table: every rule id the diff can emit, its level, and whether oasdiff has the same id.

An id that oasdiff v1.28.0 has carries oasdiff's level (`_oasdiff_ids.py`, transcribed from its
checker/rules.go; tests/generator/spec_diff/test_rules.py reads rules.go and fails on any other
level), unless `DEVIATIONS` declares that we differ and why; docs/spec-diff-rules.md lists each
deviation with its reason and test. Ids oasdiff does not have are ours (`Rule.oasdiff` is False,
`Rule.note` says why they exist): whole-spec add/remove, mapping rules, `x-max-bytes`, and the
*open enum* rules (this project's lenient response pattern `anyOf: [{$ref: XStatus}, {type: string}]`,
docs/conventions.md: a client already accepts any string, so a new documented value cannot break it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from generator.spec_diff._model import Level
from generator.spec_diff._oasdiff_ids import OASDIFF_LEVELS

# oasdiff's names for the three levels.
ERR, WARN, INFO = Level.BREAKING, Level.WARNING, Level.INFO


@dataclass(frozen=True)
class Rule:
    """One rule: id, level, whether oasdiff has this id, and why we differ from oasdiff (or have it) if so."""

    id: str
    level: Level
    oasdiff: bool
    note: str = ""


_IMPORT_PATH = "the generated client's import path is made of tag and operationId: renaming either breaks imports"

_NEW_VARIANT = (
    "a new anyOf variant in a response is a shape the generated client does not parse; oasdiff itself rates "
    "the same change in oneOf (response-*-one-of-added) breaking"
)

# Where we deliberately rate an oasdiff id differently: id -> (our level, why). Each has a test.
DEVIATIONS: Final[dict[str, tuple[Level, str]]] = {
    "api-operation-id-removed": (ERR, _IMPORT_PATH),
    "api-tag-removed": (ERR, _IMPORT_PATH),
    "api-security-removed": (
        ERR,
        "a client that authenticates only with the removed scheme is refused; info when the revision "
        "allows anonymous access (nothing is refused then)",
    ),
    "api-security-scope-added": (ERR, "a token issued without the new scope is refused with 403"),
    "api-anonymous-access-removed": (
        ERR,
        "ours, beside oasdiff's api-security-added (info): an operation that needed no credentials now needs some, "
        "so every caller without them is refused",
    ),
    "response-body-any-of-added": (ERR, _NEW_VARIANT),
    "response-property-any-of-added": (ERR, _NEW_VARIANT),
}

_OPEN_ENUM = "ours: open enum (anyOf enum + string) accepts any string, docs/conventions.md"
_OPEN_ENUM_REMOVED = (
    "ours: a documented value dropped from an open request enum (a model id) is a value the provider stopped "
    "serving; the open form only keeps our client from refusing new values"
)
_MAPPING = "ours: specs/mappings/*.yaml decide what the unified layer sends and accepts"

# Rules of our own: id -> (level, why it exists).
_OURS: Final[dict[str, tuple[Level, str]]] = {
    "spec-added": (INFO, "ours: a new specs/<provider>.yaml"),
    "spec-removed": (ERR, "ours: a deleted specs/<provider>.yaml removes every endpoint"),
    "upstream-endpoint-not-covered": (INFO, "ours: upstream documents it, our spec does not"),
    "mapping-added": (INFO, _MAPPING),
    "mapping-removed": (ERR, _MAPPING),
    "mapping-default-changed": (
        ERR,
        f"{_MAPPING}; a new default changes what a caller who leaves the field unset pays for",
    ),
    "mapping-allowed-value-removed": (ERR, f"{_MAPPING}; a request that passed validation is now refused"),
    "mapping-allowed-value-added": (INFO, _MAPPING),
    "mapping-field-changed": (ERR, f"{_MAPPING}; the value is now sent under another field or form"),
    "mapping-field-added": (INFO, _MAPPING),
    "mapping-field-removed": (ERR, f"{_MAPPING}; a value the caller sets is no longer sent"),
    "mapping-status-changed": (ERR, f"{_MAPPING}; a provider status now maps to another TaskStatus"),
    "mapping-status-added": (INFO, _MAPPING),
    "mapping-status-removed": (WARN, f"{_MAPPING}; that provider status is now reported as unknown"),
    "mapping-polling-changed": (INFO, f"{_MAPPING}; how often wait() polls"),
    "mapping-changed": (WARN, f"{_MAPPING}; another setting that decides what is sent or read"),
}

_FIXED: Final[tuple[str, ...]] = (
    "endpoint-added",
    "endpoint-deprecated",
    "endpoint-reactivated",
    "endpoint-deprecated-with-sunset",
    "api-removed-before-sunset",
    "api-path-removed-without-deprecation",
    "api-path-removed-with-deprecation",
    "api-path-removed-before-sunset",
    "api-path-sunset-parse",
    "sunset-deleted",
    "api-removed-without-deprecation",
    "api-removed-with-deprecation",
    "api-operation-id-removed",
    "api-operation-id-added",
    "api-tag-removed",
    "api-tag-added",
    "api-security-removed",
    "api-security-added",
    "api-anonymous-access-removed",
    *(f"api-security-component-{change}" for change in ("added", "removed", "type-changed")),
    *(f"api-security-component-oauth-{change}" for change in ("url-changed", "token-url-changed")),
    *(f"api-security-component-oauth-scope-{change}" for change in ("added", "removed", "changed")),
    "api-security-scope-added",
    "api-security-scope-removed",
    "api-global-security-removed",
    "api-global-security-added",
    "api-global-security-scope-added",
    "api-global-security-scope-removed",
    "webhook-added",
    "webhook-removed",
    "new-required-request-parameter",
    "new-optional-request-parameter",
    "new-request-path-parameter",
    "request-parameter-removed",
    "request-parameter-removed-with-deprecation",
    "request-parameter-removed-before-sunset",
    "request-parameter-sunset-parse",
    "request-parameter-sunset-deleted",
    "api-invalid-stability-level",
    "api-stability-decreased",
    "api-stability-increased",
    "request-parameter-became-required",
    "request-parameter-became-optional",
    "request-parameter-deprecated",
    "request-parameter-reactivated",
    "request-body-added-required",
    "request-body-added-optional",
    "request-body-removed",
    "request-body-became-required",
    "request-body-became-optional",
    "request-body-media-type-added",
    "request-body-media-type-removed",
    "new-required-request-property",
    "new-required-request-property-with-default",
    "new-optional-request-property",
    "request-property-removed",
    "request-property-became-required",
    "request-property-became-required-with-default",
    "request-property-became-optional",
    "request-header-property-became-enum",
    "request-header-property-became-required",
    "new-required-request-header-property",
    "request-read-only-property-enum-value-removed",
    "request-read-only-property-max-length-decreased",
    "request-read-only-property-max-decreased",
    "request-read-only-property-min-increased",
    "request-read-only-property-exclusive-max-decreased",
    "request-read-only-property-exclusive-min-increased",
    "response-success-status-removed",
    "response-success-status-added",
    "response-non-success-status-removed",
    "response-non-success-status-added",
    "response-media-type-removed",
    "response-media-type-added",
    "response-required-property-removed",
    "response-optional-property-removed",
    "response-required-property-added",
    "response-optional-property-added",
    "response-required-write-only-property-removed",
    "response-optional-write-only-property-removed",
    "response-required-write-only-property-added",
    "response-optional-write-only-property-added",
    "response-property-became-optional",
    "response-property-became-required",
    "response-write-only-property-became-optional",
    "response-write-only-property-became-required",
    "response-write-only-property-enum-value-added",
    "response-header-added",
    "required-response-header-removed",
    "optional-response-header-removed",
    "response-header-became-optional",
    *(
        f"{side}-{state}-property-became-{flag}"
        for side in ("request", "response")
        for state in ("required", "optional")
        for flag in ("read-only", "not-read-only", "write-only", "not-write-only")
    ),
)

# Schema-level aspects: suffix -> (level when the client sends the schema, level when it receives it).
# The level used is oasdiff's wherever oasdiff has the id; these are ours for the other prefixes.
_ASPECTS: Final[dict[str, tuple[Level, Level]]] = {
    "type-changed": (ERR, ERR),
    "type-generalized": (INFO, ERR),
    "type-specialized": (ERR, INFO),
    "type-compatible": (INFO, INFO),
    "list-of-types-widened": (INFO, ERR),
    "list-of-types-narrowed": (ERR, INFO),
    "became-nullable": (INFO, ERR),
    "became-not-nullable": (ERR, INFO),
    "enum-value-removed": (ERR, INFO),
    "enum-value-added": (INFO, WARN),
    "became-enum": (ERR, INFO),
    "became-not-enum": (INFO, WARN),
    "became-open-enum": (INFO, INFO),
    "became-closed-enum": (ERR, INFO),
    "open-enum-value-added": (INFO, INFO),
    "open-enum-value-removed": (ERR, INFO),
    "open-enum-removed": (INFO, INFO),
    "x-extensible-enum-value-removed": (ERR, INFO),
    "any-of-added": (INFO, ERR),
    "any-of-removed": (ERR, INFO),
    "one-of-added": (INFO, ERR),
    "one-of-removed": (ERR, INFO),
    "wrapped-in-one-of": (ERR, ERR),
    "all-of-added": (ERR, INFO),
    "all-of-removed": (WARN, INFO),
    "all-of-added-annotation-only": (INFO, INFO),
    "all-of-removed-annotation-only": (INFO, INFO),
    "default-value-added": (INFO, INFO),
    "default-value-changed": (INFO, INFO),
    "default-value-removed": (INFO, INFO),
    "pattern-added": (ERR, INFO),
    "pattern-changed": (WARN, INFO),
    "pattern-removed": (INFO, INFO),
    "const-added": (ERR, INFO),
    "const-changed": (ERR, ERR),
    "const-removed": (INFO, ERR),
    "discriminator-added": (INFO, INFO),
    "discriminator-removed": (INFO, INFO),
    "discriminator-property-name-changed": (INFO, INFO),
    "discriminator-mapping-added": (INFO, INFO),
    "discriminator-mapping-deleted": (INFO, INFO),
    "discriminator-mapping-changed": (INFO, INFO),
    "contains-added": (ERR, INFO),
    "contains-removed": (INFO, ERR),
    "dependent-required-added": (ERR, INFO),
    "dependent-required-changed": (ERR, ERR),
    "dependent-required-removed": (INFO, ERR),
    "pattern-property-added": (ERR, INFO),
    "pattern-property-removed": (INFO, ERR),
    "unevaluated-items-added": (ERR, INFO),
    "unevaluated-items-removed": (INFO, ERR),
    "unevaluated-properties-added": (ERR, INFO),
    "unevaluated-properties-removed": (INFO, ERR),
    "if-added": (ERR, INFO),
    "if-removed": (INFO, ERR),
    "then-added": (ERR, INFO),
    "then-removed": (INFO, ERR),
    "else-added": (ERR, INFO),
    "else-removed": (INFO, ERR),
    "prefix-items-added": (INFO, ERR),
    "prefix-items-removed": (ERR, INFO),
    "property-names-added": (ERR, INFO),
    "property-names-removed": (INFO, ERR),
    "dependent-schema-added": (ERR, INFO),
    "dependent-schema-removed": (INFO, ERR),
    "not-added": (ERR, INFO),
    "not-removed": (INFO, ERR),
    "not-changed": (WARN, WARN),
    "deprecated": (INFO, INFO),
    "deprecated-with-sunset": (INFO, INFO),
    "pattern-generalized": (INFO, INFO),
    "reactivated": (INFO, INFO),
}

# Limits: keyword -> (label in the rule id, True for an upper bound).
LIMITS: Final[dict[str, tuple[str, bool]]] = {
    "maxLength": ("max-length", True),
    "minLength": ("min-length", False),
    "maxItems": ("max-items", True),
    "minItems": ("min-items", False),
    "maximum": ("max", True),
    "minimum": ("min", False),
    "exclusiveMaximum": ("exclusive-max", True),
    "exclusiveMinimum": ("exclusive-min", False),
    "maxContains": ("max-contains", True),
    "minContains": ("min-contains", False),
    "x-max-bytes": ("max-bytes", True),
}

SCHEMA_PREFIXES: Final = (
    "request-body",
    "request-property",
    "request-parameter",
    "request-parameter-property",
    "response-body",
    "response-property",
    "response-header",
)


def limit_narrows(upper: bool, verb: str) -> bool:
    """Whether moving a bound this way accepts fewer values (`verb`: increased/decreased/set/unset)."""
    return verb == "set" or (verb == "decreased" if upper else verb == "increased")


def _candidates() -> Iterator[tuple[str, Level, str]]:
    """Every id the walker can emit, with the level we would give it on our own and a note."""
    for rule_id, (level, note) in _OURS.items():
        yield rule_id, level, note
    for rule_id in _FIXED:
        yield rule_id, INFO, ""
    for prefix in SCHEMA_PREFIXES:
        sent = prefix.startswith("request")
        for suffix, (request_level, response_level) in _ASPECTS.items():
            note = _OPEN_ENUM if "open-enum" in suffix else ""
            if suffix == "open-enum-value-removed" and sent:
                note = _OPEN_ENUM_REMOVED
            yield f"{prefix}-{suffix}", request_level if sent else response_level, note
        for label, upper in LIMITS.values():
            for verb in ("increased", "decreased", "set", "unset"):
                # A client sending data breaks when the server accepts less; a client receiving
                # data breaks when the server may send more.
                level = ERR if limit_narrows(upper, verb) == sent else INFO
                yield f"{prefix}-{label}-{verb}", level, ""


def _table() -> dict[str, Rule]:
    table: dict[str, Rule] = {}
    for rule_id, own_level, note in _candidates():
        if rule_id in table:
            continue
        if rule_id in DEVIATIONS:
            level, reason = DEVIATIONS[rule_id]
            if rule_id in OASDIFF_LEVELS:
                note = f"deviation from oasdiff {OASDIFF_LEVELS[rule_id].name}: {reason}"
                table[rule_id] = Rule(rule_id, level, True, note)
            else:
                table[rule_id] = Rule(rule_id, level, False, f"stricter than oasdiff: {reason}")
        elif rule_id in OASDIFF_LEVELS:
            table[rule_id] = Rule(rule_id, OASDIFF_LEVELS[rule_id], True)
        else:
            table[rule_id] = Rule(rule_id, own_level, False, note or "ours: no such id in oasdiff v1.28.0")
    return table


RULES: Final[dict[str, Rule]] = _table()


def level_of(rule_id: str) -> Level:
    """The level of a rule id; KeyError for an id that is not in the table (a bug in the walker)."""
    return RULES[rule_id].level
