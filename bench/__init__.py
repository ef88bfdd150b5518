"""Benchmarks of the generated stack (`make bench`): client overhead, import time, concurrency, polling, generation.

Everything runs against local servers on 127.0.0.1 (the sandbox or `bench._canned`), never a real
provider. Each benchmark module has a `run(...)` returning a `bench._report.Section`; `python -m bench`
runs them and prints one table. Speed targets live here, not in timed unit tests.
"""
