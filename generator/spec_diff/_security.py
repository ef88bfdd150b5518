"""Security requirements compared as oasdiff does: the document's global list apart from each operation's.

A requirement is a set of schemes that must all be satisfied; a list of requirements is a set of
alternatives. `{}` is the anonymous alternative: it is never reported as a security added or
removed itself, but removing a scheme while `{}` remains (or arrives) refuses nobody, so our
`api-security-removed` (breaking by our deviation, see `_rules.DEVIATIONS`) is info then, and so it is
when the global list that now applies still accepts the removed alternative.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.spec_diff._model import JsonPath, Level
from generator.spec_diff._schema import Emitter, show

Alternatives = dict[tuple[str, ...], dict[str, frozenset[str]]]


def alternatives(requirements: Any) -> Alternatives:
    """The requirements keyed by their sorted scheme names; `()` stands for anonymous access."""
    result: Alternatives = {}
    for requirement in requirements if isinstance(requirements, list) else []:
        schemes = {str(k): frozenset(str(s) for s in v or []) for k, v in (requirement or {}).items()}
        result[tuple(sorted(schemes))] = schemes
    return result


def compare(
    emitter: Emitter, old: Mapping[str, Any], new: Mapping[str, Any], path: JsonPath, scope: str, fallback: Any = None
) -> None:
    """Compare the `security` of two nodes (the document for scope `api-global`, else an operation).

    `fallback` is the revision's global security, which applies where an operation declares none.
    """
    if "security" not in old and "security" not in new:
        return
    before, after = alternatives(old.get("security")), alternatives(new.get("security"))
    effective = after if "security" in new else alternatives(fallback)
    anonymous = () in effective or not effective
    old_text = _show(before)
    new_text = _show(after) if "security" in new or scope == "api-global" else f"{_show(effective)} (the global list)"
    for key in sorted(before.keys() - after.keys()):
        if key:
            # Still accepted (anonymously, or through the global list that now applies): nobody is refused.
            level = Level.INFO if anonymous or key in effective or scope == "api-global" else None
            message = f"security {_alt(key)} removed: {old_text} -> {new_text}"
            emitter.emit(f"{scope}-security-removed", path, message, level=level)
    for key in sorted(after.keys() - before.keys()):
        if key:
            emitter.emit(f"{scope}-security-added", path, f"security {_alt(key)} added: {old_text} -> {new_text}")
    for key in sorted(before.keys() & after.keys()):
        for scheme in key:
            for scope_name in sorted(after[key][scheme] - before[key][scheme]):
                message = f"scope {show(scope_name)} now required by {scheme}"
                emitter.emit(f"{scope}-security-scope-added", path, message)
            for scope_name in sorted(before[key][scheme] - after[key][scheme]):
                message = f"scope {show(scope_name)} no longer required by {scheme}"
                emitter.emit(f"{scope}-security-scope-removed", path, message)


def effective(operation: Mapping[str, Any], document: Mapping[str, Any]) -> Alternatives:
    """What a caller must satisfy: the operation's own list, else the document's."""
    return alternatives(operation["security"] if "security" in operation else document.get("security"))


def anonymous_access_removed(emitter: Emitter, before: Alternatives, after: Alternatives, path: JsonPath) -> None:
    """An operation callable without credentials now needs some: every anonymous caller is refused."""
    if (() in before or not before) and not (() in after or not after):
        message = f"anonymous access removed: {_show(before)} -> {_show(after)}"
        emitter.emit("api-anonymous-access-removed", path, message)


def _alt(key: tuple[str, ...]) -> str:
    return "+".join(key) if key else "none (anonymous)"


def _show(found: Alternatives) -> str:
    return " | ".join(_alt(k) for k in sorted(found)) or "none (anonymous)"


def compare_schemes(emitter: Emitter, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    """`components.securitySchemes`: schemes added or removed, their type, OAuth URLs and scopes."""
    before = _schemes(old)
    after = _schemes(new)
    for name in sorted(before.keys() | after.keys()):
        path: JsonPath = ("components", "securitySchemes", name)
        was, now = before.get(name), after.get(name)
        if was is None or now is None:
            verb = "added" if was is None else "removed"
            emitter.emit(f"api-security-component-{verb}", path, f"security scheme {show(name)} {verb}")
            continue
        if was.get("type") != now.get("type"):
            message = f"security scheme {show(name)} type: {show(was.get('type'))} -> {show(now.get('type'))}"
            emitter.emit("api-security-component-type-changed", path, message)
        old_flows, new_flows = _mapping(was.get("flows")), _mapping(now.get("flows"))
        for flow in sorted(old_flows.keys() & new_flows.keys()):
            _flow(emitter, (*path, "flows", flow), name, _mapping(old_flows[flow]), _mapping(new_flows[flow]))


def _flow(emitter: Emitter, path: JsonPath, name: str, old: dict[str, Any], new: dict[str, Any]) -> None:
    for key, rule in (("authorizationUrl", "url"), ("tokenUrl", "token-url")):
        if old.get(key) != new.get(key):
            message = f"{name}: {key} {show(old.get(key))} -> {show(new.get(key))}"
            emitter.emit(f"api-security-component-oauth-{rule}-changed", (*path, key), message)
    old_scopes, new_scopes = _mapping(old.get("scopes")), _mapping(new.get("scopes"))
    for scope in sorted(old_scopes.keys() | new_scopes.keys()):
        if scope not in old_scopes or scope not in new_scopes:
            verb = "added" if scope not in old_scopes else "removed"
            emitter.emit(
                f"api-security-component-oauth-scope-{verb}", (*path, "scopes"), f"{name}: scope {show(scope)} {verb}"
            )
        elif old_scopes[scope] != new_scopes[scope]:
            emitter.emit(
                "api-security-component-oauth-scope-changed", (*path, "scopes"), f"{name}: scope {show(scope)} reworded"
            )


def _schemes(document: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    schemes = _mapping(_mapping(document.get("components")).get("securitySchemes"))
    return {str(k): _mapping(v) for k, v in schemes.items()}


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
