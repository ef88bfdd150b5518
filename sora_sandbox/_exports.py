"""Where a sandbox is, in the forms a shell and a program read: environment variables, export lines, JSON.

The variable names are the normalizing layer's own (`VideoClient.providers()`: e.g. `RIVYA_API_KEY`,
`RIVYA_BASE_URL`), so `eval "$(sora-video sandbox --print-env)"` points the CLI and any app built on
`sora_unified` at the sandbox. `SORA_VIDEO_TIME_SCALE` tells the CLI how fast the sandbox's clock runs.
A provider the layer does not know (a test fixture spec) gets `<ID>_API_KEY` / `<ID>_BASE_URL`.
Standard library only (plus `sora_unified`): the CLI reads a running sandbox without the sandbox extra.
"""

from __future__ import annotations

import json
import shlex
import urllib.request
from collections.abc import Mapping
from typing import Any

from sora_unified import VideoClient

TIME_SCALE_ENV = "SORA_VIDEO_TIME_SCALE"


def env_names(provider: str) -> tuple[str, str]:
    """The (API key, base URL) variable names of a provider."""
    for info in VideoClient.providers():
        if info.id == provider:
            return info.api_key_env, info.base_url_env
    prefix = provider.upper().replace("-", "_")
    return f"{prefix}_API_KEY", f"{prefix}_BASE_URL"


def provider_env(base_url: str, keys: Mapping[str, str], time_scale: float) -> dict[str, str]:
    """Every served provider's key and base URL variable, and the clock speed, as one mapping."""
    env: dict[str, str] = {}
    for provider in sorted(keys):
        key_env, url_env = env_names(provider)
        env[url_env] = base_url
        env[key_env] = keys[provider]
    env[TIME_SCALE_ENV] = f"{time_scale:g}"
    return env


def export_lines(env: Mapping[str, str]) -> list[str]:
    """`export NAME=value` lines, quoted for a POSIX shell."""
    return [f"export {name}={shlex.quote(value)}" for name, value in env.items()]


def describe(base_url: str, keys: Mapping[str, str], time_scale: float) -> dict[str, Any]:
    """The `--json` form: the control API, each provider's base URL, key and variable names, and `env`."""
    providers: dict[str, Any] = {}
    for provider in sorted(keys):
        key_env, url_env = env_names(provider)
        providers[provider] = {
            "base_url": base_url,
            "api_key": keys[provider],
            "base_url_env": url_env,
            "api_key_env": key_env,
        }
    return {
        "control_url": f"{base_url}/_sandbox/",
        "time_scale": time_scale,
        "providers": providers,
        "env": provider_env(base_url, keys, time_scale),
    }


def read_running(base_url: str, timeout: float = 5.0) -> tuple[dict[str, str], float]:
    """Keys (the first accepted one per provider) and time scale of the sandbox answering at `base_url`.

    Raises OSError (connection refused, timeout) when nothing answers there.
    """
    root = base_url.rstrip("/")
    with urllib.request.urlopen(f"{root}/_sandbox/", timeout=timeout) as response:
        info: dict[str, Any] = json.load(response)
    with urllib.request.urlopen(f"{root}/_sandbox/clock", timeout=timeout) as response:
        clock: dict[str, Any] = json.load(response)
    return {pid: str(entry["keys"][0]) for pid, entry in info.items()}, float(clock["time_scale"])


def render(base_url: str, keys: Mapping[str, str], time_scale: float, as_json: bool) -> str:
    """What `make sandbox` and `sora-video sandbox` print on stdout: export lines, or one JSON object."""
    if as_json:
        return json.dumps(describe(base_url, keys, time_scale), sort_keys=True)
    return "\n".join(export_lines(provider_env(base_url, keys, time_scale)))
