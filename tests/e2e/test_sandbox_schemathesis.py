"""Schemathesis against the sandbox, one test per provider spec: the fakes must conform to the specs.

Positive and negative cases (schemathesis' default "all" modes), a bounded number of examples per operation.
Checks: every default check except the ones listed in EXCLUDED with the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi import checks

from generator._paths import SPECS_DIR
from sora_sandbox import SandboxHandle, run_sandbox
from sora_sandbox.pytest_plugin import FAST
from tests._providers import SANDBOX_PENDING, sandbox_serves

MAX_EXAMPLES = 50
CASES: Counter[str] = Counter()

# Operation-specific exclusions, with why:
# - uploadFile/positive_data_acceptance: the spec cannot say that the file's bytes must carry a JPEG/PNG/WebP
#   signature ("Rivya validates the detected file signature", https://rivya.ai/docs/api-files), so generated
#   "valid" uploads of random bytes are rightly refused with 400 validation_failed.
# - createWebhookEndpoint/positive_data_acceptance: schema-valid URLs such as "https://" or "https://10.0.0.1"
#   are rejected by the documented rule (no localhost/private/loopback/reserved hosts, 400 webhook_url_rejected,
#   https://rivya.ai/docs/api-webhooks), which a JSON Schema cannot express.
EXCLUDED: dict[str, list[Any]] = {
    "uploadFile": [checks.positive_data_acceptance],
    "createWebhookEndpoint": [checks.positive_data_acceptance],
}


@pytest.fixture(scope="module")
def sandbox_live() -> Iterator[SandboxHandle]:
    """One sandbox for the module; prints how many cases ran per provider (`pytest -s` shows it)."""
    with run_sandbox(FAST) as handle:
        yield handle
    print(f"\nschemathesis cases per provider: {dict(sorted(CASES.items()))}")


def make_test(spec_path: Path) -> Any:
    schema = schemathesis.openapi.from_path(spec_path)
    provider = spec_path.stem

    @schema.parametrize()
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def test(case: Any, sandbox_live: SandboxHandle) -> None:
        """The sandbox answers every generated request as the spec documents."""
        sandbox_live.reset_stats(idempotency=True)  # generated cases are independent (no cross-case 409s)
        CASES[provider] += 1
        headers = {"Authorization": f"Bearer {sandbox_live.keys[provider]}"}
        excluded = EXCLUDED.get(case.operation.definition.raw.get("operationId", ""), [])
        case.call_and_validate(base_url=sandbox_live.base_url, headers=headers, excluded_checks=excluded)
        assert [] == sandbox_live.stats()["response_violations"]

    test.__name__ = f"test_{provider}_sandbox_conforms_to_spec"
    return test


for _spec in sorted(SPECS_DIR.glob("*.yaml")):
    _test = make_test(_spec)
    globals()[f"test_{_spec.stem}_sandbox_conforms_to_spec"] = (
        _test if sandbox_serves(_spec.stem) else SANDBOX_PENDING(_test)
    )
