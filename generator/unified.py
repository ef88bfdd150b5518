"""Render `sora_providers`, the thin layer between the runtime `sora_unified` and the generated clients.

`render_specs(specs_dir, out_dir)` loads every `<specs_dir>/<provider>.yaml` with its
`<specs_dir>/mappings/<provider>.yaml` (validated against `mapping.schema.json` and cross-checked against the
spec by `_unified_mapping`), then renders `generator/templates/layer/`: `provider.py.jinja` and
`session.py.jinja` once per provider (its record, as literals, and its adapter onto the generated client,
imported statically so mypy checks it), and `__init__.py.jinja` once (the registry the runtime reads).
Nothing else is rendered: the runtime is hand-written Python in `sora_unified/`.

Headers, formatting and the manifest are added by the caller (`generator._render`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator._paths import LAYER_TEMPLATES_DIR
from generator._unified_mapping import MappingError, ProviderBuild, load_providers

__all__ = ["MappingError", "render_specs"]

# Per provider: its record (`<id>.py`) and its adapter (`<id>_session.py`).
RECORD_TEMPLATE, SESSION_TEMPLATE = "provider.py.jinja", "session.py.jinja"


def py(value: Any) -> str:
    """A Python literal for JSON-like data (dicts, lists, tuples, scalars), deterministic."""
    return Literal().render(value)


class Literal:
    """Renders the runtime's records as Python source: NamedTuples and dataclasses as `Name(field=...)`, enum
    members as `Name.MEMBER`, containers and scalars as literals; `imports` collects the classes it named."""

    def __init__(self) -> None:
        self.imports: dict[str, set[str]] = {}

    def _name(self, kind: type) -> str:
        self.imports.setdefault(kind.__module__, set()).add(kind.__name__)
        return kind.__name__

    def render(self, value: Any) -> str:
        if isinstance(value, Enum):
            return f"{self._name(type(value))}.{value.name}"
        if isinstance(value, tuple) and hasattr(value, "_fields"):
            args = ", ".join(f"{name}={self.render(getattr(value, name))}" for name in value._fields)
            return f"{self._name(type(value))}({args})"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            args = ", ".join(f"{f.name}={self.render(getattr(value, f.name))}" for f in dataclasses.fields(value))
            return f"{self._name(type(value))}({args})"
        if isinstance(value, Mapping):
            return "{" + ", ".join(f"{self.render(k)}: {self.render(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.render(v) for v in value) + "]"
        if isinstance(value, tuple):
            inner = ", ".join(self.render(v) for v in value)
            return f"({inner},)" if len(value) == 1 else f"({inner})"
        if value is None or isinstance(value, (bool, int, float, str)):
            return repr(value)
        raise TypeError(f"cannot render {type(value).__name__} as a literal")

    def import_lines(self) -> list[tuple[str, list[str]]]:
        """(module, sorted names) pairs, modules sorted."""
        return [(module, sorted(names)) for module, names in sorted(self.imports.items())]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(LAYER_TEMPLATES_DIR),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["py"] = py
    return env


def _write(path: Path, text: str, written: list[Path]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    written.append(path)


def render_specs(specs_dir: Path, out_dir: Path) -> list[Path]:
    """Write the sora_providers package for `specs_dir` (and its `mappings/`) into `out_dir`; the files written.

    MappingError on a bad mapping.
    """
    providers: list[ProviderBuild] = load_providers(specs_dir)
    env = _environment()
    written: list[Path] = []
    _write(out_dir / "__init__.py", env.get_template("__init__.py.jinja").render(providers=providers), written)
    record_template, session_template = env.get_template(RECORD_TEMPLATE), env.get_template(SESSION_TEMPLATE)
    for provider in providers:
        literal = Literal()
        source = literal.render(provider.spec)
        text = record_template.render(p=provider, literal=source, imports=literal.import_lines())
        _write(out_dir / f"{provider.id}.py", text, written)
        _write(out_dir / f"{provider.id}_session.py", session_template.render(p=provider), written)
    _write(out_dir / "py.typed", "", written)
    return written
