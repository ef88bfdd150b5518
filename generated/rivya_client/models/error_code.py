# Generated from specs/rivya.yaml by `make generate`: do not edit.
from enum import StrEnum


class ErrorCode(StrEnum):
    API_KEY_EXPIRED = "api_key_expired"
    API_KEY_INVALID = "api_key_invalid"
    API_KEY_MISSING = "api_key_missing"
    API_KEY_REVOKED = "api_key_revoked"
    API_SCOPE_DENIED = "api_scope_denied"
    CHAT_ATTACHMENT_NOT_SUPPORTED = "chat_attachment_not_supported"
    CHAT_MODEL_NOT_SUPPORTED = "chat_model_not_supported"
    CHAT_SESSION_CONFLICT = "chat_session_conflict"
    IDEMPOTENCY_CONFLICT = "idempotency_conflict"
    INSUFFICIENT_CREDITS = "insufficient_credits"
    NOT_FOUND = "not_found"
    PUBLIC_API_DISABLED = "public_api_disabled"
    RATE_LIMITED = "rate_limited"
    VALIDATION_FAILED = "validation_failed"
    WEBHOOK_URL_REJECTED = "webhook_url_rejected"

    @classmethod
    def _missing_(cls, value: object) -> "ErrorCode | None":
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
