# Generated from tests/generator/fixtures/specs/minivideo.yaml by `make generate`: do not edit.
"""A client library for accessing Mini Video API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
