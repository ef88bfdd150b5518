# Generated from tests/generator/fixtures/specs/minivideo.yaml by `make generate`: do not edit.
"""Contains methods for accessing the API"""
