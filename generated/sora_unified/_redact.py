# Generated from specs/*.yaml and specs/mappings/ by `make generate`: do not edit.
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

    def bytes(self, value: bytes) -> bytes:
        """The bytes form of `text`, for raw bodies kept on errors."""
        for secret in self._secrets:
            value = value.replace(secret.encode(), MASK.encode())
        return re.sub(rb"(?i)(bearer\s+)[^\s\"',;]+", rb"\g<1>" + MASK.encode(), value)


class Secret:
    """An API key that prints as *** (repr, str, f-strings); `reveal()` is the only way to read it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The key itself: only for the Authorization header."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__
