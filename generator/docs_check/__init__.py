"""Know when a provider's docs changed: every doc page of every spec, from the page to a reviewable report.

`run_docs_check` reads each page a spec cites (`info.x-provider.docs`, `info.x-upstream-contract`, the
examples' `x-source`), live or from a snapshot folder, extracts its payloads (JSON blocks, curl
bodies, Apifox examples, an OpenAPI document's examples), and reports examples new, changed or gone
against `specs/examples/`, payloads the spec's schemas reject (with their JSON path), and readable
text changed since the accepted snapshot in `specs/snapshots/`. `run_upstream_check` is the
OpenAPI-document case alone (Rivya's openapi.json). `extract` and `compare_page` are the pure core.
"""

from generator.docs_check._compare import compare_page, diff_json
from generator.docs_check._extract import Extraction, extract
from generator.docs_check._model import DocsCheckError, Finding, Level, PageStats, Payload
from generator.docs_check._openapi import diff_upstream
from generator.docs_check._provider import Provider, load_providers
from generator.docs_check._report import render, summary_line
from generator.docs_check._run import UPSTREAM_URL, check_text, run_docs_check, run_upstream_check
from generator.docs_check._snapshot import ACCEPTED_DIR, read_page, save_pages

__all__ = [
    "ACCEPTED_DIR",
    "UPSTREAM_URL",
    "DocsCheckError",
    "Extraction",
    "Finding",
    "Level",
    "PageStats",
    "Payload",
    "Provider",
    "check_text",
    "compare_page",
    "diff_json",
    "diff_upstream",
    "extract",
    "load_providers",
    "read_page",
    "render",
    "run_docs_check",
    "run_upstream_check",
    "save_pages",
    "summary_line",
]
