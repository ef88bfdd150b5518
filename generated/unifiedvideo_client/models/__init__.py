# Generated from specs/unifiedvideo.yaml by `make generate`: do not edit.
"""Contains all the data models used in inputs/outputs"""

from .create_video_request import CreateVideoRequest
from .create_video_response import CreateVideoResponse
from .orientation import Orientation
from .sora_2_duration import Sora2Duration
from .sora_2_pro_duration import Sora2ProDuration
from .sora_2_pro_size_tier import Sora2ProSizeTier
from .sora_2_size_tier import Sora2SizeTier
from .unified_model import UnifiedModel
from .unified_video_error_body import UnifiedVideoErrorBody
from .unified_video_error_response import UnifiedVideoErrorResponse
from .unified_video_status import UnifiedVideoStatus
from .unified_video_task_error import UnifiedVideoTaskError
from .video_duration import VideoDuration
from .video_query_response import VideoQueryResponse
from .video_size_tier import VideoSizeTier
from .video_style import VideoStyle
from .video_task_detail import VideoTaskDetail

__all__ = (
    "CreateVideoRequest",
    "CreateVideoResponse",
    "Orientation",
    "Sora2Duration",
    "Sora2ProDuration",
    "Sora2ProSizeTier",
    "Sora2SizeTier",
    "UnifiedModel",
    "UnifiedVideoErrorBody",
    "UnifiedVideoErrorResponse",
    "UnifiedVideoStatus",
    "UnifiedVideoTaskError",
    "VideoDuration",
    "VideoQueryResponse",
    "VideoSizeTier",
    "VideoStyle",
    "VideoTaskDetail",
)
