# Generated from specs/openaivideos.yaml by `make generate`: do not edit.
"""A client library for accessing OpenAI Videos API format (Sora 2 video jobs)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
