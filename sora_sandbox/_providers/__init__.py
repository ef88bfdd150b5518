"""One module per provider id (`<provider id>.py`, class `Behaviour`), found by `_provider.load_behaviour`."""
