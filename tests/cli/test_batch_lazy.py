"""The batch command costs the other commands nothing at start-up, and its help names the real journal file."""

from __future__ import annotations

import subprocess
import sys

from sora_cli._batch_cmd import DEFAULT_JOURNAL
from sora_unified.batch import DEFAULT_NAME


def test_help_names_the_batch_packages_journal_file() -> None:
    """The literal in the --journal help is the batch package's own default name."""
    assert DEFAULT_NAME == DEFAULT_JOURNAL


def test_loading_the_cli_imports_no_batch_machinery() -> None:
    """Building the `sora-video` app (every command does) loads no batch package, sqlite3 or async client."""
    probe = (
        "import sys, sora_cli.__main__; "
        "print(sorted(m for m in ('sora_unified.batch', 'sqlite3', 'sora_unified._async_client') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "[]\n" == result.stdout
