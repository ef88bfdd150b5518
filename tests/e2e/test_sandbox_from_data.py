"""The sandbox serves a provider from its spec and mapping alone, and refuses one whose data is incomplete.

The OpenAI-Videos-format fixture (tests/e2e/fixtures/openaivideos/: multipart create, status words
queued/in_progress/completed/failed, integer progress, the MP4 from an authenticated content endpoint) has no
Python of its own. The refusals start from copies of the real specs and mappings with one piece removed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator._paths import MAPPINGS_DIR, SPECS_DIR
from generator._unified_mapping import MappingError, _schema_validator, load_provider
from sora_sandbox import SandboxConfig, SandboxDataError, SandboxHandle, run_sandbox
from sora_sandbox.clocks import SimulatedTime
from sora_sandbox.testing import distinct

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "openaivideos"
SCHEMA = MAPPINGS_DIR / "mapping.schema.json"
TIME = SimulatedTime()
STEP_S = 0.5


def specs_dir(tmp: Path, provider: str, spec: Path, mapping: dict[str, Any]) -> Path:
    """A specs directory holding one provider's spec, its mapping and the mapping schema."""
    (tmp / "mappings").mkdir(parents=True)
    shutil.copy(spec, tmp / f"{provider}.yaml")
    shutil.copy(SCHEMA, tmp / "mappings" / SCHEMA.name)
    (tmp / "mappings" / f"{provider}.yaml").write_text(yaml.safe_dump(mapping), encoding="utf-8")
    return tmp


def real_mapping(provider: str) -> dict[str, Any]:
    """A provider's mapping as data."""
    data: dict[str, Any] = yaml.safe_load((MAPPINGS_DIR / f"{provider}.yaml").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def openai_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxHandle]:
    """The fixture provider, on a clock the tests step by hand."""
    mapping = yaml.safe_load((FIXTURE / "mappings" / "openaivideos.yaml").read_text(encoding="utf-8"))
    where = specs_dir(tmp_path_factory.mktemp("openai"), "openaivideos", FIXTURE / "openaivideos.yaml", mapping)
    config = SandboxConfig(specs_dir=where, time_scale=1.0, queued_s=2.0, running_s=5.0)
    with run_sandbox(config, now=TIME.clock) as handle:
        yield handle


@pytest.fixture
def http(openai_sandbox: SandboxHandle) -> Iterator[httpx.Client]:
    """An authenticated client on the fixture provider."""
    headers = {"Authorization": f"Bearer {openai_sandbox.keys['openaivideos']}"}
    with httpx.Client(base_url=openai_sandbox.base_url, headers=headers, timeout=5.0) as client:
        yield client


def create(http: httpx.Client, **fields: str) -> dict[str, Any]:
    """A multipart create; the JSON answer."""
    response = http.post("/v1/videos", files={name: (None, value) for name, value in fields.items()})
    assert 200 == response.status_code, response.text
    body: dict[str, Any] = response.json()
    return body


def poll(fetch: Callable[[], dict[str, Any]]) -> list[dict[str, Any]]:
    """Payloads until a terminal status, stepping the simulated time between polls."""
    seen = [fetch()]
    while seen[-1]["status"] not in ("completed", "failed") and len(seen) < 100:
        TIME.advance(STEP_S)
        seen.append(fetch())
    return seen


def test_openai_format_lifecycle_and_content_endpoint(openai_sandbox: SandboxHandle, http: httpx.Client) -> None:
    """Multipart create, queued -> in_progress -> completed with integer progress, then the MP4 from /content."""
    video = create(http, prompt="a paper boat", model="sora-2", seconds="8", size="1280x720")
    early = http.get(f"/v1/videos/{video['id']}/content")
    seen = poll(lambda: http.get(f"/v1/videos/{video['id']}").json())
    content = http.get(f"/v1/videos/{video['id']}/content")
    assert (404, "not_found") == (early.status_code, early.json()["error"]["code"])
    assert ["queued", "in_progress", "completed"] == distinct([p["status"] for p in [video, *seen]])
    assert {int} == {type(p["progress"]) for p in seen}
    assert (100, "8", None) == (seen[-1]["progress"], seen[-1]["seconds"], seen[-1]["error"])
    assert (200, "video/mp4", b"ftyp") == (content.status_code, content.headers["content-type"], content.content[4:8])
    assert [] == openai_sandbox.stats()["response_violations"]


def test_openai_format_content_needs_the_key(openai_sandbox: SandboxHandle, http: httpx.Client) -> None:
    """The content endpoint is authenticated: no key gets 401 in the OpenAI envelope, another key's task 404s."""
    video = create(http, prompt="a kite")
    anonymous = httpx.get(f"{openai_sandbox.base_url}/v1/videos/{video['id']}/content", timeout=5.0)
    assert (401, "missing_api_key") == (anonymous.status_code, anonymous.json()["error"]["code"])


