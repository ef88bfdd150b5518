"""Time and progress as a provider writes them, for answer templates (`{created.iso_ms}`, `{progress.percent}`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Instant:
    """One moment (epoch seconds) in every form the specs use."""

    epoch: float

    @property
    def unix_s(self) -> int:
        """Whole epoch seconds."""
        return int(self.epoch)

    @property
    def unix_ms(self) -> int:
        """Epoch milliseconds."""
        return int(self.epoch * 1000)

    @property
    def iso_ms(self) -> str:
        """ISO-8601 with milliseconds and Z (e.g. 2026-05-10T00:00:00.000Z)."""
        stamp = datetime.fromtimestamp(self.epoch, UTC).strftime("%Y-%m-%dT%H:%M:%S.")
        return stamp + f"{int(self.epoch * 1000) % 1000:03d}Z"


@dataclass(frozen=True)
class Progress:
    """A task's progress (0..1) and how many times it was polled."""

    fraction_exact: float
    polls: int

    @property
    def percent(self) -> int:
        """0..100 as an integer."""
        return round(self.fraction_exact * 100)

    @property
    def fraction(self) -> float:
        """0..1 rounded to two decimals."""
        return round(self.fraction_exact, 2)

    @property
    def percent_mixed(self) -> int | str:
        """0..100 as a numeric string on even polls and an integer on odd ones (clients must take both)."""
        return str(self.percent) if self.polls % 2 == 0 else self.percent
