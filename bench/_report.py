"""The figures a benchmark returns, and the one table they are printed in (text and markdown).

A benchmark returns a `Section`: `Figure`s (a measured series: median, min, max over repeated runs) and
`Check`s (a figure compared with a target from the issue, PASS or FAIL), plus free-text notes such as the
top frames of a profile. `render_text` and `render_markdown` lay every section out as one table.
"""

from __future__ import annotations

import operator
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

Comparison = Literal["<=", ">=", "<", ">", "=="]
_OPS: dict[Comparison, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "<": operator.lt,
    ">": operator.gt,
    "==": operator.eq,
}


@dataclass(frozen=True)
class Series:
    """Repeated measurements of one quantity."""

    samples: tuple[float, ...]

    @classmethod
    def of(cls, values: Iterable[float]) -> Series:
        """A series from any iterable (at least one value)."""
        samples = tuple(float(v) for v in values)
        if not samples:
            raise ValueError("a series needs at least one sample")
        return cls(samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def min(self) -> float:
        return min(self.samples)

    @property
    def max(self) -> float:
        return max(self.samples)


@dataclass(frozen=True)
class Figure:
    """One measured quantity of a benchmark (a row of the table)."""

    name: str
    unit: str
    series: Series


@dataclass(frozen=True)
class Check:
    """A quantity against its target: passes when `<stat of series> <op> target` (stat: median or max)."""

    name: str
    unit: str
    series: Series
    op: Comparison
    target: float
    stat: Literal["median", "max"] = "median"

    @property
    def value(self) -> float:
        """The statistic the target applies to."""
        return self.series.max if self.stat == "max" else self.series.median

    @property
    def passed(self) -> bool:
        return _OPS[self.op](self.value, self.target)


@dataclass
class Section:
    """Everything one benchmark reports."""

    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def figure(self, name: str, unit: str, values: Iterable[float]) -> Series:
        """Record a figure; its series."""
        series = Series.of(values)
        self.figures.append(Figure(name, unit, series))
        return series

    def check(
        self,
        name: str,
        unit: str,
        values: Iterable[float],
        op: Comparison,
        target: float,
        stat: Literal["median", "max"] = "median",
    ) -> Check:
        """Record a check against a target (on the median, or on the max for never-exceed targets); the check."""
        check = Check(name, unit, Series.of(values), op, target, stat)
        self.checks.append(check)
        return check

    def to_json(self) -> dict[str, object]:
        """Plain data for `--json` (samples included, so runs can be compared later)."""
        return {
            "key": self.key,
            "title": self.title,
            "figures": [asdict(f) | {"median": f.series.median} for f in self.figures],
            "checks": [asdict(c) | {"median": c.series.median, "passed": c.passed} for c in self.checks],
            "notes": list(self.notes),
        }


def fmt(value: float) -> str:
    """Short, readable number: thousands separators for big values, 3 significant digits for small ones."""
    if value != value:  # NaN
        return "n/a"
    magnitude = abs(value)
    if magnitude >= 1000:
        return f"{value:,.0f}"
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude == 0:
        return "0"
    return f"{value:.3g}"


HEADER = ("benchmark", "measure", "median", "min", "max", "unit", "target", "result")


def rows(sections: Sequence[Section]) -> list[tuple[str, ...]]:
    """The table body: figures first, then checks, section by section."""
    body: list[tuple[str, ...]] = []
    for section in sections:
        for f in section.figures:
            s = f.series
            body.append((section.key, f.name, fmt(s.median), fmt(s.min), fmt(s.max), f.unit, "", ""))
        for c in section.checks:
            s = c.series
            verdict = "PASS" if c.passed else "FAIL"
            target = f"{c.op} {fmt(c.target)}" + (" (max)" if c.stat == "max" else "")
            body.append((section.key, c.name, fmt(s.median), fmt(s.min), fmt(s.max), c.unit, target, verdict))
    return body


def render_text(sections: Sequence[Section]) -> str:
    """A fixed-width table for the terminal."""
    table = [HEADER, *rows(sections)]
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADER))]
    numeric = {2, 3, 4}

    def line(row: tuple[str, ...]) -> str:
        pairs = enumerate(zip(row, widths, strict=True))
        cells = [cell.rjust(w) if i in numeric else cell.ljust(w) for i, (cell, w) in pairs]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(HEADER), rule, *(line(r) for r in table[1:])])


def render_markdown(sections: Sequence[Section]) -> str:
    """A GitHub-flavoured markdown table."""
    align = ["---", "---", "--:", "--:", "--:", "---", "---", "---"]
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows(sections)]
    return "\n".join(lines)
