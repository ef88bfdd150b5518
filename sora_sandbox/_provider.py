"""The request and reply types the dispatcher (`_app.py`) and the provider behaviour (`_behaviour.py`) share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import QueryParams


@dataclass
class Reply:
    """A JSON reply (or raw bytes when `raw` is set)."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    media_type: str = "application/json"


@dataclass
class Call:
    """One validated request, as a behaviour sees it."""

    operation_id: str
    api_key: str
    path_params: Mapping[str, str]
    query: QueryParams
    headers: Mapping[str, str]
    body: bytes
    json: Any
    form: Mapping[str, Any]  # multipart fields: str values, or (filename, content type, bytes) for files
    base_url: str  # "http://127.0.0.1:<port>", for URLs the sandbox serves itself
    force_fail: bool = False  # a TASK_FAILED fault was drawn for this create
