"""The contract test cases: every example, documentation error and mutation of every provider spec.

Collected once at import (pytest parametrizes from these lists); ids are example file names, so a failure
names the payload. Validation messages name the file and the JSON path: `specs/examples/p/x.json: $.a: ...`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match
from referencing import Registry

from generator import _speclib as lib
from generator._paths import SPECS_DIR, provider_files
from tests.contract._contract_mutations import Mutation, derive_mutations


@dataclass(eq=False)
class LoadedSpec:
    """One provider spec file, loaded (or why it could not be), with its validators built once."""

    path: Path
    spec: lib.Spec
    load_error: str | None
    _validators: dict[str, Draft202012Validator] = field(default_factory=dict)

    @functools.cached_property
    def registry(self) -> Registry[Any]:
        return lib.registry_for(self.spec)

    def validator(self, schema_pointer: str) -> Draft202012Validator:
        if schema_pointer not in self._validators:
            self._validators[schema_pointer] = lib.validator_for(self.spec, schema_pointer, self.registry)
        return self._validators[schema_pointer]


def load_all(specs_dir: Path = SPECS_DIR) -> tuple[LoadedSpec, ...]:
    """Every `specs/*.yaml`; a spec that does not load is kept with its error (a test reports it).

    Loaded once per directory and session: the test modules share the specs and their validators.
    """
    return _load_all(specs_dir.resolve())


@functools.cache
def _load_all(specs_dir: Path) -> tuple[LoadedSpec, ...]:
    out = []
    for path in provider_files(specs_dir):
        try:
            out.append(LoadedSpec(path, lib.load_spec(path), None))
        except Exception as exc:  # a YAML error or a non-mapping document: reported, not raised at collection
            out.append(LoadedSpec(path, {}, f"{type(exc).__name__}: {exc}"))
    return tuple(out)


def render_errors(display: str, errors: list[ValidationError]) -> list[str]:
    """One line per error, `file: $.json.path: message`, the most relevant `anyOf` branch in parentheses."""
    lines = []
    for error in sorted(errors, key=lambda e: (e.json_path, e.message)):
        line = f"{display}: {error.json_path}: {error.message}"
        if error.context:
            inner = best_match(error.context)
            line += f" (best branch: {inner.json_path}: {inner.message})"
        lines.append(line)
    return lines


def all_errors(errors: list[ValidationError]) -> Iterator[ValidationError]:
    """Errors and, recursively, the errors of their `anyOf`/`oneOf` branches (paths stay absolute)."""
    for error in errors:
        yield error
        yield from all_errors(list(error.context or []))


def read_json(path: Path) -> tuple[Any, str | None]:
    """(value, None), or (None, why the file is not JSON)."""
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"not JSON: {exc}"


@dataclass(frozen=True)
class ExampleCase:
    """A documented example and the spec that references it."""

    loaded: LoadedSpec
    example: lib.SpecExample

    @property
    def id(self) -> str:
        return self.example.path.name

    def errors(self) -> list[str]:
        """Why the example does not match its schema (empty when it does)."""
        display = self.example.display
        if self.example.schema_pointer is None:
            return [f"{display}: {self.example.media_type} of {self.example.owner} has no schema to validate against"]
        value, problem = read_json(self.example.path)
        if problem is not None:
            return [f"{display}: {problem}"]
        return render_errors(display, list(self.loaded.validator(self.example.schema_pointer).iter_errors(value)))


@dataclass(frozen=True)
class DocErrorCase:
    """A documented example kept as published because it is wrong."""

    loaded: LoadedSpec
    doc_error: lib.DocumentationError

    @property
    def id(self) -> str:
        return self.doc_error.path.name

    def rejection(self) -> str | None:
        """Why the example is rejected, or None when it is (wrongly) accepted."""
        display = self.doc_error.display
        value, problem = read_json(self.doc_error.path)
        if problem is not None:
            return f"{display}: {problem}"
        if self.doc_error.schema_pointer is None:
            return None  # speclint reports an entry whose schema cannot be told; nothing rejects it here
        errors = list(self.loaded.validator(self.doc_error.schema_pointer).iter_errors(value))
        return "; ".join(render_errors(display, errors)) or None


@dataclass(frozen=True)
class MutationCase:
    """A broken variant of a valid example."""

    case: ExampleCase
    mutation: Mutation

    @property
    def id(self) -> str:
        return f"{self.case.id}::{self.mutation.id}"

    def reported(self) -> tuple[list[str], list[str]]:
        """(all rendered errors, the JSON paths among them that point at the mutation)."""
        assert self.case.example.schema_pointer is not None
        validator = self.case.loaded.validator(self.case.example.schema_pointer)
        errors = list(validator.iter_errors(self.mutation.instance))
        matching = [
            e.json_path
            for e in all_errors(errors)
            if e.json_path == self.mutation.error_path
            and (self.mutation.member is None or repr(self.mutation.member) in e.message)
        ]
        return render_errors(self.case.example.display, errors), matching


@functools.cache
def example_cases(specs: tuple[LoadedSpec, ...]) -> tuple[ExampleCase, ...]:
    """Every example every loadable spec references (doc-errors are separate); once per `load_all` result."""
    return tuple(ExampleCase(s, ex) for s in specs if s.load_error is None for ex in lib.iter_examples(s.spec, s.path))


def doc_error_cases(specs: Sequence[LoadedSpec]) -> list[DocErrorCase]:
    """Every `x-documentation-errors` entry of every loadable spec."""
    return [
        DocErrorCase(s, d) for s in specs if s.load_error is None for d in lib.iter_documentation_errors(s.spec, s.path)
    ]


def mutation_cases(cases: Sequence[ExampleCase]) -> list[MutationCase]:
    """The schema-derived broken variants of every example that is valid JSON with a schema."""
    out = []
    for case in cases:
        value, problem = read_json(case.example.path)
        # A variant of an invalid example proves nothing: that example already fails its own test.
        if problem is None and case.example.schema_pointer is not None and not case.errors():
            for mutation in derive_mutations(case.loaded.spec, case.example.schema_pointer, value):
                out.append(MutationCase(case, mutation))
    return out
