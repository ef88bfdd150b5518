# Generated from tests/generator/fixtures/specs/minivideo.yaml by `make generate`: do not edit.
"""Contains endpoint functions for accessing the API"""
