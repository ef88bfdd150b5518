# Generated from specs/openaivideos.yaml and specs/mappings/openaivideos.yaml through generator/templates/layer/provider.py.jinja by `make generate`: do not edit.
"""OpenAI Videos API format (`openaivideos`): capability table and mapping data for sora_unified.

Rendered from specs/openaivideos.yaml and specs/mappings/openaivideos.yaml: the runtime's own record
(`sora_unified._spec.ProviderSpec`), built by the generator and written as literals; every allowed value was
read from the spec through the mapping's JSON pointers at generate time. Change the spec or the mapping, not this file.
"""

from __future__ import annotations

from sora_unified._capabilities import ModelCapabilities, PollingGuidance
from sora_unified._models import TaskStatus
from sora_unified._spec import (
    ComputedRule,
    ErrorRule,
    FieldRule,
    ModelSpec,
    PollHint,
    ProviderSpec,
    ResponseRule,
    TimestampPath,
)

SPEC = ProviderSpec(
    id="openaivideos",
    display_name="OpenAI Videos API format",
    docs=(
        "https://github.com/openai/openai-openapi/blob/f85dbe2/openapi.json",
        "https://developers.openai.com/api/docs/guides/video-generation",
        "https://platform.openai.com/docs/api-reference/videos",
        "https://docs.lumenfall.ai/api-reference/videos/get",
    ),
    api_key_env="OPENAIVIDEOS_API_KEY",
    base_url_env="OPENAIVIDEOS_BASE_URL",
    default_base_url="https://api.openai.com",
    default_model="sora-2-pro",
    models=(
        ModelSpec(
            capabilities=ModelCapabilities(
                id="sora-2-pro",
                aliases=(),
                durations=(4, 8, 12),
                orientations=("portrait", "landscape"),
                qualities=("standard", "high"),
                watermark=(),
                prompt_max_length=32000,
                reference_image=None,
            ),
            defaults={"orientation": "portrait", "quality": "standard"},
        ),
        ModelSpec(
            capabilities=ModelCapabilities(
                id="sora-2",
                aliases=(),
                durations=(4, 8, 12),
                orientations=("portrait", "landscape"),
                qualities=("standard",),
                watermark=(),
                prompt_max_length=32000,
                reference_image=None,
            ),
            defaults={"orientation": "portrait", "quality": "standard"},
        ),
    ),
    model_path=("model",),
    prompt_path=("prompt",),
    fields=(FieldRule(field="seconds", to=("seconds",), transform="string", values={}),),
    reference=None,
    constants=(),
    statuses={
        "queued": TaskStatus.QUEUED,
        "in_progress": TaskStatus.RUNNING,
        "completed": TaskStatus.SUCCEEDED,
        "failed": TaskStatus.FAILED,
        "cancelled": TaskStatus.CANCELED,
    },
    response=ResponseRule(
        id=(("id",),),
        status=(("status",),),
        model=(("model",),),
        progress=(("progress",),),
        video_url=(("video_url",),),
        error_code=(("error", "code"),),
        error_message=(("error", "message"),),
        created_at=(TimestampPath(path=("created_at",), unit="unix_s"),),
        updated_at=(TimestampPath(path=("completed_at",), unit="unix_s"),),
    ),
    errors=ErrorRule(
        code=(("error", "code"),),
        message=(("error", "message"),),
        request_id=(),
        request_id_headers=("x-request-id",),
        kinds={},
    ),
    polling=PollingGuidance(
        initial_delay=5.0, min_interval=5.0, max_interval=20.0, backoff_factor=1.5, elapsed_fraction=0.15
    ),
    idempotency_header=None,
    client_request_id_path=None,
    download_content_types=("video/", "application/octet-stream", "binary/octet-stream"),
    computed=(
        ComputedRule(
            to=("size",),
            inputs=("orientation", "quality"),
            table={
                ("portrait", "standard"): "720x1280",
                ("landscape", "standard"): "1280x720",
                ("portrait", "high"): "1024x1792",
                ("landscape", "high"): "1792x1024",
            },
        ),
    ),
    poll_hints=(PollHint(header="openai-poll-after-ms", seconds_per_unit=0.001),),
)
