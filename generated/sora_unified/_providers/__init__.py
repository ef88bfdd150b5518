# Generated from specs/*.yaml and specs/mappings/ by `make generate`: do not edit.
"""One module pair per provider: data and session."""
