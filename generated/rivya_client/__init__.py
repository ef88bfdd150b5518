# Generated from specs/rivya.yaml by `make generate`: do not edit.
"""A client library for accessing Rivya Public API v1 (sora-2-pro)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
