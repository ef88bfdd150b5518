# Generated from specs/openaivideos.yaml by `make generate`: do not edit.
"""Contains methods for accessing the API"""
