# Generated from specs/unifiedvideo.yaml by `make generate`: do not edit.
"""A client library for accessing Unified video format (统一视频格式), Sora 2 video tasks"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
