"""The extractors on small pages and on the project's own documentation-error file: what is a payload, what is not."""

from __future__ import annotations

from pathlib import Path

from generator._paths import SPECS_DIR
from generator.docs_check import diff_json, extract
from generator.docs_check._html import html_to_text

DOC_ERROR_CURL = SPECS_DIR / "examples/globalaiopc/doc-errors/createSoraVideo.request.current-page-curl.txt"


def test_malformed_curl_body_is_reported_not_half_extracted() -> None:
    """The published curl whose array is never closed yields no payload, one unparsable note, and no nested object."""
    found = extract(DOC_ERROR_CURL.read_text(encoding="utf-8"))
    assert ([], 1, "curl --data body does not parse") == (
        [p.value for p in found.payloads],
        len(found.unparsable),
        found.unparsable[0][1][4:35],
    )


def test_curl_body_carries_method_and_path() -> None:
    """A curl body (single- or double-quoted) is a request of the command's method and URL path."""
    page = (
        "curl -X PUT https://api.example.com/v1/things/7 -H 'a: b' -d '{\"name\": \"x\"}'\n"
        'curl --request POST --url https://api.example.com/v1/things --data "{\\"name\\": \\"y\\"}"\n'
    )
    found = [(p.value, p.kind, p.method, p.path) for p in extract(page).payloads]
    assert [
        ({"name": "x"}, "request", "put", "/v1/things/7"),
        ({"name": "y"}, "request", "post", "/v1/things"),
    ] == found


def test_html_pre_blocks_keep_their_lines_and_json_is_found() -> None:
    """An HTML page's <pre> JSON is found with its entities decoded; scripts are not text; prose is."""
    page = (
        '<!DOCTYPE html><html><head><script>var x = {"a": 1};</script></head><body><h2>Create</h2>'
        '<p>Supports 4, 8 &amp; 12 s.</p><pre><code>{\n  "prompt": "a &lt;cat&gt;"\n}</code></pre></body></html>'
    )
    text = html_to_text(page)
    found = extract(text)
    assert ([{"prompt": "a <cat>"}], "Create\n\nSupports 4, 8 & 12 s.\n\n[JSON example: compared as a payload]\n") == (
        [p.value for p in found.payloads],
        found.readable,
    )


def test_markdown_fences_and_prose_lists_are_not_confused() -> None:
    """A fenced JSON block is a payload; a prose line starting with `[` and a list of strings are not."""
    page = '# Title\n[Note] see below\n```json\n{"id": "t1", "status": "queued"}\n```\n["a", "b"]\n'
    found = extract(page)
    assert ([{"id": "t1", "status": "queued"}], ()) == ([p.value for p in found.payloads], found.unparsable)


def test_apifox_response_example_gets_its_status(tmp_path: Path) -> None:
    """An Apifox response example is a response with the status of the response it points at."""
    page = (
        "POST /v1/video/create\n"
        '[ { "id": 1, "name": "OK", "code": 201, "jsonSchema": {} } ]\n'
        '[ { "name": "ok", "responseId": 1, "data": "{\\"id\\": \\"t\\"}" } ]\n'
    )
    found = [(p.value, p.kind, p.status, p.method, p.path) for p in extract(page).payloads]
    assert [({"id": "t"}, "response", "201", "post", "/v1/video/create")] == found


def test_json_diff_names_added_removed_and_changed_paths() -> None:
    """The JSON diff of a stored example and the page names each path once."""
    old = {"a": 1, "b": {"c": [1, 2]}, "gone": True}
    new = {"a": 2, "b": {"c": [1]}, "new": "x"}
    assert ["$.a: 1 -> 2", "$.b.c[1]: removed (was 2)", "$.gone: removed (was true)", '$.new: added "x"'] == list(
        diff_json(old, new)
    )
