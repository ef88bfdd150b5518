"""`docs-check` and `upstream-check`: read every doc page (live, or from a snapshot), compare, report.

For each provider (discovered from `specs/*.yaml`) and each of its pages (`_provider.Provider.pages`):
read the page's text (fetched, or from `--snapshot DIR`), extract its payloads, compare them with
the stored examples and the schemas (`_compare`), and diff its readable text with the accepted
snapshot (`specs/snapshots/`). An OpenAPI document (Rivya's openapi.json) is diffed with the spec
instead (`_openapi`); `upstream-check` is that case alone. Exit status: 0, 1 (`--fail-on` hit) or 2
(a page could not be fetched, a spec is missing: one line on stderr naming the URL or file).
"""

from __future__ import annotations

import difflib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from generator import _speclib as lib
from generator._paths import SPECS_DIR
from generator.docs_check import _fetch, _openapi, _snapshot
from generator.docs_check._compare import compare_page
from generator.docs_check._extract import extract
from generator.docs_check._model import DocsCheckError, Finding, Level, PageStats
from generator.docs_check._provider import Provider, load_providers
from generator.docs_check._report import check_options, exit_status, render

if TYPE_CHECKING:
    import httpx

# Where upstream-check looks when the spec names no `info.x-upstream-contract` (Rivya's, as before the move).
UPSTREAM_URL: Final = "https://rivya.ai/api/v1/openapi.json"
MAX_DIFF_LINES: Final = 40
MAX_LINE: Final = 200


@dataclass
class _Run:
    snapshot: Path | None
    accepted: Path
    keep_going: bool
    transport: httpx.BaseTransport | None = None
    session: httpx.Client | None = None
    findings: list[Finding] = field(default_factory=list)
    stats: list[PageStats] = field(default_factory=list)
    to_save: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict)

    def page(self, provider: Provider, url: str, location: str | Path | None = None) -> None:
        """Read one page (from `location` when given: a URL to fetch or a saved file), then check it."""
        read = self._read(provider, url, location)
        if read is None:
            return
        text, source, suffix = read
        self.to_save.setdefault(provider.id, []).append((url, text, suffix, f"{source} ({_now()})"))
        findings, stats = check_text(provider, url, text, source, self.accepted)
        self.findings += findings
        self.stats.append(stats)

    def _read(self, provider: Provider, url: str, location: str | Path | None) -> tuple[str, str, str] | None:
        if isinstance(location, Path):
            return location.read_text(encoding="utf-8"), str(location), location.suffix or ".txt"
        if self.snapshot is not None and location is None:
            saved = _snapshot.read_page(self.snapshot, provider.id, url, self.accepted)
            if saved is None:
                message = f"no snapshot for URL {url} in {lib.display_path(self.snapshot)}: page not checked"
                self.findings.append(Finding(provider.id, url, "no-snapshot", Level.INFO, message))
                return None
            return saved.text, lib.display_path(saved.file), saved.file.suffix or ".txt"
        if self.session is None:
            self.session = _fetch.client(self.transport)
        try:
            fetched = _fetch.fetch_page(self.session, location or url)
        except _fetch.FetchError as exc:
            if not self.keep_going:
                raise
            self.findings.append(Finding(provider.id, url, "page-unreachable", Level.WARNING, str(exc)))
            return None
        if fetched.moved_to:
            message = f"{url} redirects to {fetched.moved_to}: update the URL in the spec (docs, x-source)"
            self.findings.append(Finding(provider.id, url, "page-moved", Level.WARNING, message))
        return fetched.text, fetched.read_from, fetched.suffix


