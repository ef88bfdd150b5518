# Generated from specs/rivya.yaml by `make generate`: do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.sora_2_pro_aspect_ratio import Sora2ProAspectRatio
from ..models.sora_2_pro_n_frames import Sora2ProNFrames
from ..models.sora_2_pro_remove_watermark import Sora2ProRemoveWatermark
from ..models.sora_2_pro_size import Sora2ProSize
from ..models.sora_2_pro_upload_method import Sora2ProUploadMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reference_media_item import ReferenceMediaItem


T = TypeVar("T", bound="Sora2ProParams")


@_attrs_define
class Sora2ProParams:
    """Model-specific `params` of sora-2-pro. Every documented key is optional; documented defaults are in `x-documented-
    default` and are applied by Rivya when the key is omitted (they are never sent implicitly).

        Attributes:
            size (Sora2ProSize | Unset): Quality tier. No documented default.
            n_frames (Sora2ProNFrames | Unset): Duration in seconds, sent as a string. Documented default: "10".
            aspect_ratio (Sora2ProAspectRatio | Unset): Aspect ratio (orientation). Documented default: landscape.
            remove_watermark (Sora2ProRemoveWatermark | Unset): Remove watermark, sent as the string "true" or "false".
                Documented default: "false".
            upload_method (Sora2ProUploadMethod | Unset): "Upload target" (en; th: ปลายทางอัปโหลด, upload destination; zh:
                输出存储, output storage). Documented default: s3.
            reference_media_items (list[ReferenceMediaItem] | Unset): Reference media uploaded first through the Files API.
                sora-2-pro accepts at most 1 image ("Upload up to 1 image file"; max files 1; kind image).
    """

    size: Sora2ProSize | Unset = UNSET
    n_frames: Sora2ProNFrames | Unset = UNSET
    aspect_ratio: Sora2ProAspectRatio | Unset = UNSET
    remove_watermark: Sora2ProRemoveWatermark | Unset = UNSET
    upload_method: Sora2ProUploadMethod | Unset = UNSET
    reference_media_items: list[ReferenceMediaItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        size: str | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size.value

        n_frames: str | Unset = UNSET
        if not isinstance(self.n_frames, Unset):
            n_frames = self.n_frames.value

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio.value

        remove_watermark: str | Unset = UNSET
        if not isinstance(self.remove_watermark, Unset):
            remove_watermark = self.remove_watermark.value

        upload_method: str | Unset = UNSET
        if not isinstance(self.upload_method, Unset):
            upload_method = self.upload_method.value

        reference_media_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reference_media_items, Unset):
            reference_media_items = []
            for reference_media_items_item_data in self.reference_media_items:
                reference_media_items_item = reference_media_items_item_data.to_dict()
                reference_media_items.append(reference_media_items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if size is not UNSET:
            field_dict["size"] = size
        if n_frames is not UNSET:
            field_dict["n_frames"] = n_frames
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if remove_watermark is not UNSET:
            field_dict["remove_watermark"] = remove_watermark
        if upload_method is not UNSET:
            field_dict["upload_method"] = upload_method
        if reference_media_items is not UNSET:
            field_dict["referenceMediaItems"] = reference_media_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reference_media_item import ReferenceMediaItem  # noqa: PLC0415

        d = dict(src_dict)
        _size = d.pop("size", UNSET)
        size: Sora2ProSize | Unset
        if isinstance(_size, Unset):
            size = UNSET
        else:
            size = Sora2ProSize(_size)

        _n_frames = d.pop("n_frames", UNSET)
        n_frames: Sora2ProNFrames | Unset
        if isinstance(_n_frames, Unset):
            n_frames = UNSET
        else:
            n_frames = Sora2ProNFrames(_n_frames)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Sora2ProAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = Sora2ProAspectRatio(_aspect_ratio)

        _remove_watermark = d.pop("remove_watermark", UNSET)
        remove_watermark: Sora2ProRemoveWatermark | Unset
        if isinstance(_remove_watermark, Unset):
            remove_watermark = UNSET
        else:
            remove_watermark = Sora2ProRemoveWatermark(_remove_watermark)

        _upload_method = d.pop("upload_method", UNSET)
        upload_method: Sora2ProUploadMethod | Unset
        if isinstance(_upload_method, Unset):
            upload_method = UNSET
        else:
            upload_method = Sora2ProUploadMethod(_upload_method)

        _reference_media_items = d.pop("referenceMediaItems", UNSET)
        reference_media_items: list[ReferenceMediaItem] | Unset = UNSET
        if _reference_media_items is not UNSET:
            reference_media_items = []
            for reference_media_items_item_data in _reference_media_items:
                reference_media_items_item = ReferenceMediaItem.from_dict(reference_media_items_item_data)

                reference_media_items.append(reference_media_items_item)

        sora_2_pro_params = cls(
            size=size,
            n_frames=n_frames,
            aspect_ratio=aspect_ratio,
            remove_watermark=remove_watermark,
            upload_method=upload_method,
            reference_media_items=reference_media_items,
        )

        return sora_2_pro_params
