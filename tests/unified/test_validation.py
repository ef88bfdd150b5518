"""Validation before any request, request bodies as each provider documents them, and the capability table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sora_unified import ValidationError, VideoClient, VideoRequest, providers
from tests.unified._support import example, ok

QUEUED = {"rivya": example("rivya/createGeneration.response-2XX.sora-2-pro-queued.json")}


def test_capabilities_come_from_the_specs() -> None:
    """Durations, orientations, tiers and limits per provider and model are the specs' enums and limits."""
    table = {
        (info.id, m.id): (m.durations, m.orientations, m.qualities, m.watermark, m.prompt_max_length)
        for info in providers()
        for m in info.models
    }
    # The providers known when this was written; one added later brings its own rows (subset check).
    assert {
        ("openaivideos", "sora-2-pro"): ((4, 8, 12), ("portrait", "landscape"), ("standard", "high"), (), 32000),
        ("openaivideos", "sora-2"): ((4, 8, 12), ("portrait", "landscape"), ("standard",), (), 32000),
        ("globalaiopc", "openAiSora2Plus"): ((4, 8, 12), ("landscape", "portrait"), (), (), None),
        ("globalaiopc", "openAiSora2Pro"): ((4, 8, 12), ("landscape", "portrait"), (), (), None),
        ("rivya", "sora-2-pro"): ((10, 15), ("landscape", "portrait"), ("standard", "high"), (False, True), 10000),
        ("unifiedvideo", "sora-2"): ((10, 15), ("portrait", "landscape"), ("standard", "high"), (False,), None),
        ("unifiedvideo", "sora-2-pro"): ((15, 25), ("portrait", "landscape"), ("standard", "high"), (False,), None),
    }.items() <= table.items()


def test_rivya_reference_limits_come_from_the_model_card() -> None:
    """Rivya's reference image limits are the spec's maxItems, x-model-card bytes and MIME types."""
    rivya = next(info for info in VideoClient.providers() if info.id == "rivya")
    limits = rivya.models[0].reference_image
    assert limits is not None
    expected = (1, True, True, 10485760, ("image/jpeg", "image/png", "image/webp"))
    assert expected == (limits.max_count, limits.accepts_url, limits.accepts_file, limits.max_bytes, limits.mime_types)


@pytest.mark.parametrize(
    ("provider", "request_", "field", "value", "allowed", "accepted_by"),
    [
        (
            "rivya",
            VideoRequest(prompt="p", seconds=12),
            "seconds",
            12,
            (10, 15),
            ("globalaiopc/openAiSora2Pro", "globalaiopc/openAiSora2Plus"),
        ),
        (
            "globalaiopc",
            VideoRequest(prompt="p", seconds=10),
            "seconds",
            10,
            (4, 8, 12),
            ("rivya/sora-2-pro", "unifiedvideo/sora-2"),
        ),
        (
            "unifiedvideo",
            VideoRequest(prompt="p", seconds=10),
            "seconds",
            10,
            (15, 25),
            ("rivya/sora-2-pro", "unifiedvideo/sora-2"),
        ),
        (
            "globalaiopc",
            VideoRequest(prompt="p", quality="high"),
            "quality",
            "high",
            (),
            ("rivya/sora-2-pro", "unifiedvideo/sora-2-pro", "unifiedvideo/sora-2"),
        ),
        ("unifiedvideo", VideoRequest(prompt="p", watermark=True), "watermark", True, (False,), ("rivya/sora-2-pro",)),
        ("rivya", VideoRequest(prompt="p", model="sora-9"), "model", "sora-9", ("sora-2-pro",), ()),
        (
            "rivya",
            VideoRequest(prompt="x" * 10001),
            "prompt",
            "<10001 characters>",
            ("<= 10000 characters",),
            (
                "globalaiopc/openAiSora2Pro",
                "globalaiopc/openAiSora2Plus",
                "unifiedvideo/sora-2-pro",
                "unifiedvideo/sora-2",
            ),
        ),
    ],
    ids=[
        "rivya-12s",
        "globalaiopc-10s",
        "unified-pro-10s",
        "globalaiopc-quality",
        "unified-watermark",
        "unknown-model",
        "prompt-too-long",
    ],
)
def test_validation_names_field_value_allowed_and_alternatives(
    make: Any,
    provider: str,
    request_: VideoRequest,
    field: str,
    value: object,
    allowed: tuple[object, ...],
    accepted_by: tuple[str, ...],
) -> None:
    """A value the provider/model cannot take is refused before any request, with the alternatives."""
    h = make(provider, ok({}))
    with pytest.raises(ValidationError) as caught:
        h.submit(request_)
    error = caught.value
    assert (field, value, allowed) == (error.field, error.value, error.allowed)
    # The pairs listed are among those named, and those named are exactly the models whose capabilities take
    # the value (so a provider added later is named too, without editing this table).
    assert set(accepted_by) <= set(error.accepted_by)
    assert _accepting(request_) == error.accepted_by
    assert [] == h.recorder.requests


def _accepting(request_: VideoRequest) -> tuple[str, ...]:
    """Every provider/model whose public capabilities take the request's offending value."""

    def takes(caps: Any) -> bool:
        if request_.model is not None:
            return request_.model in (caps.id, *caps.aliases)
        if request_.seconds is not None:
            return request_.seconds in caps.durations
        if request_.quality is not None:
            return request_.quality in caps.qualities
        if request_.watermark is not None:
            return request_.watermark in caps.watermark
        return caps.prompt_max_length is None or len(request_.prompt) <= caps.prompt_max_length

    return tuple(f"{info.id}/{m.id}" for info in providers() for m in info.models if takes(m))


