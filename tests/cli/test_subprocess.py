"""The installed `sora-video` console script in real processes: resuming across processes, --sandbox, Ctrl-C.

The sandbox runs in the test process on 127.0.0.1; each command is a separate process, as in a shell.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from generator._paths import VENV_BIN
from sora_sandbox import SandboxHandle
from sora_unified import VideoClient
from sora_unified.batch import Journal

from .conftest import LONG_RUNNING, provider_env

SCRIPT = shutil.which("sora-video", path=str(VENV_BIN))


def _base_env() -> dict[str, str]:
    """The test's environment without any provider variable."""
    names = {"SORA_PROVIDER", "SORA_VIDEO_TIME_SCALE"}
    names |= {n for info in VideoClient.providers() for n in (info.api_key_env, info.base_url_env)}
    return {k: v for k, v in os.environ.items() if k not in names}


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    assert SCRIPT is not None, "the sora-video console script is not installed in the venv (make venv)"
    return subprocess.run([SCRIPT, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=60, check=False)


def test_task_is_resumed_by_other_processes(sandbox: SandboxHandle, tmp_path: Path) -> None:
    """`submit --json > task.json`, then `wait task.json` and `download ID OUT -p` in new processes."""
    env = {**_base_env(), **provider_env(sandbox, 100.0)}
    submitted = _run(["submit", "-p", "rivya", "--prompt", "a red fox", "--seconds", "10", "--json"], env, tmp_path)
    (tmp_path / "task.json").write_text(submitted.stdout, encoding="utf-8")
    task_id = json.loads(submitted.stdout)["id"]
    waited = _run(["wait", "task.json"], env, tmp_path)
    downloaded = _run(["download", task_id, "fox.mp4", "-p", "rivya"], env, tmp_path)
    codes = (submitted.returncode, waited.returncode, downloaded.returncode)
    assert ((0, 0, 0), b"ftyp") == (codes, (tmp_path / "fox.mp4").read_bytes()[4:8])
    assert "\x1b" not in waited.stderr + waited.stdout  # not a terminal: plain lines, no ANSI codes


def test_run_sandbox_works_with_no_key_and_no_env(tmp_path: Path) -> None:
    """The documented demo line works in a clean environment: no key, no base URL, no network."""
    args = ["run", "--sandbox", "-p", "rivya", "--prompt", "a red fox", "--seconds", "10", "--out", "fox.mp4"]
    result = _run(args, _base_env(), tmp_path)
    assert (0, True) == (result.returncode, (tmp_path / "fox.mp4").stat().st_size > 0), result.stderr


def test_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    """A failing command prints one line on stderr, nothing on stdout, and the documented exit status."""
    result = _run(["status", "t1", "-p", "rivya"], _base_env(), tmp_path)  # no key anywhere
    assert (3, "", 1) == (result.returncode, result.stdout, len(result.stderr.splitlines()))


def test_ctrl_c_while_waiting_exits_130(long_running_sandbox: SandboxHandle, tmp_path: Path) -> None:
    """SIGINT during wait exits 130 and prints how to resume the task."""
    env = {**_base_env(), **provider_env(long_running_sandbox, LONG_RUNNING.time_scale)}
    submitted = _run(["submit", "-p", "rivya", "--prompt", "a red fox", "--json"], env, tmp_path)
    task_id = json.loads(submitted.stdout)["id"]
    assert SCRIPT is not None
    # A shell starts background jobs with SIGINT ignored, and children inherit that (CI may run us so): give the
    # child the handler an interactive foreground process has, then run the console script's main().
    launcher = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from sora_cli.__main__ import main; sys.argv = ['sora-video', *sys.argv[1:]]; sys.exit(main())"
    )
    with subprocess.Popen(
        [sys.executable, "-c", launcher, "wait", task_id, "-p", "rivya"],
        env=env,
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # the first progress line: the wait loop is running
        proc.send_signal(signal.SIGINT)
        rest = proc.stderr.read()
        code = proc.wait(timeout=30)
    expected = f"sora-video: error: interrupted; resume with: sora-video wait {task_id} --provider rivya"
    assert (130, True, expected) == (code, first.startswith(f"rivya:{task_id} "), rest.splitlines()[-1])


def test_status_imports_neither_the_sandbox_nor_the_generator(tmp_path: Path) -> None:
    """`sora-video status ...` (the whole CLI loaded) leaves sora_sandbox and generator out of sys.modules."""
    probe = (
        "import sys; from sora_cli.__main__ import main; code = main(['status', 't1', '-p', 'rivya']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sora_sandbox', 'generator')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=_base_env(), cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert "[]" == result.stdout.strip().splitlines()[-1], result.stderr


def test_sigterm_while_waiting_exits_130_with_the_resume_hint(
    long_running_sandbox: SandboxHandle, tmp_path: Path
) -> None:
    """SIGTERM is handled like Ctrl-C: exit 130 and the command that resumes the task."""
    env = {**_base_env(), **provider_env(long_running_sandbox, LONG_RUNNING.time_scale)}
    submitted = _run(["submit", "-p", "rivya", "--prompt", "a red fox", "--json"], env, tmp_path)
    task_id = json.loads(submitted.stdout)["id"]
    assert SCRIPT is not None
    with subprocess.Popen(
        [SCRIPT, "wait", task_id, "-p", "rivya"], env=env, cwd=tmp_path, stderr=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stderr is not None
        proc.stderr.readline()  # the wait loop is running
        proc.send_signal(signal.SIGTERM)
        rest = proc.stderr.read()
        code = proc.wait(timeout=30)
    expected = f"sora-video: error: interrupted; resume with: sora-video wait {task_id} --provider rivya"
    assert (130, expected) == (code, rest.splitlines()[-1])


def test_sigterm_stops_a_batch_cleanly_and_prints_the_resume_command(
    long_running_sandbox: SandboxHandle, tmp_path: Path
) -> None:
    """SIGTERM during a batch: exit 130, the task ids already known are in the journal, the resume command shown."""
    env = {**_base_env(), **provider_env(long_running_sandbox, LONG_RUNNING.time_scale)}
    (tmp_path / "jobs.jsonl").write_text(
        "".join(json.dumps({"id": f"j{i}", "provider": "rivya", "prompt": "a fox"}) + "\n" for i in range(3))
    )
    assert SCRIPT is not None
    command = [SCRIPT, "batch", "jobs.jsonl", "--out", "out"]
    with subprocess.Popen(
        command, env=env, cwd=tmp_path, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stderr is not None and proc.stdout is not None
        while "waiting" not in proc.stderr.readline():  # a task id is journalled
            pass
        proc.send_signal(signal.SIGTERM)
        rest = proc.stderr.read()
        code = proc.wait(timeout=30)
    with Journal(tmp_path / "out" / "journal.sqlite") as journal:
        refs = [entry.ref for entry in journal.entries().values() if entry.ref]
    expected = "sora-video: interrupted; resume with: sora-video batch jobs.jsonl --out out"
    assert (130, expected, True) == (code, rest.splitlines()[-1], len(refs) >= 1)
