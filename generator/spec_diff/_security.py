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
