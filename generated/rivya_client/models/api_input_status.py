# Generated from specs/rivya.yaml by `make generate`: do not edit.
from enum import StrEnum


class ApiInputStatus(StrEnum):
    AVAILABLE_TEXT = "available_text"
    AVAILABLE_URL_INPUT = "available_url_input"
    PARTIAL_REQUIRES_FILES = "partial_requires_files"
    REQUIRES_FILES_API = "requires_files_api"

    @classmethod
    def _missing_(cls, value: object) -> "ApiInputStatus | None":
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
