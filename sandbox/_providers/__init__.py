"""One module per provider id (`<provider id>.py`, class `Behaviour`); found by `sandbox._provider.load_behaviour`."""
