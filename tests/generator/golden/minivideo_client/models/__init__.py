# Generated from tests/generator/fixtures/specs/minivideo.yaml by `make generate`: do not edit.
"""Contains all the data models used in inputs/outputs"""

from .create_task_request import CreateTaskRequest
from .frames import Frames
from .ratio import Ratio
from .seconds import Seconds
from .task import Task
from .task_error import TaskError
from .task_status import TaskStatus
from .upload import Upload
from .upload_request import UploadRequest

__all__ = (
    "CreateTaskRequest",
    "Frames",
    "Ratio",
    "Seconds",
    "Task",
    "TaskError",
    "TaskStatus",
    "Upload",
    "UploadRequest",
)
