"""`python -m generator ...`: the commands behind the Makefile targets."""

from generator.cli import app

if __name__ == "__main__":
    app()
