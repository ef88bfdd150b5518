"""`python -m sora_sandbox.demo` (`make demo`): one video per provider through sora_unified, against the local sandbox.

Starts the sandbox on a free port of 127.0.0.1, and for every provider the normalizing layer knows (discovered
from the specs, never listed here) submits one request that provider accepts, built from its capability data
(default model, first allowed duration and orientation). The three tasks run at once under a live progress
display (status, progress, elapsed time), each video is downloaded to `out/<provider>.mp4` and read back with
PyAV (size, resolution, duration), then the sandbox stops. No API key, no network.

Time runs `SCALE` times faster in the sandbox and in the client's clock and sleeps (`ScaledTime`), so the
polling guidance each provider documents (GlobalAiOpc: 30-60 s) is followed as written, only faster.
`probe` is reused by `sora_sandbox.soak` and the end-to-end tests.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

import av
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from sora_sandbox._config import SandboxConfig
from sora_sandbox.clocks import ScaledTime
from sora_sandbox.server import SandboxHandle, run_sandbox
from sora_sandbox.testing import accepted_request
from sora_unified import AsyncVideoClient, ProviderInfo, SoraUnifiedError, VideoClient, VideoTask

SCALE = 20.0
# About a minute of simulated render time: long enough to watch the statuses change, ~3 s of wall time.
CONFIG = SandboxConfig(
    time_scale=SCALE, queued_s=4.0, running_s=40.0, video_fps=8, video_long_side=640, video_short_side=360
)
PROMPT = "A paper boat crossing a pond at dawn"


@dataclass(frozen=True)
class VideoFacts:
    """What PyAV reads from a video file."""

    width: int
    height: int
    duration_s: float
    frames: int
    codec: str


def probe(path: Path) -> VideoFacts:
    """Decode the whole file with PyAV: resolution, duration (container), frame count and codec."""
    with av.open(str(path), mode="r") as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(video=0))
        duration = container.duration / av.time_base if container.duration else 0.0
        return VideoFacts(stream.width, stream.height, duration, frames, stream.codec_context.name)


@dataclass(frozen=True)
class Outcome:
    """One provider's finished demo video."""

    provider: str
    task: VideoTask
    path: Path
    facts: VideoFacts
    wall_s: float


async def one_video(
    sandbox: SandboxHandle, info: ProviderInfo, out_dir: Path, progress: Progress, row: TaskID
) -> Outcome:
    """Submit, wait (updating the progress row on every change), download and probe one provider's video."""
    scaled = ScaledTime(SCALE)
    started = time.monotonic()

    def show(task: VideoTask) -> None:
        done = task.progress if task.progress is not None else (1.0 if task.is_terminal else None)
        simulated = (time.monotonic() - started) * SCALE
        status = f"{task.status.value:<9} at {simulated:3.0f} s simulated"
        progress.update(row, total=None if done is None else 1.0, completed=done or 0.0, status=status)

    async with AsyncVideoClient(
        info.id,
        api_key=sandbox.keys[info.id],
        base_url=sandbox.base_url,
        timeout=10.0,
        clock=scaled.clock,
        sleep=scaled.async_sleep,
    ) as client:
        task = await client.submit(accepted_request(info, f"{PROMPT} ({info.display_name})"))
        show(task)
        done = await client.wait(task, timeout=3600, on_update=show)
        path = await client.download(done, out_dir / f"{info.id}.mp4")
    progress.update(row, total=1.0, completed=1.0, status="downloaded")
    return Outcome(info.id, done, path.resolve(), probe(path), time.monotonic() - started)


async def run_all(sandbox: SandboxHandle, out_dir: Path, console: Console) -> list[Outcome | BaseException]:
    """Every discovered provider at once, under one live progress display."""
    columns = (
        TextColumn("{task.description:<14}"),
        TextColumn("{task.fields[status]}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        jobs = []
        for info in VideoClient.providers():
            row = progress.add_task(info.id, total=None, status="submitting")
            jobs.append(one_video(sandbox, info, out_dir, progress, row))
        return list(await asyncio.gather(*jobs, return_exceptions=True))


def report(results: list[Outcome | BaseException], console: Console) -> int:
    """Print where each file is and what PyAV reads in it; the exit status (1 when a provider failed)."""
    failed = 0
    for info, result in zip(VideoClient.providers(), results, strict=True):
        if isinstance(result, BaseException):
            failed += 1
            console.print(f"[red]✗ {info.id}: {type(result).__name__}: {result}[/red]", soft_wrap=True)
            continue
        facts = result.facts
        console.print(
            f"[green]✓[/green] {result.provider:<13} {result.path}\n"
            f"  {result.path.stat().st_size / 1024:.1f} KiB, {facts.width}x{facts.height} {facts.codec}, "
            f"{facts.duration_s:.1f} s, {facts.frames} frames (PyAV); task {result.task.id} "
            f"{result.task.status.value} in {result.wall_s:.1f} s",
            soft_wrap=True,
            highlight=False,
        )
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Run the demo; 0 when every provider produced a video."""
    parser = argparse.ArgumentParser(prog="python -m sora_sandbox.demo", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out"), help="directory for <provider>.mp4 (default: out)")
    args = parser.parse_args(argv)
    console = Console()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with run_sandbox(CONFIG) as sandbox:
        console.print(f"sandbox on {sandbox.base_url} (time x{SCALE:g}); providers: {', '.join(sandbox.providers)}")
        results = asyncio.run(run_all(sandbox, args.out, console))
    console.print("sandbox stopped")
    status = report(results, console)
    errors = [r for r in results if isinstance(r, BaseException) and not isinstance(r, SoraUnifiedError)]
    if errors:
        raise errors[0]
    console.print(f"demo wall time {time.monotonic() - started:.1f} s")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
