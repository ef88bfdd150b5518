"""The options `sora-video` commands share, as annotated types (typer reads the option from the annotation).

Common options are declared on every command (not on the group) so they can follow the command name,
as in `sora-video run --sandbox -p rivya ...`.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated

import typer

from sora_unified import Orientation, Quality
from sora_unified._vocabulary import help_text

ProviderOpt = Annotated[
    str | None,
    typer.Option("--provider", "-p", envvar="SORA_PROVIDER", help="Provider id (see `sora-video providers`)."),
]
ApiKeyOpt = Annotated[
    str | None,
    typer.Option(
        "--api-key",
        help="API key; default: the provider's variable (RIVYA_API_KEY, ...). Never printed.",
        show_default=False,
    ),
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option("--base-url", help="Base URL; default: the provider's variable (RIVYA_BASE_URL, ...), else its spec."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout (errors too).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Print the traceback of an error.")]
HttpTimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds each HTTP request may take.", min=0.001)]
WaitTimeoutOpt = Annotated[
    float,
    typer.Option(
        "--wait-timeout", help="Overall deadline: seconds to wait for the task to finish (exit 6 after).", min=0.0
    ),
]


def _show_version(value: bool) -> None:
    if value:
        try:
            number = version("sora-video-toolkit")
        except PackageNotFoundError:  # a bare checkout, not installed
            number = "unknown"
        typer.echo(f"sora-video {number}")
        raise typer.Exit()


VersionOpt = Annotated[
    bool,
    typer.Option("--version", help="Print the version and exit.", callback=_show_version, is_eager=True),
]
SandboxOpt = Annotated[
    bool,
    typer.Option(
        "--sandbox", help="Start the local sandbox providers in this process and use them (no key, no network)."
    ),
]
TaskArg = Annotated[
    str,
    typer.Argument(
        metavar="TASK",
        help="Task id (with --provider), 'provider:id', a task JSON file from `submit --json`, or - (JSON on stdin).",
    ),
]

PromptOpt = Annotated[str, typer.Option("--prompt", help="What the video shows.")]
SecondsOpt = Annotated[int | None, typer.Option("--seconds", help="Duration (allowed values: `providers`).")]
OrientationOpt = Annotated[Orientation | None, typer.Option("--orientation", help=f"{help_text('orientation')}.")]
QualityOpt = Annotated[
    Quality | None, typer.Option("--quality", help=f"Quality tier ({help_text('quality')}), where the model has tiers.")
]
ReferenceOpt = Annotated[
    str | None, typer.Option("--reference-image", help="Image URL, or a local file where the provider takes uploads.")
]
WatermarkOpt = Annotated[
    bool | None, typer.Option("--watermark/--no-watermark", help="Ask for a watermark or none (default: provider's).")
]
ModelOpt = Annotated[str | None, typer.Option("--model", help="Model id or alias (default: the provider's).")]
IdempotencyOpt = Annotated[
    str | None,
    typer.Option("--idempotency-key", help="Reuse a key to make a repeated submit safe (where the provider has keys)."),
]
OutArg = Annotated[Path, typer.Argument(metavar="OUT", help="Where to save the video (.mp4).")]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Where to save the video (.mp4).")]
