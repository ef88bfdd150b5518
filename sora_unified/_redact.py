"""Keep API keys out of anything a user or a log can see.

Provider error bodies are echoed into exception messages and `MalformedResponseError.raw`; some providers
echo the key they rejected. `Redactor` removes the configured secrets and any bearer token from them.
"""

from __future__ import annotations

import re

_BEARER = re.compile(r"(?i)(bearer\s+)[^\s\"',;]+")
MASK = "***"


class Redactor:
    """Removes the given secrets from text and bytes; its repr never shows them."""

    __slots__ = ("_secrets",)

    def __init__(self, *secrets: str) -> None:
        # Short strings would mask ordinary words: a real key is long.
        self._secrets = tuple(sorted({s for s in secrets if len(s) >= 6}, key=len, reverse=True))

    def __repr__(self) -> str:
        return f"Redactor({len(self._secrets)} secret(s))"

    def text(self, value: str) -> str:
        """`value` with every secret and bearer token replaced by ***."""
        for secret in self._secrets:
            value = value.replace(secret, MASK)
        return _BEARER.sub(r"\g<1>" + MASK, value)

    def snippet(self, content: bytes, limit: int) -> str:
        """The start of `content` as text, at most `limit` characters, redacted before it is cut.

        Cutting first would let a secret that crosses the cut slip through as a prefix the patterns no longer
        match; so a longer slice is redacted (long enough to hold the first `limit` characters, at up to 4
        UTF-8 bytes each, plus the longest secret), then cut.
        """
        longest = max((len(secret.encode()) for secret in self._secrets), default=0)
        text = content[: 4 * limit + longest].decode("utf-8", "replace")
        return self.text(text)[:limit]

    def optional(self, value: str | None) -> str | None:
        """`text` for a field that may be absent (codes, request ids: a provider may echo anything there)."""
        return None if value is None else self.text(value)

    def head(self, content: bytes, limit: int) -> bytes:
        """The first `limit` bytes of `content`, redacted before the cut (see `snippet`)."""
        longest = max((len(secret.encode()) for secret in self._secrets), default=0)
        return self.bytes(content[: limit + longest + 64])[:limit]

    def leaks(self, exc: BaseException) -> bool:
        """True when the text of `exc` (or of its args) shows a secret or a bearer token."""
        shown = " ".join((str(exc), *(repr(arg) for arg in exc.args)))
        return self.text(shown) != shown

    def bytes(self, value: bytes) -> bytes:
        """The bytes form of `text`, for raw bodies kept on errors."""
        for secret in self._secrets:
            value = value.replace(secret.encode(), MASK.encode())
        return re.sub(rb"(?i)(bearer\s+)[^\s\"',;]+", rb"\g<1>" + MASK.encode(), value)
