"""Exit codes of `sora-video` and the mapping from the typed errors of sora_unified onto them.

The table (`EXIT_CODES`) is the single source of the `--help` epilog and of the package docs; a
script can rely on it. Errors are reported as one line (`describe`), built only from the exception's
own message, which sora_unified already stripped of the API key; the library's `Redactor` removes every
key once more here in case a message came from elsewhere (an OSError naming a path, a bug). Only the keys
themselves are masked: the Redactor ignores strings too short to be a key, so a message is never garbled.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import typer

from sora_unified import (
    AuthenticationError,
    ConfigurationError,
    DownloadDestinationError,
    InsufficientCreditsError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    ProviderError,
    RateLimitError,
    SoraUnifiedError,
    SubmitOutcomeUnknownError,
    TaskFailedError,
    ValidationError,
    WaitTimeoutError,
)
from sora_unified._redact import Redactor


class ExitCode(enum.IntEnum):
    """What a `sora-video` exit status means."""

    OK = 0
    TASK_FAILED = 1
    USAGE = 2
    AUTH = 3
    NOT_FOUND = 4
    PROVIDER = 5
    TIMEOUT = 6
    SUBMIT_UNKNOWN = 7
    INTERNAL = 70
    INTERRUPTED = 130


EXIT_CODES: tuple[tuple[ExitCode, str], ...] = (
    (ExitCode.OK, "success"),
    (ExitCode.TASK_FAILED, "a task ended failed or canceled (batch: some job failed)"),
    (ExitCode.USAGE, "usage, validation or output-path error (names the field and values)"),
    (ExitCode.AUTH, "API key missing or rejected, permission denied, not enough credits"),
    (ExitCode.NOT_FOUND, "no such task for this provider and key"),
    (ExitCode.PROVIDER, "provider error: 429, 5xx, connection, malformed answer, download"),
    (ExitCode.TIMEOUT, "not finished: wait deadline, running task, batch jobs left to resume"),
    (ExitCode.SUBMIT_UNKNOWN, "submit outcome unknown: not resent (check before resubmitting)"),
    (ExitCode.INTERNAL, "internal error (a bug): rerun with --debug and report it"),
    (ExitCode.INTERRUPTED, "interrupted (Ctrl-C, SIGTERM): prints the command that resumes"),
)

# Most specific class first: ProviderError's subclasses and the ValueError mixins share bases.
_BY_CLASS: tuple[tuple[type[BaseException], ExitCode], ...] = (
    (TaskFailedError, ExitCode.TASK_FAILED),
    (ValidationError, ExitCode.USAGE),
    (ConfigurationError, ExitCode.USAGE),
    (AuthenticationError, ExitCode.AUTH),
    (PermissionDeniedError, ExitCode.AUTH),
    (InsufficientCreditsError, ExitCode.AUTH),
    (NotFoundError, ExitCode.NOT_FOUND),
    (DownloadDestinationError, ExitCode.USAGE),  # the output path: a local problem the caller fixes
    (RateLimitError, ExitCode.PROVIDER),
    (ProviderError, ExitCode.PROVIDER),
    (MalformedResponseError, ExitCode.PROVIDER),
    (WaitTimeoutError, ExitCode.TIMEOUT),
    (SubmitOutcomeUnknownError, ExitCode.SUBMIT_UNKNOWN),
    (SoraUnifiedError, ExitCode.PROVIDER),
    (typer.TyperException, ExitCode.USAGE),
    (KeyboardInterrupt, ExitCode.INTERRUPTED),
    (OSError, ExitCode.USAGE),
)


@dataclass
class CliError(Exception):
    """A failure found by the CLI itself (bad task file, conflicting options), with its exit code."""

    message: str
    code: ExitCode = ExitCode.USAGE

    def __str__(self) -> str:
        return self.message


def exit_code_for(exc: BaseException) -> ExitCode:
    """The documented exit code of an exception (INTERNAL for anything unexpected)."""
    if isinstance(exc, CliError):
        return exc.code
    if isinstance(exc, ConfigurationError) and getattr(exc, "setting", None) == "api_key":
        return ExitCode.AUTH  # a missing or unusable key: the library's ConfigurationError, the CLI's code 3
    for cls, code in _BY_CLASS:
        if isinstance(exc, cls):
            return code
    return ExitCode.INTERNAL


def epilog() -> str:
    """The exit-code table as the `--help` epilog (click keeps `\\b` paragraphs unwrapped)."""
    rows = "\n".join(f"  {code.value:>3}  {meaning}" for code, meaning in EXIT_CODES)
    return f"\b\nExit codes:\n{rows}"


def see_exit_codes(command: str | None = None) -> str:
    """The epilog of a command's help: the exit codes live on one page, `sora-video --help`."""
    extra = " (batch's own meanings are above)" if command == "batch" else ""
    return f"Exit codes: see `sora-video --help`{extra}."


def redact(text: str, secrets: tuple[str, ...]) -> str:
    """`text` with every secret (and any bearer token) replaced by *** (`sora_unified._redact.Redactor`)."""
    return Redactor(*secrets).text(text)


def _hint(exc: BaseException, hint: str | None, recovery: str | None = None) -> str:
    if isinstance(exc, WaitTimeoutError | KeyboardInterrupt) and hint:
        return f"; {hint}"
    if recovery and not isinstance(exc, KeyboardInterrupt):
        return f"; {recovery}"
    if isinstance(exc, SubmitOutcomeUnknownError):
        return f"; request fingerprint {exc.fingerprint}: look for a matching task before submitting again"
    if isinstance(exc, RateLimitError) and exc.retry_after is not None:
        return f"; retry after {exc.retry_after:g}s"
    return ""


def describe(
    exc: BaseException, *, hint: str | None = None, recovery: str | None = None, secrets: tuple[str, ...] = ()
) -> str:
    """One line saying what went wrong (field, value and allowed values for validation errors).

    `hint` says what to do after a timeout or an interrupt (e.g. the command that resumes the task).
    """
    if isinstance(exc, KeyboardInterrupt):
        text = "interrupted"
    elif isinstance(exc, ValidationError) and exc.field is not None:
        text = f"invalid --{exc.field.replace('_', '-')}: {exc}"
    elif isinstance(exc, typer.TyperException):
        text = exc.format_message()
    elif isinstance(exc, SoraUnifiedError | CliError):
        text = str(exc)
    elif isinstance(exc, OSError):
        text = f"{exc.strerror or type(exc).__name__}: {exc.filename}" if exc.filename else str(exc)
    else:
        text = f"internal error {type(exc).__name__}: {exc} (rerun with --debug)"
    line = redact(text + _hint(exc, hint, recovery), secrets)
    return " ".join(line.split())  # one line, whatever the provider put in its message
