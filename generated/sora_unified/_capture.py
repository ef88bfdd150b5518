# Generated from specs/*.yaml and specs/mappings/ by `make generate`: do not edit.
"""Keep hold of the raw httpx response of the current call.

The generated clients parse a response into their models before returning; a non-JSON or off-schema body
then raises (ValueError, KeyError, TypeError) and the bytes are lost. A response event hook records each
response in a per-call slot (a ContextVar, so concurrent async tasks and threads do not mix), letting the
adapter fall back to the raw status, headers and body, which `_normalize` turns into a typed error. Used by
submits and uploads; status calls (the hot path) are sent unparsed and never need it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

import httpx

from sora_unified._spec import RawResponse

# What the generated `_parse_response` raises on bodies that do not match the spec.
PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError)


class Slot:
    """The last response seen during one call."""

    __slots__ = ("response",)

    def __init__(self) -> None:
        self.response: httpx.Response | None = None

    def raw(self) -> RawResponse | None:
        """The captured answer, or None when no response arrived."""
        if self.response is None:
            return None
        return RawResponse(self.response.status_code, dict(self.response.headers), self.response.content)


_current: ContextVar[Slot | None] = ContextVar("sora_unified_capture", default=None)


@contextmanager
def capturing() -> Iterator[Slot]:
    """A fresh slot for the duration of one generated-client call."""
    slot = Slot()
    token = _current.set(slot)
    try:
        yield slot
    finally:
        _current.reset(token)


def capture_response(response: httpx.Response) -> None:
    """Response hook for httpx.Client."""
    slot = _current.get()
    if slot is not None:
        slot.response = response


async def acapture_response(response: httpx.Response) -> None:
    """Response hook for httpx.AsyncClient (httpx awaits async hooks)."""
    capture_response(response)


def from_generated(status_code: int, headers: Mapping[str, str], content: bytes) -> RawResponse:
    """A RawResponse from the parts of a generated `Response[T]`."""
    return RawResponse(int(status_code), dict(headers), content)
