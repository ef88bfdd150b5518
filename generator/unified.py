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

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator._paths import LAYER_TEMPLATES_DIR
from generator._unified_mapping import MappingError, ProviderContext, load_providers

__all__ = ["MappingError", "render_specs"]

PER_PROVIDER = {"provider.py.jinja": "{id}.py", "session.py.jinja": "{id}_session.py"}


def py(value: Any) -> str:
    """A Python literal for JSON-like data (dicts, lists, tuples, scalars), deterministic."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py(k)}: {py(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(py(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(py(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    raise TypeError(f"cannot render {type(value).__name__} as a literal")


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
    providers: list[ProviderContext] = load_providers(specs_dir)
    env = _environment()
    written: list[Path] = []
    _write(out_dir / "__init__.py", env.get_template("__init__.py.jinja").render(providers=providers), written)
    for template_name, pattern in PER_PROVIDER.items():
        per_provider = env.get_template(template_name)
        for provider in providers:
            _write(out_dir / pattern.format(id=provider.id), per_provider.render(p=provider), written)
    _write(out_dir / "py.typed", "", written)
    return written
