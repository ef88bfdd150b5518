"""Render the normalizing layer `sora_unified` from the provider specs and their mappings.

`render_specs(specs_dir, out_dir)` loads every `<specs_dir>/<provider>.yaml` with its
`<specs_dir>/mappings/<provider>.yaml` (validated against `mapping.schema.json` and cross-checked against the
spec by `_unified_mapping`), then renders `generator/templates/unified/`:

- `*.py.jinja` at the top level render once, verbatim runtime code (errors, models, engines);
- `_client`, `_call` and `_download` render twice, sync and async, from one source (`is_async`);
- `_providers/provider.py.jinja` and `_providers/session.py.jinja` render once per provider: the
  capability table and mapping data, and the adapter that imports the generated client statically.

Headers, formatting and the manifest are added by the caller (`generator._render`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator._paths import UNIFIED_TEMPLATES_DIR
from generator._unified_mapping import MappingError, ProviderContext, load_providers

__all__ = ["MappingError", "render_specs"]

# Rendered twice, once per flavor; the output name gets the flavor (e.g. _call_sync.py).
TWINS = ("_call.py.jinja", "_download.py.jinja", "_client.py.jinja")
PER_PROVIDER = {"provider.py.jinja": "{id}.py", "session.py.jinja": "{id}_session.py"}
FLAVORS = {
    False: {"flavor": "sync", "other": "async", "class_name": "VideoClient"},
    True: {"flavor": "async", "other": "sync", "class_name": "AsyncVideoClient"},
}


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
        loader=FileSystemLoader(UNIFIED_TEMPLATES_DIR),
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
    """Write the sora_unified package for `specs_dir` (and its `mappings/`) into `out_dir`; the files written.

    MappingError on a bad mapping.
    """
    providers: list[ProviderContext] = load_providers(specs_dir)
    env = _environment()
    common = {"providers": providers}
    written: list[Path] = []
    for template in sorted(UNIFIED_TEMPLATES_DIR.glob("*.jinja")):
        name = template.name
        if name in TWINS:
            for is_async, flavor in FLAVORS.items():
                text = env.get_template(name).render(common, is_async=is_async, **flavor)
                target = name.removesuffix(".py.jinja") + f"_{flavor['flavor']}.py"
                if name == "_client.py.jinja":
                    target = f"_{flavor['flavor']}_client.py"
                _write(out_dir / target, text, written)
        else:
            _write(out_dir / name.removesuffix(".jinja"), env.get_template(name).render(common), written)
    for template_name, pattern in PER_PROVIDER.items():
        per_provider = env.get_template(f"_providers/{template_name}")
        for provider in providers:
            _write(out_dir / "_providers" / pattern.format(id=provider.id), per_provider.render(p=provider), written)
    _write(out_dir / "_providers" / "__init__.py", '"""One module pair per provider: data and session."""\n', written)
    _write(out_dir / "py.typed", "", written)
    return written
