"""The `sora-video` command line over sora_unified (entry point: `sora_cli.__main__:main`).

Modules: `_app` (the commands), `_batch_cmd` (the batch command), `_options` (shared options), `_session`
(client, sandbox, task references), `_output` (JSON and human output), `_progress` (the wait display),
`_batch_view` (the batch display), `_exit` (exit codes).
"""

from sora_cli._exit import EXIT_CODES, ExitCode

__all__ = ["EXIT_CODES", "ExitCode"]
