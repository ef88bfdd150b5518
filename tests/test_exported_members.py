"""Every public package re-exports exactly its `__all__`: each name importable, sorted, and nothing public left out.

As httpx's tests/test_exported_members.py: a public name in a package's namespace that is not in `__all__` is
either API that was forgotten or a helper (an imported module, a typing name) that leaked. Two names are not
members: `annotations` (bound by `from __future__ import annotations`) and `TYPE_CHECKING`; nor is a package's
own submodule (`rivya_client.client`), which the import system binds on its parent.
"""

from __future__ import annotations

import importlib
import importlib.util
import types

import pytest

from generator._paths import GENERATED_DIR

CLIENTS = sorted(p.name for p in GENERATED_DIR.glob("*_client"))
PACKAGES = [
    "sora_unified",
    "sora_unified.batch",
    "sora_sandbox",
    "sora_cli",
    "sora_providers",
    *CLIENTS,
    *(f"{client}.models" for client in CLIENTS),
]
NOT_MEMBERS = frozenset({"annotations", "TYPE_CHECKING"})

# Findings not fixed yet, recorded exactly: the test fails when one is fixed, so its entry goes with the fix.
KNOWN_UNLISTED: dict[str, set[str]] = {}
KNOWN_WITHOUT_ALL: set[str] = set()


def load(name: str) -> types.ModuleType:
    """The package, or skip when it does not exist at this commit (e.g. a package not merged yet)."""
    parent = name.rpartition(".")[0]
    if (parent and importlib.util.find_spec(parent) is None) or importlib.util.find_spec(name) is None:
        pytest.skip(f"{name} does not exist at this commit")
    return importlib.import_module(name)


def exported(module: types.ModuleType) -> list[str]:
    return list(getattr(module, "__all__", ()))


def ruff_order(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps `__all__` in: SCREAMING_CASE, then CamelCase, then the rest."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


@pytest.mark.parametrize("name", PACKAGES)
def test_every_public_package_declares_all(name: str) -> None:
    """A public package says what it exports (the packages known not to are listed above, exactly)."""
    module = load(name)
    assert (name in KNOWN_WITHOUT_ALL) == (not hasattr(module, "__all__"))


@pytest.mark.parametrize("name", PACKAGES)
def test_every_name_in_all_is_importable_with_a_star_import(name: str) -> None:
    """`from package import *` binds exactly `__all__`, lazily exported names included."""
    module = load(name)
    if name in KNOWN_WITHOUT_ALL:
        pytest.skip(f"{name} has no __all__ yet (KNOWN_WITHOUT_ALL): a star import binds every public name")
    namespace: dict[str, object] = {}
    exec(f"from {name} import *", namespace)  # the import a user writes; nothing else runs
    assert sorted(exported(module)) == sorted(set(namespace) - {"__builtins__"})


@pytest.mark.parametrize("name", PACKAGES)
def test_no_public_member_is_missing_from_all(name: str) -> None:
    """Every public name in the package's namespace (after its lazy names are loaded) is listed in `__all__`."""
    module = load(name)
    names = exported(module)
    for member in names:
        getattr(module, member)  # loads a PEP 562 lazy name into the namespace, as a user's access does
    public = {
        member
        for member, value in vars(module).items()
        if not member.startswith(("_", "@"))  # "@py_builtins": pytest's assertion rewriting of a plugin package
        and member not in NOT_MEMBERS
        and not (isinstance(value, types.ModuleType) and value.__name__.startswith(f"{name}."))
    }
    assert KNOWN_UNLISTED.get(name, set()) == public - set(names)


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted(name: str) -> None:
    """`__all__` is in ruff's RUF022 order, so additions land in one obvious place."""
    names = exported(load(name))
    assert sorted(names, key=ruff_order) == names
