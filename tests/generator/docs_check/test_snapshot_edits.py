"""The committed snapshot reports no difference; a snapshot edited the way a provider would is reported edit by edit."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

from generator.docs_check import ACCEPTED_DIR, run_docs_check
from tests.generator.docs_check.conftest import SEEDS, needs_seeds, page_file

GLOBALAIOPC_PAGE = "https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create"
RIVYA_PAGE = "https://rivya.ai/th/docs/api/models/sora-2-pro"
GLOBALAIOPC_REQUEST = "specs/examples/globalaiopc/createSoraVideo.request.seed-openai-sora2-plus.json"
GLOBALAIOPC_RESPONSE = "specs/examples/globalaiopc/createSoraVideo.response-200.seed-queued.json"
RIVYA_RESPONSE = "specs/examples/rivya/createGeneration.response-2XX.sora-2-pro-queued.json"


def _report(snapshot: Path, *args: Any, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    status = run_docs_check(snapshot=snapshot, fmt="json", out=out, **kwargs)
    return status, json.loads(out.getvalue())


def _differences(report: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    coverage = {"no-snapshot", "no-accepted-snapshot"}
    return [(f["page"], f["rule"], f["where"], f["json_path"]) for f in report["findings"] if f["rule"] not in coverage]


def _edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{path.name} no longer contains {old!r}: update the test's edit"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_committed_snapshot_reports_no_difference() -> None:
    """Against itself, the accepted snapshot has no difference and passes --fail-on warning."""
    status, report = _report(ACCEPTED_DIR, fail_on="warning")
    assert (0, [], {"breaking": 0, "warning": 0}) == (
        status,
        _differences(report),
        {k: report["summary"][k] for k in ("breaking", "warning")},
    )


def test_pages_without_snapshot_are_info_naming_the_url() -> None:
    """A doc URL with no saved page is one info finding saying `no snapshot for URL <url>`, never a failure."""
    _, report = _report(ACCEPTED_DIR, providers=["globalaiopc"])
    missing = [f for f in report["findings"] if f["rule"] == "no-snapshot"]
    named = all(f["level"] == "info" and f"no snapshot for URL {f['page']} " in f["message"] for f in missing)
    assert (7, True) == (len(missing), named)


@needs_seeds
def test_seed_folder_reads_like_the_snapshot() -> None:
    """`--snapshot ../shared/seeds` (a flat folder of saved pages) reports no difference either."""
    status, report = _report(SEEDS, fail_on="warning")
    read = sorted(p["source"].rsplit("/", 1)[-1] for p in report["pages"])
    assert (0, [], ["000_635c49701a21634f.txt", "001_b99f829a5fdec7d0.txt", "002_c00a1d8b7f4fa48f.txt"]) == (
        status,
        _differences(report),
        read,
    )


def test_edited_globalaiopc_page_reports_every_edit(snapshot_copy: Path) -> None:
    """A new duration in the prose and in the curl example, and a field removed from the response, are each named."""
    _edit(
        page_file(snapshot_copy, "globalaiopc"),
        ("当前支持 4812 秒时长选项", "当前支持 481216 秒时长选项"),
        ('"seconds": 8,', '"seconds": 16,'),
        ('  "object": "video.generation",\n', ""),
    )
    status, report = _report(snapshot_copy, providers=["globalaiopc"], fail_on="warning")
    findings = {(f["rule"], f["where"], f["json_path"]): f for f in report["findings"] if f["page"] == GLOBALAIOPC_PAGE}
    text_diff = findings[("page-text-changed", "", "")]["detail"]
    assert (
        1,
        ["$.seconds: 8 -> 16"],
        ['$.object: removed (was "video.generation")'],
        "createSoraVideo request rejects it: 16 is not one of [4, 8, 12]",
        ["-使用 Sora 的先进 AI 模型创建高质量视频生成任务,当前支持 4812 秒时长选项。"],
        ["+使用 Sora 的先进 AI 模型创建高质量视频生成任务,当前支持 481216 秒时长选项。"],
        4,
    ) == (
        status,
        findings[("example-changed", GLOBALAIOPC_REQUEST, "")]["detail"],
        findings[("example-changed", GLOBALAIOPC_RESPONSE, "")]["detail"],
        findings[("request-example-rejected", "POST /kyyReactApiServer/v1/sora/videos", "$.seconds")]["message"],
        [line for line in text_diff if line.startswith("-") and not line.startswith("---")],
        [line for line in text_diff if line.startswith("+") and not line.startswith("+++")],
        len(findings),
    )


def test_edited_rivya_page_reports_new_field_and_removed_required_field(snapshot_copy: Path) -> None:
    """A field the strict request schema lacks is a warning at its path; a required response field gone is breaking."""
    _edit(
        page_file(snapshot_copy, "rivya"),
        (
            '    "upload_method": "s3",\n    "referenceMediaItems"',
            '    "seed": 7,\n    "upload_method": "s3",\n    "referenceMediaItems"',
        ),
        ('  "reserved_credits": 75,\n', ""),
    )
    _, report = _report(snapshot_copy, providers=["rivya"])
    rejected = sorted(
        (f["level"], f["json_path"]) for f in report["findings"] if f["rule"].endswith("-example-rejected")
    )
    changed = [f["where"] for f in report["findings"] if f["rule"] == "example-changed"]
    assert ([("breaking", "$.reserved_credits"), ("warning", "$.params.seed")], 2, True) == (
        rejected,
        len(changed),
        RIVYA_RESPONSE in changed,
    )


def test_example_removed_from_page_is_gone(snapshot_copy: Path) -> None:
    """A stored seed example whose page no longer shows it is reported gone, naming the example file."""
    page = page_file(snapshot_copy, "rivya")
    text = page.read_text(encoding="utf-8")
    start = text.index("response จากการสร้าง")
    _edit(page, (text[start : text.index("error ทั่วไป")], ""))
    _, report = _report(snapshot_copy, providers=["rivya"])
    gone = [(f["level"], f["where"]) for f in report["findings"] if f["rule"] == "example-gone"]
    assert [("warning", RIVYA_RESPONSE)] == gone


def test_edited_apifox_description_and_example(snapshot_copy: Path) -> None:
    """A new duration in an Apifox description shows in the text diff; in its example, once at `$.duration`."""
    _edit(
        page_file(snapshot_copy, "unifiedvideo"),
        ('"支持 15,25"', '"支持 15,25,35"'),
        ('\\"duration\\": 15', '\\"duration\\": 35'),
    )
    _, report = _report(snapshot_copy, providers=["unifiedvideo"])
    by_rule = {f["rule"]: f for f in report["findings"]}
    added = [line for line in by_rule["page-text-changed"]["detail"] if line.startswith("+ ")]
    rejected = [f["json_path"] for f in report["findings"] if f["rule"] == "request-example-rejected"]
    assert (['+        "description": "支持 15,25,35"'], ["$.duration: 15 -> 35"], ["$.duration"]) == (
        added,
        by_rule["example-changed"]["detail"],
        rejected,
    )


def test_text_and_markdown_reports_name_the_change(snapshot_copy: Path) -> None:
    """Both human formats carry the rule, the example file and the JSON diff line."""
    _edit(page_file(snapshot_copy, "globalaiopc"), ('"seconds": 8,', '"seconds": 16,'))
    named = []
    for fmt in ("text", "markdown"):
        out = io.StringIO()
        run_docs_check(snapshot=snapshot_copy, providers=["globalaiopc"], fmt=fmt, out=out)
        text = out.getvalue()
        named.append((fmt, "example-changed" in text, GLOBALAIOPC_REQUEST in text, "$.seconds: 8 -> 16" in text))
    assert [("text", True, True, True), ("markdown", True, True, True)] == named


def test_saving_an_edited_snapshot_accepts_it(snapshot_copy: Path, tmp_path: Path) -> None:
    """`--save` over the accepted snapshot makes the edited text the baseline (no change next time), seed forgotten."""
    accepted = tmp_path / "accepted"
    shutil.copytree(ACCEPTED_DIR, accepted)
    _edit(page_file(snapshot_copy, "globalaiopc"), ("当前支持 4812 秒时长选项", "当前支持 481216 秒时长选项"))
    _report(snapshot_copy, providers=["globalaiopc"], accepted=accepted, save=accepted)
    _, report = _report(snapshot_copy, providers=["globalaiopc"], accepted=accepted)
    entry = json.loads((accepted / "globalaiopc" / "index.json").read_text(encoding="utf-8"))["pages"][0]
    assert ([], False) == (_differences(report), "seed" in entry)
