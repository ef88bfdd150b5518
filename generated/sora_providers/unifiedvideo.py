# Generated from specs/unifiedvideo.yaml and specs/mappings/unifiedvideo.yaml through generator/templates/layer/provider.py.jinja by `make generate`: do not edit.
"""Unified video format (统一视频格式) (`unifiedvideo`): capability table and mapping data for sora_unified.

Rendered from specs/unifiedvideo.yaml and specs/mappings/unifiedvideo.yaml: the runtime's own record
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
    id="unifiedvideo",
    display_name="Unified video format (统一视频格式)",
    docs=(
        "https://aiapi-doc.pages.dev/api/video/%E5%88%9B%E5%BB%BA%E8%A7%86%E9%A2%91-sora-2-pro-358742580.html",
        "https://doc.aimanyi.top/api-358742580.html",
        "https://v98store.com/html_docs/api-358068995.html",
        "https://5x3xyv9go8.apifox.cn/main/435838333e0",
        "https://doc.aimanyi.top/api-358068905.html",
        "https://jusu-api.apifox.cn/359865498e0",
        "https://docs.22codex.xyz/427877348e0.html",
        "https://docs.octopusx.ai/en/videos/sora/unified-generation",
        "https://docs.octopusx.ai/en/videos/sora/unified-query",
    ),
    api_key_env="UNIFIEDVIDEO_API_KEY",
    base_url_env="UNIFIEDVIDEO_BASE_URL",
    default_base_url=None,
    default_model="sora-2-pro",
    models=(
        ModelSpec(
            capabilities=ModelCapabilities(
                id="sora-2-pro",
                aliases=(),
                durations=(15, 25),
                orientations=("portrait", "landscape"),
                qualities=("standard", "high"),
                watermark=(False,),
                prompt_max_length=None,
                reference_image=ReferenceImageLimits(
                    max_count=1, accepts_url=True, accepts_file=False, max_bytes=None, mime_types=()
                ),
            ),
            defaults={"seconds": 15, "orientation": "portrait", "quality": "standard"},
        ),
        ModelSpec(
            capabilities=ModelCapabilities(
                id="sora-2",
                aliases=(),
                durations=(10, 15),
                orientations=("portrait", "landscape"),
                qualities=("standard", "high"),
                watermark=(False,),
                prompt_max_length=None,
                reference_image=ReferenceImageLimits(
                    max_count=1, accepts_url=True, accepts_file=False, max_bytes=None, mime_types=()
                ),
            ),
            defaults={"seconds": 10, "orientation": "portrait", "quality": "standard"},
        ),
    ),
    model_path=("model",),
    prompt_path=("prompt",),
    fields=(
        FieldRule(field="seconds", to=("duration",), transform="identity", values={}),
        FieldRule(field="orientation", to=("orientation",), transform="identity", values={}),
        FieldRule(field="quality", to=("size",), transform="map", values={"standard": "small", "high": "large"}),
        FieldRule(field="watermark", to=("watermark",), transform="map", values={"false": False}),
    ),
    reference=ReferenceRule(
        to=("images",),
        item="{url}",
        as_list=True,
        when_absent=[],
        has_when_absent=True,
        upload_url_path=None,
        upload_kind=None,
    ),
    constants=(),
    statuses={
        "pending": TaskStatus.QUEUED,
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
        progress=(("progress",), ("detail", "pending_info", "progress_pct")),
        video_url=(("video_url",),),
        error_code=(("error", "code"),),
        error_message=(("error", "message"), ("error",), ("fail_reason",), ("failure_reason",)),
        created_at=(TimestampPath(path=("created_at",), unit="unix_s"),),
        updated_at=(TimestampPath(path=("status_update_time",), unit="unix_ms"),),
    ),
    errors=ErrorRule(
        code=(("error", "code"), ("code",)),
        message=(("error", "message"), ("error",), ("message",)),
        request_id=(),
        request_id_headers=("x-request-id", "x-oneapi-request-id"),
        kinds={},
    ),
    polling=PollingGuidance(
        initial_delay=5.0, min_interval=5.0, max_interval=20.0, backoff_factor=1.5, elapsed_fraction=0.15
    ),
    idempotency_header=None,
    client_request_id_path=None,
    download_content_types=("video/", "application/octet-stream", "binary/octet-stream"),
    computed=(),
    poll_hints=(),
)