def check_text(provider: Provider, url: str, text: str, source: str, accepted: Path) -> tuple[list[Finding], PageStats]:
    """The findings of one page's text: payloads vs examples and schemas, and the text vs the accepted snapshot."""
    if url == provider.upstream_contract or _openapi.looks_like_openapi(text):
        document = _openapi.parse_document(text, source)
        findings = _openapi.diff_upstream(provider.id, url, provider.spec, document)
        more, stats = compare_page(provider, url, _openapi.example_payloads(provider.spec, document), source)
        return findings + more, stats
    extraction = extract(text)
    findings, stats = compare_page(provider, url, extraction.payloads, source)
    for line, why in extraction.unparsable:
        findings.append(Finding(provider.id, url, "payload-unparsable", Level.INFO, f"line {line}: {why}"))
    baseline = _snapshot.read_page(accepted, provider.id, url, accepted)
    if baseline is None:
        message = f"no accepted snapshot for {url}: text not compared (accept this one with --save specs/snapshots)"
        findings.append(Finding(provider.id, url, "no-accepted-snapshot", Level.INFO, message))
        return findings, stats
    diff = text_diff(extract(baseline.text).readable, extraction.readable, lib.display_path(baseline.file), source)
    if diff:
        changed = sum(1 for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---")))
        message = f"the readable text changed since the accepted snapshot ({changed} line(s) added or removed)"
        findings.append(Finding(provider.id, url, "page-text-changed", Level.INFO, message, detail=tuple(diff)))
    return findings, stats


def text_diff(accepted: str, current: str, accepted_name: str, current_name: str) -> list[str]:
    """A short unified diff (one line of context, at most 40 lines, long lines cut) of two readable texts."""
    lines = list(
        difflib.unified_diff(accepted.splitlines(), current.splitlines(), accepted_name, current_name, n=1, lineterm="")
    )
    cut = [line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…" for line in lines[:MAX_DIFF_LINES]]
    if len(lines) > MAX_DIFF_LINES:
        cut.append(f"… {len(lines) - MAX_DIFF_LINES} more diff line(s)")
    return cut


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def run_docs_check(
    providers: Sequence[str] | None = None,
    pages: Sequence[str] | None = None,
    snapshot: Path | None = None,
    save: Path | None = None,
    fmt: str = "text",
    fail_on: str | None = None,
    keep_going: bool = False,
    specs_dir: Path = SPECS_DIR,
    accepted: Path = _snapshot.ACCEPTED_DIR,
    out: TextIO | None = None,
    transport: httpx.BaseTransport | None = None,
) -> int:
    """Check every page of every provider (or only those named); print the report; return the exit status."""
    stream = out or sys.stdout
    run = _Run(snapshot, accepted, keep_going, transport)
    try:
        check_options(fmt, fail_on)
        if snapshot is not None and not snapshot.is_dir():
            raise DocsCheckError(f"--snapshot {snapshot}: no such folder")
        loaded = load_providers(specs_dir, list(providers or []))
        unknown = sorted(set(pages or []) - {url for provider in loaded for url in provider.pages()})
        if unknown:
            raise DocsCheckError(f"--page {', '.join(unknown)} is not a doc page of any spec checked")
        for provider in loaded:
            for url in provider.pages():
                if not pages or url in pages:
                    run.page(provider, url)
    except (DocsCheckError, ValueError, OSError) as exc:
        print(f"docs-check: {exc}", file=sys.stderr)
        return 2
    finally:
        if run.session is not None:
            run.session.close()
    for provider_id, saved in run.to_save.items():
        if save is not None:
            _snapshot.save_pages(save, provider_id, saved)
    if fmt in ("text", "markdown"):
        where = f"snapshot {lib.display_path(snapshot)}" if snapshot else "the live pages"
        stream.write(f"docs-check: {where} against the accepted snapshot {lib.display_path(accepted)}\n")
    stream.write(render(run.findings, run.stats, fmt))
    if save is not None:
        print(f"docs-check: saved {sum(map(len, run.to_save.values()))} page(s) under {save}", file=sys.stderr)
    return exit_status(run.findings, fail_on)


def run_upstream_check(
    url: str | None = None,
    file: Path | None = None,
    spec: Path | None = None,
    fmt: str = "text",
    fail_on: str | None = None,
    out: TextIO | None = None,
    accepted: Path = _snapshot.ACCEPTED_DIR,
    transport: httpx.BaseTransport | None = None,
) -> int:
    """The OpenAPI-document case alone: where Rivya's published openapi.json differs from `specs/rivya.yaml`."""
    stream = out or sys.stdout
    spec = spec or SPECS_DIR / "rivya.yaml"
    run = _Run(None, accepted, keep_going=False, transport=transport)
    try:
        check_options(fmt, fail_on)
        if not spec.is_file():
            raise DocsCheckError(f"{spec} does not exist yet: nothing to compare upstream with")
        loaded = lib.load_spec(spec)
        provider = Provider(lib.provider_id(loaded, spec), spec, loaded)
        page = provider.upstream_contract or UPSTREAM_URL
        source: str | Path = file if file is not None else url or page
        run.page(provider, page, source)
    except (DocsCheckError, ValueError, OSError) as exc:
        print(f"upstream-check: {exc}", file=sys.stderr)
        return 2
    finally:
        if run.session is not None:
            run.session.close()
    if fmt in ("text", "markdown"):
        stream.write(f"upstream-check: {spec.name} (base) vs {source} (revision)\n")
    stream.write(render(run.findings, run.stats, fmt))
    return exit_status(run.findings, fail_on)
