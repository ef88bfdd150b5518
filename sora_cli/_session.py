"""From command-line options to a `VideoClient`: provider, key, base URL, the sandbox, task references.

The key comes from `--api-key` or the provider's own variable (RIVYA_API_KEY, ...), read by sora_unified;
the CLI only reads it to keep it out of its output (`Session.secrets`). `run --sandbox` starts the local fake
providers in this process and points the client at them; nothing else imports `sora_sandbox`.
`SORA_VIDEO_TIME_SCALE` (an environment variable, not an option: only a fast-clock sandbox needs it) makes
the client's clock run that much faster, so documented polling pauses, retry backoff and deadlines are
simulated seconds, as the sandbox's tasks are (HTTP timeouts stay real seconds).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sora_cli._exit import CliError, ExitCode
from sora_unified import ProviderConnectionError, ProviderInfo, TaskRef, VideoClient

SANDBOX_TIME_SCALE = 20.0  # a 10 s sandbox task (2 s queued + 8 s running) takes half a second
TIME_SCALE_ENV = "SORA_VIDEO_TIME_SCALE"


@dataclass(frozen=True)
class ClientTime:
    """The client's clock and sleeps, `scale` times faster than real time (1.0: real time)."""

    scale: float = 1.0

    def clock(self) -> float:
        """Monotonic seconds, sped up."""
        return time.monotonic() * self.scale

    def sleep(self, seconds: float) -> None:
        """Sleep `seconds` of the sped-up clock."""
        time.sleep(max(0.0, seconds) / self.scale)

    async def async_sleep(self, seconds: float) -> None:
        """Sleep `seconds` of the sped-up clock (for AsyncVideoClient)."""
        await asyncio.sleep(max(0.0, seconds) / self.scale)


def env_time_scale(environ: Mapping[str, str] | None = None) -> float:
    """SORA_VIDEO_TIME_SCALE (default 1), or a usage error naming the variable."""
    text = (os.environ if environ is None else environ).get(TIME_SCALE_ENV, "").strip()
    if not text:
        return 1.0
    try:
        scale = float(text)
    except ValueError:
        scale = 0.0
    if not scale > 0:
        raise CliError(f"invalid {TIME_SCALE_ENV}: {text!r} (allowed: a number > 0)")
    return scale


@dataclass(frozen=True)
class Options:
    """The connection options every task command takes."""

    provider: str | None
    api_key: str | None
    base_url: str | None
    http_timeout: float = 60.0
    sandbox: bool = False


@dataclass
class Session:
    """An open client and the secrets that must never appear in output."""

    client: VideoClient
    secrets: tuple[str, ...]
    ephemeral: bool = False  # an in-process sandbox: its tasks end with the process, nothing to resume

    @property
    def provider(self) -> str:
        """The provider id."""
        return self.client.provider


def known_providers() -> dict[str, ProviderInfo]:
    """Provider id to capability data, as discovered from the specs at generate time."""
    return {info.id: info for info in VideoClient.providers()}


def choose_provider(provider: str | None) -> str:
    """The provider to use (already merged with SORA_PROVIDER by the option), or a usage error."""
    names = ", ".join(sorted(known_providers()))
    if not provider:
        raise CliError(f"no provider: pass --provider/-p or set SORA_PROVIDER (one of: {names})")
    if provider not in known_providers():
        raise CliError(f"invalid --provider: {provider!r} is not a provider (allowed: {names})")
    return provider


