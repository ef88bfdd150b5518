"""Benchmarks of the generated stack (`make bench`): client overhead, import time, concurrency, polling, generation,
download throughput against curl.

Everything runs against local servers on 127.0.0.1 (the sandbox, `bench._canned` or the file server of
`bench.download`), never a real provider. Each benchmark module has a `run(...)` returning a
`bench._report.Section`; `python -m bench` runs them and prints one table. Speed targets live here, not in timed
unit tests.
"""
