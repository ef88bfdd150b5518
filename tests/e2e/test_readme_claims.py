"""What the README says about error classes and defaults, checked against the code and the sandbox.

The README checker runs the README's examples with every key set; these tests cover the claims an example
with keys cannot show: the missing-key error class, validation before the key is looked at, the error tree,
and what a `None` field of `VideoRequest` sends to each provider.
"""

from __future__ import annotations

import re

import pytest

import sora_unified
from generator._paths import REPO_ROOT
from sora_sandbox import SandboxHandle
from sora_sandbox.testing import accepted_request
from sora_unified import ConfigurationError, SoraUnifiedError, ValidationError, VideoClient, VideoRequest

INFOS = {info.id: info for info in VideoClient.providers()}


def readme_paragraph(start: str) -> str:
    """The README paragraph that starts with `start`."""
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    return next(p for p in text.split("\n\n") if p.startswith(start))


@pytest.fixture
def no_keys(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No provider key in the environment (a developer's shell may export one)."""
    for info in INFOS.values():
        monkeypatch.delenv(info.api_key_env, raising=False)
    return monkeypatch


@pytest.mark.parametrize("provider", sorted(INFOS))
def test_missing_key_is_a_configuration_error(provider: str, sandbox: SandboxHandle, no_keys: object) -> None:
    """README: a missing key raises ConfigurationError naming the variable, at the first call, before any HTTP."""
    info = INFOS[provider]
    with VideoClient(provider, base_url=sandbox.base_url) as client, pytest.raises(ConfigurationError) as caught:
        client.submit(accepted_request(info, "a red fox"))
    assert info.api_key_env in str(caught.value)
    assert {} == sandbox.stats()["requests"]


def test_offline_validation_comes_before_the_key(sandbox: SandboxHandle, no_keys: object) -> None:
    """README's validation example without a key: ValidationError on `seconds`, not a key error, and no HTTP."""
    with pytest.raises(ValidationError) as caught:
        VideoClient("globalaiopc").submit(VideoRequest(prompt="A lighthouse at dusk", seconds=10))
    assert ("seconds", 10) == (caught.value.field, caught.value.value)
    assert {} == sandbox.stats()["requests"]


def test_video_request_docstring_says_what_none_means_per_provider() -> None:
    """VideoRequest's docstring no longer says None always sends nothing: it names the mapping's defaults."""
    doc = " ".join((VideoRequest.__doc__ or "").split())
    assert '`None` means "the provider\'s documented default" (nothing is sent)' not in doc
    assert all(part in doc for part in ("the mapping's default", "seconds=8", "python -m generator decisions"))


def test_unknown_provider_is_a_configuration_error() -> None:
    """README: an unknown provider raises ConfigurationError listing the known ones."""
    with pytest.raises(ConfigurationError, match="rivya"):
        VideoClient("no-such-provider")


def test_every_error_the_readme_names_is_in_the_tree() -> None:
    """Each class the README's error paragraph names is exported and a SoraUnifiedError; the two nested ones nest."""
    named = set(re.findall(r"`(\w+Error)`", readme_paragraph("Errors form one tree under")))
    classes = {name: getattr(sora_unified, name, None) for name in named}
    assert {n: True for n in named} == {
        n: isinstance(c, type) and issubclass(c, SoraUnifiedError) for n, c in classes.items()
    }
    assert {"ProviderConnectionError", "DownloadError"} == {
        name for name, cls in classes.items() if cls is not None and cls.__base__ is sora_unified.ProviderError
    }
    assert not issubclass(sora_unified.AuthenticationError, ConfigurationError)


@pytest.mark.parametrize(
    ("provider", "sent", "duration_s"),
    [
        # README: GlobalAiOpc requires a duration and documents none: the mapping's 8 s (decision M-G1).
        pytest.param("globalaiopc", {"seconds": 8}, 8, id="globalaiopc-8s"),
        # README: unified: portrait, `small`, 15 s for sora-2-pro (decision M-U1).
        pytest.param(
            "unifiedvideo", {"orientation": "portrait", "size": "small", "duration": 15}, 15, id="unifiedvideo"
        ),
        # README: otherwise the provider's documented default: Rivya gets no duration or aspect and uses 10 s.
        pytest.param("rivya", {}, 10, id="rivya-documented-default"),
    ],
)
def test_none_fields_send_what_the_readme_says(
    provider: str, sent: dict[str, object], duration_s: int, sandbox: SandboxHandle
) -> None:
    """A VideoRequest with only a prompt sends the README's defaults, and the task's video has that duration."""
    with VideoClient(provider, api_key=sandbox.keys[provider], base_url=sandbox.base_url) as client:
        task_id = client.submit(VideoRequest(prompt="a kite over the dunes")).id
    task = sandbox.sandbox.store.get(provider, task_id)
    assert task is not None
    optional = {"seconds", "duration", "orientation", "size", "aspect_ratio", "n_frames", "params"}
    recorded = {k: v for k, v in task.request.items() if k in optional and v not in ({}, None)}
    assert (sent, duration_s) == (recorded, task.duration_s)
