# Generated from specs/rivya.yaml by `make generate`: do not edit.
"""Contains all the data models used in inputs/outputs"""

from .api_input_status import ApiInputStatus
from .api_status import ApiStatus
from .create_generation_request import CreateGenerationRequest
from .create_webhook_endpoint_request import CreateWebhookEndpointRequest
from .credits_ import Credits
from .error_body import ErrorBody
from .error_code import ErrorCode
from .error_response import ErrorResponse
from .file_kind import FileKind
from .generation import Generation
from .generation_result import GenerationResult
from .generation_status import GenerationStatus
from .model_id import ModelId
from .model_list import ModelList
from .public_api_file import PublicApiFile
from .public_model import PublicModel
from .reference_media_item import ReferenceMediaItem
from .sora_2_pro_aspect_ratio import Sora2ProAspectRatio
from .sora_2_pro_n_frames import Sora2ProNFrames
from .sora_2_pro_params import Sora2ProParams
from .sora_2_pro_remove_watermark import Sora2ProRemoveWatermark
from .sora_2_pro_size import Sora2ProSize
from .sora_2_pro_upload_method import Sora2ProUploadMethod
from .task_error import TaskError
from .task_error_code import TaskErrorCode
from .upload_file_request import UploadFileRequest
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_status import WebhookEndpointStatus
from .webhook_event import WebhookEvent
from .webhook_event_type import WebhookEventType

__all__ = (
    "ApiInputStatus",
    "ApiStatus",
    "CreateGenerationRequest",
    "CreateWebhookEndpointRequest",
    "Credits",
    "ErrorBody",
    "ErrorCode",
    "ErrorResponse",
    "FileKind",
    "Generation",
    "GenerationResult",
    "GenerationStatus",
    "ModelId",
    "ModelList",
    "PublicApiFile",
    "PublicModel",
    "ReferenceMediaItem",
    "Sora2ProAspectRatio",
    "Sora2ProNFrames",
    "Sora2ProParams",
    "Sora2ProRemoveWatermark",
    "Sora2ProSize",
    "Sora2ProUploadMethod",
    "TaskError",
    "TaskErrorCode",
    "UploadFileRequest",
    "WebhookEndpoint",
    "WebhookEndpointStatus",
    "WebhookEvent",
    "WebhookEventType",
)
