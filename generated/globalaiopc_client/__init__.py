# Generated from specs/globalaiopc.yaml by `make generate`: do not edit.
"""A client library for accessing GlobalAI OPC (kyyReactApiServer), Sora video tasks"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