def env_secrets(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Every provider key set in the environment (masked in all output, whichever provider is used)."""
    env = os.environ if environ is None else environ
    return tuple(env[info.api_key_env] for info in known_providers().values() if env.get(info.api_key_env))


@contextmanager
def _sandbox(provider: str, time_scale: float) -> Iterator[tuple[str, str]]:
    try:
        from sora_sandbox import SandboxConfig, run_sandbox
    except ImportError as exc:
        hint = "pip install 'sora-video-toolkit[sandbox]'"
        raise CliError(f"--sandbox needs the sandbox's dependencies: {hint} ({exc})") from exc
    with run_sandbox(SandboxConfig(time_scale=time_scale)) as handle:
        if provider not in handle.keys:
            raise CliError(f"the sandbox does not serve {provider!r} (it serves: {', '.join(handle.providers)})")
        yield handle.base_url, handle.keys[provider]


def _check_configured(provider: str, api_key: str | None, base_url: str | None) -> None:
    # In the CLI's words (the library's message names its own `api_key=` argument).
    info = known_providers()[provider]
    if not (api_key or os.environ.get(info.api_key_env)):
        raise CliError(f"no API key for {provider}: pass --api-key or set {info.api_key_env}", ExitCode.AUTH)
    if not (base_url or os.environ.get(info.base_url_env) or info.default_base_url):
        raise CliError(f"{provider} needs a base URL: pass --base-url or set {info.base_url_env}")


def check_provider_env(provider: str) -> None:
    """The provider's key and base URL are configured in the environment (for commands without --api-key)."""
    info = known_providers()[provider]
    if not os.environ.get(info.api_key_env):
        raise CliError(f"no API key for {provider}: set {info.api_key_env}", ExitCode.AUTH)
    if not (os.environ.get(info.base_url_env) or info.default_base_url):
        raise CliError(f"{provider} needs a base URL: set {info.base_url_env}")


@contextmanager
def open_session(options: Options) -> Iterator[Session]:
    """A client for the chosen provider (and the in-process sandbox with --sandbox), closed on exit."""
    provider = choose_provider(options.provider)
    scale = env_time_scale()
    with ExitStack() as stack:
        api_key, base_url = options.api_key, options.base_url
        if options.sandbox:
            if api_key or base_url:
                raise CliError("--sandbox sets the base URL and the key itself: drop --api-key/--base-url")
            if scale == 1.0:
                scale = SANDBOX_TIME_SCALE
            base_url, api_key = stack.enter_context(_sandbox(provider, scale))
        else:
            _check_configured(provider, api_key, base_url)
        secrets = env_secrets() + ((api_key,) if api_key else ())
        scaled = ClientTime(scale)
        client = VideoClient(
            provider,
            api_key=api_key,
            base_url=base_url,
            timeout=options.http_timeout,
            clock=scaled.clock,
            sleep=scaled.sleep,
        )
        stack.callback(client.close)
        info = known_providers()[provider]
        url = base_url or os.environ.get(info.base_url_env) or info.default_base_url or ""
        try:
            yield Session(client=client, secrets=secrets, ephemeral=options.sandbox)
        except ProviderConnectionError as exc:
            _name_host(exc, url)
            raise


def _name_host(exc: ProviderConnectionError, url: str) -> None:
    # "no answer from rivya" does not say where we tried: name the host, unless the message already does.
    host = urlsplit(url).netloc
    if host and host not in exc.message:
        exc.message = f"{exc.message} (host {host})"


def _read_task_file(source: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot read a task from {source!r}: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("error"), dict) and isinstance(data["error"].get("task"), dict):
        data = data["error"]["task"]  # the error object of a timed-out `wait --json` names the task too
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not isinstance(data.get("provider"), str):
        raise CliError(f"{source!r} is not a task JSON (from `sora-video submit --json`): it needs 'id' and 'provider'")
    return data


def resolve_task(argument: str, provider: str | None, *, explicit: bool = True) -> TaskRef:
    """TASK as given: an id (with --provider), "provider:id", a task JSON file, or - for a task JSON on stdin.

    A provider named by the task wins over SORA_PROVIDER (`explicit=False`) but must agree with --provider.
    """
    if argument == "-" or (argument.endswith(".json") and Path(argument).is_file()):
        data = _read_task_file(argument)
        ref = TaskRef(provider=data["provider"], id=data["id"])
    else:
        prefix, sep, rest = argument.partition(":")
        names = ", ".join(sorted(known_providers()))
        if argument.endswith(".json") and not provider:
            raise CliError(f"invalid TASK {argument!r}: no such file (a task JSON from `submit --json`)")
        if sep and prefix in known_providers() and not rest:
            raise CliError(f"invalid TASK {argument!r}: no task id after {prefix + ':'!r}")
        # Ids may contain colons ("sora-2:task_..."): only a known provider id counts as a prefix.
        if not (sep and rest and prefix in known_providers()):
            if sep and not provider:
                raise CliError(
                    f"invalid TASK {argument!r}: {prefix!r} is not a provider (allowed: {names}); "
                    "for an id containing ':' pass --provider"
                )
            return TaskRef(provider=choose_provider(provider), id=argument)
        ref = TaskRef(provider=prefix, id=rest)
    if explicit and provider and provider != ref.provider:
        raise CliError(f"task {ref} belongs to {ref.provider}, but --provider is {provider}")
    return ref
