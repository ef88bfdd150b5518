"""Serving result media with single byte-range support (RFC 9110 section 14), so clients can resume."""

from __future__ import annotations

import re

from starlette.responses import Response

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def byte_range(header: str | None, size: int) -> tuple[int, int] | str | None:
    """(first, last) inclusive for a satisfiable single range, None to send everything, "unsatisfiable" else.

    Multi-range and malformed headers are ignored (a server may always answer 200 with the full body).
    """
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        return None
    first_text, last_text = match.groups()
    if not first_text and not last_text:
        return None
    if not first_text:  # suffix range: the last N bytes
        length = int(last_text)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    first = int(first_text)
    last = int(last_text) if last_text else size - 1
    if first >= size or last < first:
        return "unsatisfiable"
    return first, min(last, size - 1)


def media_response(data: bytes, media_type: str, range_header: str | None, head: bool = False) -> Response:
    """200 with the whole body, 206 with the requested range, or 416."""
    size = len(data)
    headers = {"Accept-Ranges": "bytes"}
    chosen = byte_range(range_header, size)
    if chosen == "unsatisfiable":
        headers["Content-Range"] = f"bytes */{size}"
        return Response(b"", status_code=416, headers=headers, media_type=media_type)
    if chosen is None:
        status, body = 200, data
    else:
        assert isinstance(chosen, tuple)
        first, last = chosen
        status, body = 206, data[first : last + 1]
        headers["Content-Range"] = f"bytes {first}-{last}/{size}"
    response = Response(b"" if head else body, status_code=status, headers=headers, media_type=media_type)
    if head:
        response.headers["Content-Length"] = str(len(body))
    return response
