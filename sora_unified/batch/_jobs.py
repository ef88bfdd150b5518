"""Reading a JOBS file (JSON Lines or CSV) into `BatchJob`s, every line checked before anything is sent.

A line holds `VideoRequest` fields (`prompt`, `seconds`, `orientation`, `quality`, `reference_image`,
`watermark`, `model`) plus an optional `provider` (else the default given by the caller) and an optional `id`
(else `line-<n>`; it names the output file `<id>.mp4` and the job in the journal). Values are checked against
the public capability table (`sora_unified.providers()`), so a bad line is reported with its line number, the
field and the allowed values, and `load_jobs` returns every problem at once instead of stopping at the first.
The client checks each request again when it submits (the same table).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sora_unified._capabilities import ModelCapabilities, ProviderInfo
from sora_unified._errors import ValidationError
from sora_unified._inputs import check_request
from sora_unified._models import VideoRequest
from sora_unified._registry import PROVIDERS, providers
from sora_unified._validation import check_local_reference, find_model, is_url

REQUEST_FIELDS = ("prompt", "seconds", "orientation", "quality", "reference_image", "watermark", "model")
JOB_FIELDS = ("id", "provider", *REQUEST_FIELDS)
# A job id names a file in the output directory: no separators, no leading dot.
_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$")


@dataclass(frozen=True)
class BatchJob:
    """One line of a JOBS file: which provider, what to ask for, and the id the journal knows it by."""

    id: str
    line: int
    provider: str
    request: VideoRequest

    @property
    def file_name(self) -> str:
        """The name of the video in the output directory."""
        return f"{self.id}.mp4"

    def request_json(self) -> dict[str, object]:
        """The request as JSON data (fields left `None` omitted), as the journal stores it."""
        data: dict[str, object] = {}
        for name in REQUEST_FIELDS:
            value = getattr(self.request, name)
            if value is not None:
                data[name] = str(value) if name == "reference_image" else value
        return data

    @property
    def fingerprint(self) -> str:
        """sha256 of the provider and the request: a rerun whose line changed is refused, not mixed up."""
        canonical = json.dumps({"provider": self.provider, **self.request_json()}, sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class JobProblem:
    """Why one line cannot be sent: line number, field, value and the allowed values."""

    line: int
    field: str | None
    message: str
    allowed: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f"line {self.line}" + (f": {self.field}" if self.field else "")
        allowed = f" (allowed: {', '.join(self.allowed)})" if self.allowed else ""
        return f"{where}: {self.message}{allowed}"


@dataclass(frozen=True)
class JobsFile:
    """What `load_jobs` read: the valid jobs and the problems of the others."""

    jobs: tuple[BatchJob, ...]
    problems: tuple[JobProblem, ...]
    lines: int


def _rows(path: Path, text: str) -> Iterable[tuple[int, object]]:
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        for row in reader:
            # Empty CSV cells mean "not set".
            yield reader.line_num, {k: v for k, v in row.items() if k is not None and v not in (None, "")}
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            yield number, json.loads(line)
        except ValueError as exc:
            yield number, exc


def _coerce_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _coerce_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no", "1", "0"):
        return value.strip().lower() in ("true", "yes", "1")
    return None


def _shown(values: Sequence[object]) -> tuple[str, ...]:
    return tuple(str(v).lower() if isinstance(v, bool) else str(v) for v in values)


def _check_fields(line: int, caps: ModelCapabilities, request: VideoRequest, where: str) -> list[JobProblem]:
    problems: list[JobProblem] = []
    checks: tuple[tuple[str, object, Sequence[object]], ...] = (
        ("seconds", request.seconds, caps.durations),
        ("orientation", request.orientation, caps.orientations),
        ("quality", request.quality, caps.qualities),
        ("watermark", request.watermark, caps.watermark),
    )
    for name, value, allowed in checks:
        if value is not None and value not in allowed:
            shown = _shown(allowed) or ("none: this field cannot be set",)
            problems.append(JobProblem(line, name, f"{value!r} is not supported by {where}", shown))
    if caps.prompt_max_length is not None and len(request.prompt) > caps.prompt_max_length:
        problems.append(
            JobProblem(line, "prompt", f"{len(request.prompt)} characters; {where} allows {caps.prompt_max_length}")
        )
    reference = request.reference_image
    if reference is not None:
        url = is_url(reference)
        limits = caps.reference_image
        if limits is None or not (limits.accepts_url if url else limits.accepts_file):
            kind = "a reference image URL" if url else "a local reference file"
            problems.append(JobProblem(line, "reference_image", f"{where} does not take {kind}"))
        elif not url and not Path(reference).is_file():
            problems.append(JobProblem(line, "reference_image", f"{str(reference)!r} is not a readable file"))
    return problems


def _job(
    line: int, data: Mapping[str, object], default_provider: str | None, infos: Mapping[str, ProviderInfo]
) -> BatchJob | list[JobProblem]:
    problems = [JobProblem(line, name, "unknown field", JOB_FIELDS) for name in data if name not in JOB_FIELDS]
    provider = data.get("provider", default_provider)
    if not isinstance(provider, str) or provider not in infos:
        message = "missing (no default provider given)" if provider is None else f"{provider!r} is not a provider"
        return [*problems, JobProblem(line, "provider", message, tuple(sorted(infos)))]
    info = infos[provider]
    job_id = data.get("id", f"line-{line}")
    if not isinstance(job_id, str | int) or isinstance(job_id, bool) or not _ID.match(str(job_id)):
        problems.append(JobProblem(line, "id", f"{job_id!r} is not a job id (letters, digits, _ . -; 1-100)"))
    prompt = data.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        problems.append(JobProblem(line, "prompt", "missing or empty"))
        prompt = ""
    seconds = None if data.get("seconds") is None else _coerce_int(data["seconds"])
    if data.get("seconds") is not None and seconds is None:
        problems.append(JobProblem(line, "seconds", f"{data['seconds']!r} is not a whole number"))
    watermark = None if data.get("watermark") is None else _coerce_bool(data["watermark"])
    if data.get("watermark") is not None and watermark is None:
        problems.append(JobProblem(line, "watermark", f"{data['watermark']!r} is not true or false"))
    text: dict[str, str | None] = {}
    for name in ("orientation", "quality", "reference_image", "model"):
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(JobProblem(line, name, f"{value!r} is not a string"))
            value = None
        text[name] = value
    model_name = text["model"] or info.default_model
    caps = info.model(model_name)
    if caps is None:
        allowed = tuple(name for m in info.models for name in (m.id, *m.aliases))
        return [*problems, JobProblem(line, "model", f"{model_name!r} is not offered by {provider}", allowed)]
    request = VideoRequest(
        prompt=prompt,
        seconds=seconds,
        orientation=text["orientation"],  # type: ignore[arg-type]  # checked against caps.orientations below
        quality=text["quality"],  # type: ignore[arg-type]  # checked against caps.qualities below
        reference_image=text["reference_image"],
        watermark=watermark,
        model=text["model"],
    )
    problems += _check_fields(line, caps, request, f"{provider} model {caps.id}")
    if problems:
        return problems
    # The client's own offline checks, exactly as submit runs them: a line must not pass here and fail there.
    try:
        check_request(request)
        if request.reference_image is not None and not is_url(request.reference_image):
            spec = PROVIDERS[provider][0]
            model = find_model(spec, request.model)
            if model is not None:
                check_local_reference(spec, model, request.reference_image)
    except ValidationError as exc:
        return [JobProblem(line, exc.field or "request", exc.message, _shown(exc.allowed))]
    return BatchJob(id=str(job_id), line=line, provider=provider, request=request)


def parse_jobs(path: Path, text: str, default_provider: str | None = None) -> JobsFile:
    """Every job of a JOBS file's text (`path` decides the format: `.csv`, else JSON Lines) and every problem."""
    infos = {info.id: info for info in providers()}
    jobs: list[BatchJob] = []
    problems: list[JobProblem] = []
    seen: dict[str, int] = {}
    count = 0
    for line, data in _rows(path, text):
        count += 1
        if isinstance(data, ValueError):
            problems.append(JobProblem(line, None, f"not JSON: {data}"))
            continue
        if not isinstance(data, dict):
            problems.append(JobProblem(line, None, "not a JSON object"))
            continue
        result = _job(line, data, default_provider, infos)
        if isinstance(result, list):
            problems += result
            continue
        if result.id in seen:
            problems.append(JobProblem(line, "id", f"{result.id!r} is already the id of line {seen[result.id]}"))
            continue
        seen[result.id] = line
        jobs.append(result)
    if count == 0:
        problems.append(JobProblem(0, None, "no jobs in the file"))
    return JobsFile(jobs=tuple(jobs), problems=tuple(problems), lines=count)


def load_jobs(path: str | Path, default_provider: str | None = None) -> JobsFile:
    """Read and check a JOBS file; OSError when it cannot be read."""
    source = Path(path)
    return parse_jobs(source, source.read_text(encoding="utf-8-sig"), default_provider)
