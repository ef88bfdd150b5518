# Generated from specs/rivya.yaml and specs/mappings/rivya.yaml through generator/templates/layer/provider.py.jinja by `make generate`: do not edit.
"""Rivya AI (`rivya`): capability table and mapping data for sora_unified.

Rendered from specs/rivya.yaml and specs/mappings/rivya.yaml: the runtime's own record
(`sora_unified._spec.ProviderSpec`), built by the generator and written as literals; every allowed value was
read from the spec through the mapping's JSON pointers at generate time. Change the spec or the mapping, not this file.
"""

from __future__ import annotations

from sora_unified._capabilities import (
    ModelCapabilities,
    PollingGuidance,
    ReferenceImageLimits,
)
from sora_unified._models import TaskStatus
from sora_unified._spec import (
    ErrorRule,
    FieldRule,
    ModelSpec,
    ProviderSpec,
    ReferenceRule,
    ResponseRule,
    TimestampPath,
)

SPEC = ProviderSpec(
    id="rivya",
    display_name="Rivya AI",
    docs=(
        "https://rivya.ai/docs/api-quickstart",
        "https://rivya.ai/docs/api-authentication",
        "https://rivya.ai/docs/api-generations",
        "https://rivya.ai/docs/api-generation-status",
        "https://rivya.ai/docs/api-files",
        "https://rivya.ai/docs/api-webhooks",
        "https://rivya.ai/docs/api-credits",
        "https://rivya.ai/docs/api-models",
        "https://rivya.ai/docs/api-errors-and-limits",
        "https://rivya.ai/docs/api-openapi-schema",
        "https://rivya.ai/docs/api-changelog",
        "https://rivya.ai/docs/api/models/sora-2-pro",
        "https://rivya.ai/th/docs/api/models/sora-2-pro",
    ),
    api_key_env="RIVYA_API_KEY",
    base_url_env="RIVYA_BASE_URL",
    default_base_url="https://rivya.ai",
    default_model="sora-2-pro",
    models=(
        ModelSpec(
            capabilities=ModelCapabilities(
                id="sora-2-pro",
                aliases=(),
                durations=(10, 15),
                orientations=("landscape", "portrait"),
                qualities=("standard", "high"),
                watermark=(False, True),
                prompt_max_length=10000,
                reference_image=ReferenceImageLimits(
                    max_count=1,
                    accepts_url=True,
                    accepts_file=True,
                    max_bytes=10485760,
                    mime_types=("image/jpeg", "image/png", "image/webp"),
                ),
            ),
            defaults={},
        ),
    ),
    model_path=("model",),
    prompt_path=("prompt",),
    fields=(
        FieldRule(field="seconds", to=("params", "n_frames"), transform="string", values={}),
        FieldRule(field="orientation", to=("params", "aspect_ratio"), transform="identity", values={}),
        FieldRule(field="quality", to=("params", "size"), transform="identity", values={}),
        FieldRule(
            field="watermark",
            to=("params", "remove_watermark"),
            transform="map",
            values={"false": "true", "true": "false"},
        ),
    ),
    reference=ReferenceRule(
        to=("params", "referenceMediaItems"),
        item={"url": "{url}", "kind": "image", "name": "{name}", "mimeType": "{mime_type}"},
        as_list=True,
        when_absent=None,
        has_when_absent=False,
        upload_url_path=("url",),
        upload_kind="image",
    ),
    constants=(),
    statuses={
        "queued": TaskStatus.QUEUED,
        "processing": TaskStatus.RUNNING,
        "succeeded": TaskStatus.SUCCEEDED,
        "failed": TaskStatus.FAILED,
    },
    response=ResponseRule(
        id=(("id",),),
        status=(("status",),),
        model=(("model",),),
        progress=(("progress",),),
        video_url=(("result", "primary_url"), ("result", "urls", 0)),
        error_code=(("error", "code"),),
        error_message=(("error", "message"),),
        created_at=(TimestampPath(path=("created_at",), unit="iso8601"),),
        updated_at=(TimestampPath(path=("updated_at",), unit="iso8601"),),
    ),
    errors=ErrorRule(
        code=(("error", "code"),),
        message=(("error", "message"),),
        request_id=(("error", "requestId"),),
        request_id_headers=("x-request-id",),
        kinds={
            "insufficient_credits": "insufficient_credits",
            "api_key_missing": "authentication",
            "api_key_invalid": "authentication",
            "api_key_revoked": "authentication",
            "api_key_expired": "authentication",
            "api_scope_denied": "permission_denied",
            "rate_limited": "rate_limited",
            "validation_failed": "validation",
            "not_found": "not_found",
            "idempotency_conflict": "provider",
            "public_api_disabled": "provider",
        },
    ),
    polling=PollingGuidance(
        initial_delay=2.5, min_interval=5.0, max_interval=10.0, backoff_factor=1.25, elapsed_fraction=0.15
    ),
    idempotency_header="Idempotency-Key",
    client_request_id_path=("client_request_id",),
    download_content_types=("video/", "application/octet-stream", "binary/octet-stream"),
    computed=(),
    poll_hints=(),
)
