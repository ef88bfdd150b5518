"""Type and form checks at every public entry point, before any provider rule is looked at.

`_validation` judges a request against a provider's capabilities; this module first makes sure each value is
of a type and a shape any provider could be sent at all, so a wrong type is a `ValidationError` naming the
field and the expected type, never an AttributeError deep in the body builder, and nothing unsendable
reaches the wire (a CRLF in a header, a lone surrogate, a task id `..` that would walk to another endpoint).

The key policy (`check_api_key`): surrounding whitespace is stripped (keys read from files and secret
mounts end in a newline); a key with any other whitespace or control character inside, or any non-ASCII
character, is refused with `ConfigurationError`, which never shows the key.
"""

from __future__ import annotations

import math
import os
import unicodedata
from typing import get_args
from urllib.parse import urlsplit

from sora_unified._errors import ConfigurationError, ValidationError
from sora_unified._models import Orientation, Quality, VideoRequest

# Longest local path accepted (PATH_MAX on Linux); a longer one is refused before the filesystem sees it.
MAX_PATH = 4096
# Shortest key accepted: the redactor masks secrets of at least this length (shorter ones are ordinary words).
MIN_KEY_LENGTH = 6
# Longest task id accepted: ids are tens of characters; a longer one is not an id.
MAX_TASK_ID = 512
# Unicode categories that are not visible text: controls, format characters (zero-width), separators.
_INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp", "Cs", "Co", "Cn")