def test_bool_is_not_a_duration(make: Any) -> None:
    """seconds=True is refused, not read as 1 (no silent coercion)."""
    h = make("globalaiopc", ok({}))
    with pytest.raises(ValidationError) as caught:
        h.submit(VideoRequest(prompt="p", seconds=True))
    assert "seconds" == caught.value.field


def test_local_file_refused_where_only_urls_are_taken(make: Any, tmp_path: Path) -> None:
    """GlobalAiOpc takes reference URLs only: a local file names the providers that upload."""
    image = tmp_path / "ref.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 10)
    h = make("globalaiopc", ok({}))
    with pytest.raises(ValidationError) as caught:
        h.submit(VideoRequest(prompt="p", reference_image=image))
    assert ("reference_image", ("rivya/sora-2-pro",)) == (caught.value.field, caught.value.accepted_by)


def test_rivya_minimal_request_matches_the_documented_example(make: Any) -> None:
    """The documented minimal sora-2-pro request is what a matching VideoRequest sends (no upload_method)."""
    documented = example("rivya/createGeneration.request.sora-2-pro-minimal.json")
    del documented["params"]["upload_method"]
    h = make("rivya", ok(QUEUED["rivya"]))
    h.submit(
        VideoRequest(
            prompt=documented["prompt"], seconds=10, orientation="landscape", quality="standard", watermark=True
        )
    )
    sent = h.recorder.json_bodies()[0]
    key = sent.pop("client_request_id")
    assert documented == sent
    assert key == h.recorder.requests[0].headers["idempotency-key"]


def test_unified_request_matches_the_documented_example(make: Any) -> None:
    """The documented sora-2-pro request (minus `private`, which sora_unified leaves to its default)."""
    documented = example("unifiedvideo/createVideo.request.sora-2-pro.json")
    del documented["private"]
    h = make("unifiedvideo", ok(example("unifiedvideo/createVideo.response-200.sora-2-pro.json")))
    h.submit(VideoRequest(prompt="make animate", seconds=15, orientation="portrait", quality="high", watermark=False))
    assert [documented] == h.recorder.json_bodies()


def test_unified_defaults_fill_required_fields(make: Any) -> None:
    """Fields the unified schema requires get the mapping's per-model defaults when left None."""
    h = make("unifiedvideo", ok(example("unifiedvideo/createVideo.response-200.sora-2.json")))
    h.submit(VideoRequest(prompt="p", model="sora-2"))
    expected = {
        "model": "sora-2",
        "prompt": "p",
        "duration": 10,
        "orientation": "portrait",
        "size": "small",
        "images": [],
    }
    assert [expected] == h.recorder.json_bodies()


def test_globalaiopc_request_matches_the_documented_example(make: Any) -> None:
    """The seed request (openAiSora2Plus, 16:9 via size, 8 s, one reference URL) through the mapping."""
    documented = example("globalaiopc/createSoraVideo.request.seed-openai-sora2-plus.json")
    h = make("globalaiopc", ok(example("globalaiopc/createSoraVideo.response-200.seed-queued.json")))
    h.submit(
        VideoRequest(
            prompt=documented["prompt"],
            seconds=8,
            orientation="landscape",
            reference_image=documented["input_reference"][0],
            model="openAiSora2Plus",
        )
    )
    expected = {key: value for key, value in documented.items() if key != "aspect_ratio"} | {"size": "1280x720"}
    assert [expected] == h.recorder.json_bodies()


def test_globalaiopc_alias_sends_the_provider_model_id(make: Any) -> None:
    """model="sora-2-pro" is GlobalAiOpc's openAiSora2Pro."""
    h = make("globalaiopc", ok(example("globalaiopc/createSoraVideo.response-200.seed-queued.json")))
    h.submit(VideoRequest(prompt="p", model="sora-2-pro"))
    assert "openAiSora2Pro" == h.recorder.json_bodies()[0]["model"]


def test_rivya_local_reference_is_uploaded_then_referenced(make: Any, tmp_path: Path) -> None:
    """A local PNG is checked, uploaded through the Files API, and its URL sent in referenceMediaItems."""
    image = tmp_path / "ref.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 32)
    h = make("rivya", ok({"id": "file_1", "url": "https://cdn.rivya.test/ref.png"}), ok(QUEUED["rivya"]))
    h.submit(VideoRequest(prompt="p", reference_image=image))
    upload, _ = h.recorder.requests
    assert ("/api/v1/files", b'filename="ref.png"' in upload.content, b"image/png" in upload.content) == (
        upload.url.path,
        True,
        True,
    )
    item = {"url": "https://cdn.rivya.test/ref.png", "kind": "image", "name": "ref.png", "mimeType": "image/png"}
    assert [item] == h.recorder.json_bodies()[-1]["params"]["referenceMediaItems"]


@pytest.mark.parametrize(
    ("content", "size"),
    [(b"GIF89a" + b"0" * 10, None), (b"\xff\xd8\xff" + b"0" * 10, 10485761)],
    ids=["gif-not-accepted", "too-large"],
)
def test_rivya_reference_checked_before_upload(make: Any, tmp_path: Path, content: bytes, size: int | None) -> None:
    """A reference of the wrong type or above the spec's byte limit is refused before any upload."""
    image = tmp_path / "ref.img"
    image.write_bytes(content)
    if size is not None:
        with image.open("r+b") as fh:
            fh.truncate(size)
    h = make("rivya", ok({}))
    with pytest.raises(ValidationError) as caught:
        h.submit(VideoRequest(prompt="p", reference_image=image))
    assert ("reference_image", []) == (caught.value.field, h.recorder.requests)
