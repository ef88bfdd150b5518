"""The fast spec parser returns exactly what `_speclib.parse_spec` does, and its parse cache is safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import _speclib as lib
from generator._paths import REPO_ROOT
from generator.spec_diff import _load

FILES = sorted(
    [
        *(REPO_ROOT / "specs").glob("*.yaml"),
        *(REPO_ROOT / "specs" / "mappings").glob("*.yaml"),
        *(Path(__file__).parent / "cases").glob("*/*.yaml"),
    ]
)


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_fast_parse_equals_speclib(path: Path) -> None:
    """Every spec, mapping and golden case parses to the same data both ways (keys, ints, dates as text)."""
    text = path.read_text(encoding="utf-8")
    assert lib.parse_spec(text, str(path)) == _load.parse(text, str(path))


@pytest.mark.parametrize(
    "text",
    [
        'a: one\n  two\n\n  three "x"\n',
        "a: &x {b: 1}\nc: *x\n",
        "a: &s text\nb: [*s, *s]\n",
        "a: *missing\n",
        "base: &b {k: 1}\nm:\n  <<: *b\n  j: 2\n",
        "a: !!str 12\n",
        "? [x]\n: 1\n",
    ],
    ids=["folded-plain-scalar", "alias", "scalar-alias", "undefined-alias", "merge-key", "explicit-tag", "complex-key"],
)
def test_unusual_yaml_gives_the_full_loaders_answer(text: str) -> None:
    """Aliases, merge keys, explicit tags and complex keys give the full loader's answer (or its error)."""
    try:
        expected = lib.parse_spec(text, "t")
    except Exception as exc:  # both must fail alike
        with pytest.raises(type(exc)):
            _load.parse(text, "t")
        return
    assert expected == _load.parse(text, "t")


def test_plain_scalars_follow_yaml_1_1_without_timestamps() -> None:
    """`200:` is a string key, `yes` a bool, `017` octal, `2026-05-11` a string, as `_speclib` reads them."""
    text = "200: {a: yes, b: 017, c: 2026-05-11, d: 1.5, e: ~, f: '7', g: 0o17}\n"
    expected = {"200": {"a": True, "b": 15, "c": "2026-05-11", "d": 1.5, "e": None, "f": "7", "g": "0o17"}}
    assert (expected, expected) == (lib.parse_spec(text, "t"), _load.parse(text, "t"))


def test_large_text_is_cached_as_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text over the threshold is parsed once; the second parse reads the JSON entry keyed by its hash."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(_load, "_CACHED_FROM", 10)
    text = "openapi: 3.1.0\npaths: {}\nx-n: 1\n"
    first = _load.parse(text, "t")
    entries = list((tmp_path / "sora-video-toolkit" / "spec-diff").glob("*.json"))
    monkeypatch.setattr(_load, "_parse", lambda _text, _origin: pytest.fail("parsed again"))
    assert (1, first) == (len(entries), _load.parse(text, "t"))


def test_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SPEC_DIFF_CACHE=0 writes nothing."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("SPEC_DIFF_CACHE", "0")
    monkeypatch.setattr(_load, "_CACHED_FROM", 10)
    _load.parse("openapi: 3.1.0\npaths: {}\n", "t")
    assert [] == list(tmp_path.iterdir())
