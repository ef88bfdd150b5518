"""Saved doc pages: the accepted snapshot under `specs/snapshots/`, or any folder `--save` wrote.

A snapshot folder holds one sub-folder per provider with the pages' text (what the extractors read:
the readable text of an HTML page, a Mintlify `.md` page, a saved export) and an `index.json`
mapping each page URL to its file, with where the text came from:

    {"provider": "rivya", "pages": [{"url": "https://...", "file": "rivya.ai_th_docs_....txt",
      "origin": "seed 000_635c49701a21634f.txt"}]}

A folder without `<provider>/index.json` (such as `../shared/seeds`) is read as a flat folder of
saved pages: a page is found there under the `seed` name the accepted index records for its URL.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import unquote, urlparse

from generator._paths import SPECS_DIR
from generator.docs_check._model import DocsCheckError

ACCEPTED_DIR: Final = SPECS_DIR / "snapshots"
INDEX: Final = "index.json"


@dataclass(frozen=True)
class SavedPage:
    """One page of a snapshot: its URL, text, and the file it was read from."""

    url: str
    text: str
    file: Path


def slug(url: str, suffix: str = ".txt") -> str:
    """A file name for a URL: host and path, anything but letters, digits, `.` and `-` as `_`."""
    parts = urlparse(url)
    name = re.sub(r"[^A-Za-z0-9.-]+", "_", unquote(parts.netloc + parts.path)).strip("_.")
    if len(name) > 120 or not name:
        name = name[:100] + "-" + hashlib.sha256(url.encode()).hexdigest()[:12]
    return name + ("" if name.endswith(suffix) else suffix)


def read_index(folder: Path, provider: str) -> dict[str, dict[str, Any]]:
    """`{url: entry}` of `folder/<provider>/index.json`; empty when there is none."""
    index = folder / provider / INDEX
    if not index.is_file():
        return {}
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DocsCheckError(f"{index}: not a readable snapshot index: {exc}") from exc
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, list):
        raise DocsCheckError(f"{index}: no `pages` list")
    return {str(p["url"]): p for p in pages if isinstance(p, dict) and "url" in p and "file" in p}


def read_page(folder: Path, provider: str, url: str, accepted: Path = ACCEPTED_DIR) -> SavedPage | None:
    """The saved text of `url` in `folder`, or None when the folder has no page for it."""
    entry = read_index(folder, provider).get(url)
    if entry is not None:
        path = folder / provider / str(entry["file"])
    else:
        seed = read_index(accepted, provider).get(url, {}).get("seed")
        if (folder / provider / INDEX).is_file() or not isinstance(seed, str):
            return None
        path = folder / seed
    if not path.is_file():
        return None
    return SavedPage(url, path.read_text(encoding="utf-8"), path)


def save_pages(folder: Path, provider: str, pages: list[tuple[str, str, str, str]]) -> list[Path]:
    """Write `(url, text, suffix, origin)` pages into `folder/<provider>/` and merge them into its index."""
    target = folder / provider
    target.mkdir(parents=True, exist_ok=True)
    entries = read_index(folder, provider)
    written = []
    for url, text, suffix, origin in pages:
        entry = entries.get(url, {})
        name = str(entry.get("file") or slug(url, suffix))
        (target / name).write_text(text, encoding="utf-8")
        # The text written is no longer the seed it may have been copied from: forget the seed's name.
        kept = {k: v for k, v in entry.items() if k != "seed"}
        entries[url] = {**kept, "url": url, "file": name, "origin": origin}
        written.append(target / name)
    ordered = sorted(entries.values(), key=lambda e: str(e["url"]))
    payload = {"provider": provider, "pages": ordered}
    (target / INDEX).write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return written
