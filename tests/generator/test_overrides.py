"""Behaviour of our template overrides, exercised on the golden fixture package."""

from __future__ import annotations

import importlib
import json
from typing import Any

import httpx


def _mod(pkg: str, name: str) -> Any:
    return importlib.import_module(f"{pkg}.{name}")


def test_client_has_a_finite_default_timeout(golden_package: str) -> None:
    """Upstream's client waits forever by default; ours times out after 60 s (10 s to connect)."""
    client = _mod(golden_package, "client").AuthenticatedClient(base_url="http://127.0.0.1:9", token="t")
    assert httpx.Timeout(60.0, connect=10.0) == client.get_httpx_client().timeout


def test_multipart_booleans_are_lowercase(golden_package: str) -> None:
    """Booleans in multipart bodies are sent as true/false, not Python's True/False."""
    models = _mod(golden_package, "models")
    types = _mod(golden_package, "types")
    body = models.UploadRequest(file=types.File(payload=b"x", file_name="a.png", mime_type="image/png"), public=True)
    parts = dict((name, value) for name, value in body.to_multipart())
    assert (None, b"true", "text/plain") == parts["public"]


def test_unknown_enum_value_in_a_response_is_kept_not_raised(golden_package: str) -> None:
    """A status value the spec does not list parses, is marked undocumented and survives to_dict."""
    task = _mod(golden_package, "models").Task.from_dict({"id": "t1", "status": "rendering", "phase": "paused"})
    assert "rendering" == task.status
    assert "paused" == task.phase.value
    assert False is task.phase.is_documented
    assert {"id": "t1", "status": "rendering", "phase": "paused"} == task.to_dict()


def test_known_enum_value_is_documented(golden_package: str) -> None:
    """A listed value is the real member (identity), marked documented."""
    status = _mod(golden_package, "models").TaskStatus
    assert status.QUEUED is status("queued")
    assert True is status("queued").is_documented


def test_numeric_looking_enums_get_readable_names(golden_package: str) -> None:
    """x-enum-varnames names members after their values instead of VALUE_0, VALUE_1."""
    models = _mod(golden_package, "models")
    assert ["SECONDS_10", "SECONDS_5"] == sorted(models.Seconds.__members__)
    assert ["RATIO_16_9", "RATIO_9_16"] == sorted(models.Ratio.__members__)
    assert 30 == models.Frames.FPS_30


def test_unknown_fields_round_trip(golden_package: str) -> None:
    """Fields the spec does not declare are kept and serialized back unchanged."""
    payload = {"id": "t1", "status": "done", "progress": "45%", "detail": {"raw": [1, None]}, "error": None}
    task = _mod(golden_package, "models").Task.from_dict(payload)
    assert json.dumps(payload, sort_keys=True) == json.dumps(task.to_dict(), sort_keys=True)


def test_client_repr_never_shows_the_token(golden_package: str) -> None:
    """The key is absent from repr, before and after the httpx client (which copies it into headers) is built."""
    client = _mod(golden_package, "client").AuthenticatedClient(base_url="http://127.0.0.1:9", token="sk-SECRET")
    before = repr(client)
    client.get_httpx_client()
    assert (False, False) == ("sk-SECRET" in before, "sk-SECRET" in repr(client))