def test_openai_format_failure_and_validation(openai_sandbox: SandboxHandle, http: httpx.Client) -> None:
    """A failing task ends `failed` with an error object; a body outside the spec gets 400 invalid_value."""
    video = create(http, prompt="a storm [sandbox:fail]")
    last = poll(lambda: http.get(f"/v1/videos/{video['id']}").json())[-1]
    refused = http.post("/v1/videos", files={"prompt": (None, "x"), "seconds": (None, "7")})
    assert ("failed", "video_generation_failed") == (last["status"], last["error"]["code"])
    assert (400, "invalid_value") == (refused.status_code, refused.json()["error"]["code"])


def _without_section(m: dict[str, Any]) -> None:
    del m["sandbox"]


def _without_operation(m: dict[str, Any]) -> None:
    del m["sandbox"]["operations"]["getFile"]


def _without_failed_word(m: dict[str, Any]) -> None:
    del m["statuses"]["map"]["failed"]


def _without_credits(m: dict[str, Any]) -> None:
    del m["sandbox"]["credits"]


def _without_key(m: dict[str, Any]) -> None:
    del m["sandbox"]["key"]


def _with_unknown_operation(m: dict[str, Any]) -> None:
    m["sandbox"]["operations"]["cancelGeneration"] = {"action": "get_task"}


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        pytest.param(_without_section, "rivya.yaml has no `sandbox:` section", id="no-section"),
        pytest.param(_without_operation, "the spec's operation getFile has no sandbox.operations entry", id="op"),
        pytest.param(_without_failed_word, "statuses.map has no word for the failed phase", id="status-word"),
        pytest.param(_without_credits, "sandbox.operations.getCredits (credits) needs sandbox.credits", id="credits"),
        pytest.param(_without_key, "sandbox: 'key' is a required property", id="schema"),
        pytest.param(_with_unknown_operation, "cancelGeneration is not an operation of the spec", id="unknown-op"),
    ],
)
def test_incomplete_data_stops_the_start(
    tmp_path: Path, break_it: Callable[[dict[str, Any]], None], expected: str
) -> None:
    """The sandbox refuses to start for a provider whose data lacks something, naming the provider and the gap."""
    mapping = real_mapping("rivya")
    break_it(mapping)
    where = specs_dir(tmp_path, "rivya", SPECS_DIR / "rivya.yaml", mapping)
    with pytest.raises(SandboxDataError) as caught, run_sandbox(SandboxConfig(specs_dir=where)):
        pass
    assert ("the sandbox cannot serve rivya", True) == (str(caught.value)[:30], expected in str(caught.value))


def test_a_spec_without_a_mapping_stops_the_start(tmp_path: Path) -> None:
    """A spec with no mapping next to it is not skipped: the start fails naming the missing file."""
    where = specs_dir(tmp_path, "rivya", SPECS_DIR / "rivya.yaml", real_mapping("rivya"))
    shutil.copy(SPECS_DIR / "globalaiopc.yaml", where / "globalaiopc.yaml")
    with pytest.raises(SandboxDataError) as caught, run_sandbox(SandboxConfig(specs_dir=where)):
        pass
    assert "the sandbox cannot serve globalaiopc: no mapping globalaiopc.yaml" in str(caught.value)


def test_make_generate_refuses_a_mapping_without_sandbox_data(tmp_path: Path) -> None:
    """The generator's mapping check (make generate) fails too, naming the missing `sandbox` section."""
    mapping = real_mapping("rivya")
    del mapping["sandbox"]
    where = specs_dir(tmp_path, "rivya", SPECS_DIR / "rivya.yaml", mapping)
    with pytest.raises(MappingError, match="'sandbox' is a required property"):
        load_provider(where / "rivya.yaml", where / "mappings" / "rivya.yaml", _schema_validator(where / "mappings"))


def test_python_m_sora_sandbox_names_the_gap_without_a_traceback(tmp_path: Path) -> None:
    """`make sandbox` on incomplete data exits non-zero with the one-line reason on stderr, not a traceback."""
    mapping = real_mapping("rivya")
    _without_failed_word(mapping)
    where = specs_dir(tmp_path, "rivya", SPECS_DIR / "rivya.yaml", mapping)
    command = [sys.executable, "-m", "sora_sandbox", "--port", "0", "--specs", str(where)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert (1, "") == (result.returncode, result.stdout)
    assert "statuses.map has no word for the failed phase" in result.stderr
    assert "Traceback" not in result.stderr