def _type_error(field: str, value: object, expected: str) -> ValidationError:
    return ValidationError(
        f"{field} must be {expected}, got {type(value).__name__} {_show(value)}",
        field=field,
        value=_show(value),
        allowed=(expected,),
    )


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _encodable(field: str, text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError(
            f"{field} is not valid Unicode text (a lone surrogate at position {exc.start})",
            field=field,
            value=_show(text),
            allowed=("text encodable as UTF-8",),
        ) from None


def _visible(text: str) -> bool:
    return any(unicodedata.category(char) not in _INVISIBLE for char in text)


def check_request(request: object) -> VideoRequest:
    """The request itself is a VideoRequest, and each of its fields has a sendable type and form."""
    if not isinstance(request, VideoRequest):
        raise _type_error("request", request, "a VideoRequest")
    prompt = request.prompt
    if not isinstance(prompt, str):
        raise _type_error("prompt", prompt, "a str")
    _encodable("prompt", prompt)
    if not _visible(prompt):
        raise ValidationError(
            "prompt has no visible character (empty, spaces or zero-width characters only)",
            field="prompt",
            value=_show(prompt),
            allowed=("text with at least one visible character",),
        )
    if request.seconds is not None and (isinstance(request.seconds, bool) or not isinstance(request.seconds, int)):
        raise _type_error("seconds", request.seconds, "an int or None")
    for name, literal in (("orientation", Orientation), ("quality", Quality)):
        value = getattr(request, name)
        if value is not None and value not in get_args(literal):
            allowed = tuple(get_args(literal))
            raise ValidationError(
                f"{name} must be one of {', '.join(allowed)} or None, got {_show(value)}",
                field=name,
                value=_show(value),
                allowed=allowed,
            )
    if request.watermark is not None and not isinstance(request.watermark, bool):
        raise _type_error("watermark", request.watermark, "a bool or None")
    if request.model is not None:
        if not isinstance(request.model, str):
            raise _type_error("model", request.model, "a str or None")
        if not request.model.strip():
            raise ValidationError(
                "model is empty: pass a model id or alias, or None for the provider's default",
                field="model",
                value=_show(request.model),
                allowed=("a model id", "an alias", "None"),
            )
        _encodable("model", request.model)
    if request.reference_image is not None:
        check_reference(request.reference_image)
    return request


def check_reference(reference: object) -> None:
    """An http(s) URL with a host, or a local path (str or os.PathLike) of sane length."""
    if not isinstance(reference, str | os.PathLike):
        raise _type_error("reference_image", reference, "an http(s) URL, a path (str or os.PathLike) or None")
    text = os.fspath(reference)
    if not isinstance(text, str):
        raise _type_error("reference_image", reference, "a text path, not bytes")
    _encodable("reference_image", text)
    lowered = text.lower()
    if "://" in lowered[:16] or lowered.startswith(("http:", "https:")):
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValidationError(
                f"reference_image URL needs an http or https scheme and a host, got {_show(text)}",
                field="reference_image",
                value=_show(text),
                allowed=("http://host/...", "https://host/...", "a local file path"),
            )
        return
    if not text or "\x00" in text or len(text) > MAX_PATH:
        raise ValidationError(
            f"reference_image is not a usable path ({'empty' if not text else 'too long or NUL byte'})",
            field="reference_image",
            value=_show(text),
            allowed=(f"a local file path of at most {MAX_PATH} characters", "an http(s) URL"),
        )


def check_task_id(task_id: object, field: str = "task") -> str:
    """A task id that can only ever name one task: non-empty, not a dot segment, no control characters."""
    if not isinstance(task_id, str):
        raise _type_error(field, task_id, "a task id (str), a TaskRef or a VideoTask")
    stripped = task_id.strip()
    problem = None
    if not stripped:
        problem = "is empty"
    elif stripped in (".", "..") or task_id != stripped:
        problem = "is a dot segment or has surrounding whitespace"
    elif len(task_id) > MAX_TASK_ID:
        problem = f"is longer than {MAX_TASK_ID} characters"
    elif any(unicodedata.category(char) in ("Cc", "Cf", "Cs") for char in task_id):
        problem = "contains control characters"
    elif "/" in task_id or "\\" in task_id:
        problem = "contains a path separator"
    if problem is not None:
        raise ValidationError(
            f"task id {_show(task_id)} {problem}",
            field=field,
            value=_show(task_id),
            allowed=("a task id as the provider returned it",),
        )
    return task_id


def check_idempotency_key(key: object) -> str | None:
    """None, or printable ASCII without spaces (it goes into an HTTP header)."""
    if key is None:
        return None
    if not isinstance(key, str):
        raise _type_error("idempotency_key", key, "a str or None")
    if not key or len(key) > 255 or not all(0x21 <= ord(char) <= 0x7E for char in key):
        raise ValidationError(
            f"idempotency_key must be 1-255 printable ASCII characters without spaces, got {_show(key)}",
            field="idempotency_key",
            value=_show(key),
            allowed=("printable ASCII, no spaces or line breaks, at most 255 characters",),
        )
    return key


def check_seconds(field: str, value: object, *, allow_zero: bool = False) -> float:
    """A finite, positive (or, with `allow_zero`, non-negative) number of seconds; NaN and infinity are refused."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _type_error(field, value, "a number of seconds")
    number = float(value)
    if not math.isfinite(number) or number < 0 or (number == 0 and not allow_zero):
        raise ValidationError(
            f"{field} must be a finite number of seconds {'>= 0' if allow_zero else '> 0'}, got {_show(value)}",
            field=field,
            value=_show(value),
            allowed=("a finite positive number",),
        )
    return number


def check_api_key(key: str, source: str) -> str:
    """The key as it will be sent: surrounding whitespace stripped; ConfigurationError if unsendable.

    `source` names where the key came from (`api_key=` or the environment variable) and is what the error
    shows; the key itself never is.
    """
    if not isinstance(key, str):
        raise ConfigurationError(
            f"the API key from {source} must be a str, got {type(key).__name__}", setting="api_key"
        )
    stripped = key.strip()
    if not stripped:
        raise ConfigurationError(f"the API key from {source} is empty", setting="api_key")
    if len(stripped) < MIN_KEY_LENGTH:
        raise ConfigurationError(
            f"the API key from {source} is too short to be one (at least {MIN_KEY_LENGTH} characters; a key that"
            " short could not be told apart from ordinary words when it is masked); the key is not shown",
            setting="api_key",
        )
    bad = [i for i, char in enumerate(stripped) if not 0x21 <= ord(char) <= 0x7E]
    if bad:
        raise ConfigurationError(
            f"the API key from {source} has {len(bad)} character(s) that cannot go into an HTTP header "
            f"(whitespace, control or non-ASCII characters inside it, first at position {bad[0]}); "
            "the key is not shown",
            setting="api_key",
        )
    return stripped
