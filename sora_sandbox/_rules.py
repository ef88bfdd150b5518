"""Named checks an `echo` operation can require of a body field (`require: {url: public_https_url}`)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit


def public_https_url(value: object) -> bool:
    """HTTPS, no credentials or fragment, no local/private/loopback/reserved host (Rivya's webhook URL rules)."""
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme != "https" or parts.username or parts.password or parts.fragment or not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True
    return address.is_global


RULES: Mapping[str, Callable[[object], bool]] = {"public_https_url": public_https_url}
