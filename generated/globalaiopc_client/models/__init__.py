# Generated from specs/globalaiopc.yaml by `make generate`: do not edit.
"""Contains all the data models used in inputs/outputs"""

from .create_sora_video_request import CreateSoraVideoRequest
from .global_ai_opc_error_response import GlobalAiOpcErrorResponse
from .sora_aspect_ratio import SoraAspectRatio
from .sora_model import SoraModel
from .sora_seconds import SoraSeconds
from .sora_size import SoraSize
from .sora_video_status import SoraVideoStatus
from .sora_video_task import SoraVideoTask

__all__ = (
    "CreateSoraVideoRequest",
    "GlobalAiOpcErrorResponse",
    "SoraAspectRatio",
    "SoraModel",
    "SoraSeconds",
    "SoraSize",
    "SoraVideoStatus",
    "SoraVideoTask",
)
