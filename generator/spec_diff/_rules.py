"""The rule table: every rule id the diff can emit, its level, and whether oasdiff has the same id.

Ids and levels follow oasdiff (checker/rules.go; ERR = breaking, WARN = warning, INFO = info), so a
reader who knows oasdiff reads this changelog without a legend. Three kinds of exception, each
marked in `Rule.note`:

- rules oasdiff does not have (`oasdiff=False`): whole-spec add/remove, the upstream coverage note,
  `x-max-bytes`, `maxItems` on request bodies, and the *open enum* rules. An open enum is this
  project's lenient response pattern `anyOf: [{$ref: XStatus}, {type: string}]` (docs/conventions.md):
  a client already accepts any string, so a new documented value, or closing/opening the enum,
  cannot break it.
- levels raised because of how our clients are generated: the operationId names the generated
  function and the tag names its module (`rivya_client.api.<tag>.<operation_id_snake>`), so
  changing either breaks imports; oasdiff rates both INFO.
- `response-optional-property-removed` is WARN as in oasdiff v1.28.0 (the release our research
  pins, ../shared/research/anchors.md 5.5); later oasdiff heads rate it INFO.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from generator.spec_diff._model import Level

# oasdiff's names for the three levels.
ERR, WARN, INFO = Level.BREAKING, Level.WARNING, Level.INFO


@dataclass(frozen=True)
class Rule:
    """One rule: id, level, whether oasdiff has this id, and why we differ from oasdiff if we do."""

    id: str
    level: Level
    oasdiff: bool
    note: str = ""


_RAISED = "raised from oasdiff INFO: the generated client's import path is made of tag and operationId"
_OPEN_ENUM = "project rule: open enum (anyOf enum + string) accepts any string, docs/conventions.md"

_FIXED: Final[tuple[Rule, ...]] = (
    Rule("spec-added", INFO, False, "project rule: a new specs/<provider>.yaml"),
    Rule("spec-removed", ERR, False, "project rule: a deleted specs/<provider>.yaml removes every endpoint"),
    Rule("upstream-endpoint-not-covered", INFO, False, "project rule: upstream documents it, our spec does not"),
    Rule("endpoint-added", INFO, True),
    Rule("endpoint-deprecated", INFO, True),
    Rule("endpoint-reactivated", INFO, True),
    Rule("api-removed-without-deprecation", ERR, True),
    Rule("api-removed-with-deprecation", INFO, True),
    Rule("api-operation-id-removed", ERR, True, _RAISED),
    Rule("api-operation-id-added", INFO, True),
    Rule("api-tag-removed", ERR, True, _RAISED),
    Rule("api-tag-added", INFO, True),
    Rule("api-security-removed", ERR, True),
    Rule("api-security-added", INFO, True),
    Rule("api-security-scope-added", ERR, True),
    Rule("api-security-scope-removed", INFO, True),
    Rule("webhook-added", INFO, True),
    Rule("webhook-removed", ERR, True),
    Rule("new-required-request-parameter", ERR, True),
    Rule("new-optional-request-parameter", INFO, True),
    Rule("new-request-path-parameter", ERR, True),
    Rule("request-parameter-removed", WARN, True),
    Rule("request-parameter-became-required", ERR, True),
    Rule("request-parameter-became-optional", INFO, True),
    Rule("request-body-added-required", ERR, True),
    Rule("request-body-added-optional", INFO, True),
    Rule("request-body-removed", ERR, True),
    Rule("request-body-became-required", ERR, True),
    Rule("request-body-became-optional", INFO, True),
    Rule("request-body-media-type-added", INFO, True),
    Rule("request-body-media-type-removed", ERR, True),
    Rule("new-required-request-property", ERR, True),
    Rule("new-optional-request-property", INFO, True),
    Rule("request-property-removed", WARN, True),
    Rule("request-property-became-required", ERR, True),
    Rule("request-property-became-optional", INFO, True),
    Rule("response-success-status-removed", ERR, True),
    Rule("response-success-status-added", INFO, True),
    Rule("response-non-success-status-removed", INFO, True),
    Rule("response-non-success-status-added", INFO, True),
    Rule("response-media-type-removed", ERR, True),
    Rule("response-media-type-added", INFO, True),
    Rule("response-required-property-removed", ERR, True),
    Rule("response-optional-property-removed", WARN, True, "WARN as in oasdiff v1.28.0; later heads: INFO"),
    Rule("response-required-property-added", INFO, True),
    Rule("response-optional-property-added", INFO, True),
    Rule("response-property-became-optional", ERR, True),
    Rule("response-property-became-required", INFO, True),
)

# Schema-level aspects: suffix -> (level when the schema is sent by the client, level when received).
_ASPECTS: Final[dict[str, tuple[Level, Level]]] = {
    "type-changed": (ERR, ERR),
    "became-nullable": (INFO, ERR),
    "became-not-nullable": (ERR, INFO),
    "enum-value-removed": (ERR, INFO),
    "enum-value-added": (INFO, WARN),
    "became-enum": (ERR, INFO),
    "became-not-enum": (INFO, WARN),
    "became-open-enum": (INFO, INFO),
    "became-closed-enum": (ERR, INFO),
    "open-enum-value-added": (INFO, INFO),
    "open-enum-value-removed": (INFO, INFO),
    "open-enum-removed": (INFO, INFO),
    "any-of-added": (INFO, ERR),
    "any-of-removed": (ERR, INFO),
    "one-of-added": (INFO, ERR),
    "one-of-removed": (ERR, INFO),
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
    "x-max-bytes": ("max-bytes", True),
}

SCHEMA_PREFIXES: Final = ("request-body", "request-property", "request-parameter", "response-body", "response-property")

# The generated ids that oasdiff also has (checker/rules.go and localizations_src/en/messages.yaml).
_OASDIFF_SCHEMA_IDS: Final = frozenset(
    f"{prefix}-{suffix}"
    for prefixes, suffixes in (
        (
            ("request-body", "request-property", "request-parameter", "response-body", "response-property"),
            ("type-changed", "became-nullable", "became-not-nullable"),
        ),
        (
            ("request-body", "request-property", "response-body", "response-property"),
            ("any-of-added", "any-of-removed", "one-of-added", "one-of-removed"),
        ),
        (("request-property", "request-parameter"), ("enum-value-removed", "enum-value-added")),
        (("response-property",), ("enum-value-added", "enum-value-removed")),
        (("request-body",), ("enum-value-removed", "became-not-enum")),
        (("request-body", "request-property", "request-parameter"), ("became-enum",)),
        (("request-parameter",), ("became-not-enum", "max-items-decreased", "max-items-increased")),
        (
            ("request-body", "request-property", "request-parameter"),
            (
                "max-length-decreased",
                "max-length-increased",
                "max-length-set",
                "min-length-increased",
                "min-length-decreased",
                "max-decreased",
                "max-increased",
                "max-set",
                "min-increased",
                "min-decreased",
                "min-set",
                "min-items-increased",
                "min-items-set",
                "exclusive-max-decreased",
                "exclusive-max-increased",
                "exclusive-max-set",
                "exclusive-min-increased",
                "exclusive-min-decreased",
                "exclusive-min-set",
            ),
        ),
        (("request-property", "request-parameter"), ("min-items-decreased",)),
        (
            ("response-body", "response-property"),
            (
                "max-length-increased",
                "max-length-unset",
                "min-items-decreased",
                "min-items-unset",
                "min-length-decreased",
                "max-increased",
                "min-decreased",
                "exclusive-max-increased",
                "exclusive-min-decreased",
            ),
        ),
    )
    for prefix in prefixes
    for suffix in suffixes
)


def limit_narrows(upper: bool, verb: str) -> bool:
    """Whether moving a bound this way accepts fewer values (`verb`: increased/decreased/set/unset)."""
    return verb == "set" or (verb == "decreased" if upper else verb == "increased")


def _generated() -> Iterator[Rule]:
    for prefix in SCHEMA_PREFIXES:
        sent = prefix.startswith("request")
        for suffix, (request_level, response_level) in _ASPECTS.items():
            rule_id = f"{prefix}-{suffix}"
            note = _OPEN_ENUM if "open-enum" in suffix else ""
            yield Rule(rule_id, request_level if sent else response_level, rule_id in _OASDIFF_SCHEMA_IDS, note)
        for label, upper in LIMITS.values():
            for verb in ("increased", "decreased", "set", "unset"):
                rule_id = f"{prefix}-{label}-{verb}"
                narrows = limit_narrows(upper, verb)
                # A client sending data breaks when the server accepts less; a client receiving
                # data breaks when the server may send more.
                level = ERR if narrows == sent else INFO
                yield Rule(rule_id, level, rule_id in _OASDIFF_SCHEMA_IDS)


RULES: Final[dict[str, Rule]] = {rule.id: rule for rule in (*_FIXED, *_generated())}


def level_of(rule_id: str) -> Level:
    """The level of a rule id; KeyError for an id that is not in the table (a bug in the walker)."""
    return RULES[rule_id].level
