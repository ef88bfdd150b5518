# Generated from specs/openaivideos.yaml by `make generate`: do not edit.
"""Contains all the data models used in inputs/outputs"""

from .create_video_multipart_body import CreateVideoMultipartBody
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .sora_2_size import Sora2Size
from .video_content_variant import VideoContentVariant
from .video_error import VideoError
from .video_model import VideoModel
from .video_resource import VideoResource
from .video_seconds import VideoSeconds
from .video_size import VideoSize
from .video_status import VideoStatus

__all__ = (
    "CreateVideoMultipartBody",
    "ErrorDetail",
    "ErrorResponse",
    "Sora2Size",
    "VideoContentVariant",
    "VideoError",
    "VideoModel",
    "VideoResource",
    "VideoSeconds",
    "VideoSize",
    "VideoStatus",
)
