# Generated from specs/globalaiopc.yaml and specs/mappings/globalaiopc.yaml through generator/templates/layer/provider.py.jinja by `make generate`: do not edit.
"""GlobalAI OPC (`globalaiopc`): capability table and mapping data for sora_unified.

Rendered from specs/globalaiopc.yaml and specs/mappings/globalaiopc.yaml: the runtime's own record
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
    id="globalaiopc",
    display_name="GlobalAI OPC",
    docs=(
        "https://docs.globalaiopc.com/en/api-reference/video/sora/sora-create",
        "https://docs.globalaiopc.com/en/api-reference/video/sora/sora-query",
        "https://docs.xingchaoyiqing.com/api-reference/video/sora-query",
        "https://xingchao.mintlify.app/guides/async-tasks",
        "https://xingchao.mintlify.app/guides/authentication",
        "https://docs.globalaiopc.com/en/api-reference/image/nano-banana-query",
    ),
    api_key_env="GLOBALAIOPC_API_KEY",
    base_url_env="GLOBALAIOPC_BASE_URL",
    default_base_url="https://zcbservice.aizfw.cn",
    default_model="openAiSora2Pro",
    models=(
        ModelSpec(
            capabilities=ModelCapabilities(
                id="openAiSora2Pro",
                aliases=("sora-2-pro",),
                durations=(4, 8, 12),
                orientations=("landscape", "portrait"),
                qualities=(),
                watermark=(),
                prompt_max_length=None,
                reference_image=ReferenceImageLimits(
                    max_count=1, accepts_url=True, accepts_file=False, max_bytes=None, mime_types=()
                ),
            ),
            defaults={"seconds": 8},
        ),
        ModelSpec(
            capabilities=ModelCapabilities(
                id="openAiSora2Plus",
                aliases=(),
                durations=(4, 8, 12),
                orientations=("landscape", "portrait"),
                qualities=(),
                watermark=(),
                prompt_max_length=None,
                reference_image=ReferenceImageLimits(
                    max_count=1, accepts_url=True, accepts_file=False, max_bytes=None, mime_types=()
                ),
            ),
            defaults={"seconds": 8},
        ),
    ),
    model_path=("model",),
    prompt_path=("prompt",),
    fields=(
        FieldRule(field="seconds", to=("seconds",), transform="identity", values={}),
        FieldRule(
            field="orientation", to=("size",), transform="map", values={"landscape": "1280x720", "portrait": "720x1280"}
        ),
    ),
    reference=ReferenceRule(
        to=("input_reference",),
        item="{url}",
        as_list=True,
        when_absent=None,
        has_when_absent=False,
        upload_url_path=None,
        upload_kind=None,
    ),
    constants=(),
    statuses={
        "queued": TaskStatus.QUEUED,
        "processing": TaskStatus.RUNNING,
        "completed": TaskStatus.SUCCEEDED,
        "failed": TaskStatus.FAILED,
        "cancelled": TaskStatus.CANCELED,
    },
    response=ResponseRule(
        id=(("id",),),
        status=(("status",),),
        model=(("model",),),
        progress=(),
        video_url=(("video_url",),),
        error_code=(),
        error_message=(("error",),),
        created_at=(TimestampPath(path=("created",), unit="unix_s"),),
        updated_at=(),
    ),
    errors=ErrorRule(
        code=(("code",),), message=(("msg",), ("message",)), request_id=(), request_id_headers=(), kinds={}
    ),
    polling=PollingGuidance(
        initial_delay=30.0, min_interval=30.0, max_interval=60.0, backoff_factor=1.25, elapsed_fraction=0.15
    ),
    idempotency_header=None,
    client_request_id_path=None,
    download_content_types=("video/", "application/octet-stream", "binary/octet-stream"),
    computed=(),
    poll_hints=(),
)
