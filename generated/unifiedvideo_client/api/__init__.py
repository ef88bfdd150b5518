# Generated from specs/unifiedvideo.yaml by `make generate`: do not edit.
"""Contains methods for accessing the API"""
