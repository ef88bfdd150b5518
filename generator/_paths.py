"""Where things live, and which providers exist: discovered from specs/*.yaml, never listed in code."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SPECS_DIR = REPO_ROOT / "specs"
MAPPINGS_DIR = SPECS_DIR / "mappings"
GENERATED_DIR = REPO_ROOT / "generated"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
CLIENT_TEMPLATES_DIR = TEMPLATES_DIR / "client"
LAYER_TEMPLATES_DIR = TEMPLATES_DIR / "layer"
CLIENT_CONFIG = Path(__file__).resolve().parent / "openapi-python-client.yaml"
# The hand-written runtime (real Python; its sync twins are derived by `_unasync`) and the rendered layer on it.
RUNTIME_PACKAGE = "sora_unified"
RUNTIME_DIR = REPO_ROOT / RUNTIME_PACKAGE
LAYER_PACKAGE = "sora_providers"
MANIFEST_NAME = "MANIFEST.json"
# The tools live next to the interpreter running the generator (the locked .venv).
VENV_BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class ClientTarget:
    """One provider spec and the client package rendered from it."""

    provider: str
    spec: Path

    @property
    def package(self) -> str:
        return f"{self.provider}_client"

    @property
    def spec_rel(self) -> str:
        return self.spec.relative_to(REPO_ROOT).as_posix()


def provider_files(directory: Path = SPECS_DIR) -> list[Path]:
    """Every `<provider>.yaml` directly in `directory` (the specs, or their mappings), sorted by name.

    The one place providers are discovered: every tool that walks "all providers" calls this.
    """
    return sorted(directory.glob("*.yaml"))


def discover_client_targets(specs_dir: Path = SPECS_DIR) -> list[ClientTarget]:
    """Every `specs/<provider>.yaml`, sorted, as a rendering target."""
    return [ClientTarget(provider=p.stem, spec=p) for p in provider_files(specs_dir)]
