# Generated from specs/openaivideos.yaml by `make generate`: do not edit.
from enum import StrEnum


class VideoModel(StrEnum):
    SORA_2 = "sora-2"
    SORA_2_2025_10_06 = "sora-2-2025-10-06"
    SORA_2_2025_12_08 = "sora-2-2025-12-08"
    SORA_2_PRO = "sora-2-pro"
    SORA_2_PRO_2025_10_06 = "sora-2-pro-2025-10-06"

    @classmethod
    def _missing_(cls, value: object) -> "VideoModel | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNDOCUMENTED"
        member._value_ = value
        return member

    @property
    def is_documented(self) -> bool:
        """False for a value the spec does not list (kept rather than rejected)."""
        return self._value_ in type(self)._value2member_map_

    def __str__(self) -> str:
        return str(self.value)
