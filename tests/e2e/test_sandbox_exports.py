"""`make sandbox` / `sora-video sandbox` print where the sandbox is as eval-able export lines or one JSON object."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import httpx
import pytest

from sora_cli.__main__ import main
from sora_sandbox import SandboxHandle
from sora_sandbox._exports import export_lines, render
from sora_unified import VideoClient

PROVIDERS = sorted(info.id for info in VideoClient.providers())


def shell_env(lines: str) -> dict[str, str]:
    """The variables bash has after `eval "$lines"` (starting from an empty environment)."""
    script = 'eval "$LINES"; for n in $(compgen -e); do [ "$n" != LINES ] && printf "%s=%s\\0" "$n" "${!n}"; done'
    out = subprocess.run(["bash", "-c", script], env={"LINES": lines}, capture_output=True, text=True, check=True)
    pairs = [item.split("=", 1) for item in out.stdout.split("\0") if item]
    return {name: value for name, value in pairs if name not in ("PWD", "SHLVL", "_", "OLDPWD")}


def test_export_lines_survive_eval(sandbox: SandboxHandle) -> None:
    """eval of the export lines yields exactly the handle's variables: every provider's key and URL, the scale."""
    expected = sandbox.env()
    names = {n for info in VideoClient.providers() for n in (info.api_key_env, info.base_url_env)}
    assert names | {"SORA_VIDEO_TIME_SCALE"} == set(expected)
    assert expected == shell_env("\n".join(export_lines(expected)))


def test_quoting_keeps_shell_characters() -> None:
    """A value with spaces, quotes and `$` comes back from eval unchanged (keys are quoted, never interpreted)."""
    env = {"ODD_VALUE": "a b 'c' \"d\" $HOME `x`"}
    assert env == shell_env("\n".join(export_lines(env)))


def test_print_env_reads_the_running_sandbox(sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str]) -> None:
    """`sora-video sandbox --print-env --port P` prints the export lines of the sandbox on P, and nothing else."""
    capsys.readouterr()
    code = main(["sandbox", "--print-env", "--port", str(sandbox.port)])
    out, err = capsys.readouterr()
    assert (0, "", sandbox.env()) == (code, err, shell_env(out))


def test_print_env_json(sandbox: SandboxHandle, capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` prints one object: each provider's base URL, key and variable names, and the same `env`."""
    capsys.readouterr()
    assert 0 == main(["sandbox", "--print-env", "--port", str(sandbox.port), "--json"])
    body = json.loads(capsys.readouterr().out)
    infos = {info.id: info for info in VideoClient.providers()}
    expected = {
        pid: {
            "base_url": sandbox.base_url,
            "api_key": sandbox.keys[pid],
            "api_key_env": infos[pid].api_key_env,
            "base_url_env": infos[pid].base_url_env,
        }
        for pid in PROVIDERS
    }
    assert (expected, sandbox.env(), f"{sandbox.base_url}/_sandbox/") == (
        body["providers"],
        body["env"],
        body["control_url"],
    )


def test_print_env_without_a_sandbox_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing listening on the port: exit 2 and one error line naming the URL; stdout stays empty for eval."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nothing listens there
    capsys.readouterr()
    code = main(["sandbox", "--print-env", "--port", str(port)])
    out, err = capsys.readouterr()
    assert (2, "", 1) == (code, out, len(err.splitlines()))
    assert f"sora-video: error: no sandbox answers on http://127.0.0.1:{port}" in err


def test_python_m_sora_sandbox_prints_json_then_serves() -> None:
    """`python -m sora_sandbox --port 0 --json` (what `make sandbox` runs) prints one JSON line, then serves it."""
    command = [sys.executable, "-m", "sora_sandbox", "--port", "0", "--json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
        try:
            assert process.stdout is not None
            body = json.loads(process.stdout.readline())
            answer = httpx.get(body["control_url"], timeout=5.0).json()
        finally:
            process.terminate()
    keys = {pid: entry["keys"][0] for pid, entry in answer.items()}
    base_url = body["control_url"].removesuffix("/_sandbox/")
    assert PROVIDERS == sorted(body["providers"])
    assert json.dumps(body, sort_keys=True) == render(base_url, keys, 1.0, as_json=True)
