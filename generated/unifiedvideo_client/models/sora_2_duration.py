# Generated from specs/unifiedvideo.yaml by `make generate`: do not edit.
from enum import IntEnum


class Sora2Duration(IntEnum):
    SECONDS_10 = 10
    SECONDS_15 = 15

    @classmethod
    def _missing_(cls, value: object) -> "Sora2Duration | None":
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNDOCUMENTED"
        member._value_ = value
        return member

    @property
    def is_documented(self) -> bool:
        """False for a value the spec does not list (kept rather than rejected)."""
        return self._value_ in type(self)._value2member_map_

    def __str__(self) -> str:
        return str(self.value)
