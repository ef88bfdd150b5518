"""Command line of the toolkit: generate, check-drift, vendor, lint-specs, spec-diff, docs-check, upstream-check."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from generator._paths import REPO_ROOT

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Specs in, typed clients out.")


@app.command()
def generate(
    force: Annotated[bool, typer.Option(help="Re-render every package even if its inputs are unchanged.")] = False,
) -> None:
    """Regenerate generated/ from specs/ (incremental) and print which packages changed."""
    from generator._generate import generate as run
    from generator._postprocess import GenerationError

    started = time.perf_counter()
    from generator._unasync import UnasyncError
    from generator._unasync import write as derive_sync_twins

    try:
        twins = derive_sync_twins()
        changes = run(force=force)
    except (GenerationError, UnasyncError) as exc:
        typer.echo(f"generation failed:\n{exc}", err=True)
        raise typer.Exit(1) from exc
    # git + YAML + a semantic diff: only worth it when some package changed.
    spec_changes = _spec_summaries() if any(c.changed for c in changes) else {}
    for change in changes:
        typer.echo(change.summary())
        provider = change.package.removesuffix("_client")
        if change.changed and provider in spec_changes:
            typer.echo(f"  spec changes since HEAD: {spec_changes[provider]} (details: make spec-diff)")
    for twin in twins:
        typer.echo(f"{twin.relative_to(REPO_ROOT).as_posix()}: sync twin re-derived from its async source")
    elapsed = time.perf_counter() - started
    typer.echo(f"generate: {sum(c.changed for c in changes)} package(s) changed in {elapsed:.2f}s")


def _spec_summaries() -> dict[str, str]:
    """One line per spec changed since HEAD, so the code changes are read next to their cause."""
    from generator.spec_diff import SpecDiffError, changed_specs, provider_summaries

    try:
        return provider_summaries(changed_specs("HEAD"))
    except (SpecDiffError, OSError):  # no git, or no commit yet: nothing to compare with
        return {}


@app.command("check-drift")
def check_drift() -> None:
    """Regenerate from scratch and fail if generated/ differs ("run make generate")."""
    from generator._generate import check_drift as run

    drift = run()
    if not drift.clean:
        typer.echo(f"generated code is out of date: run `make generate`\n{drift.report()}", err=True)
        raise typer.Exit(1)
    typer.echo("drift: generated/ and the runtime's sync twins match a fresh regeneration")


@app.command()
def vendor(
    dest: Annotated[
        str, typer.Argument(help="Package directory of the other project, e.g. ../myapp/src/myapp/vendor.")
    ] = "",
    package: Annotated[
        list[str] | None, typer.Option("--package", "-p", help="Only this package and what it imports (repeatable).")
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Only verify the packages vendored in DEST.")] = False,
) -> None:
    """Copy the runtime and the generated packages, imports made relative, into DEST (a package)."""
    from generator._vendor import VendorError
    from generator._vendor import vendor as run

    if not dest:
        typer.echo("vendor: give DEST, e.g. `make vendor DEST=../myapp/src/myapp/vendor`", err=True)
        raise typer.Exit(2)
    if check:
        _check_vendored(Path(dest))
        return
    try:
        copied = run(Path(dest), package or None)
    except VendorError as exc:
        typer.echo(f"vendor: {exc}", err=True)
        raise typer.Exit(1) from exc
    for done in copied:
        typer.echo(f"vendored {done.path} ({done.imports_rewritten} imports made relative)")


def _check_vendored(dest: Path) -> None:
    """Print each vendored package of dest as intact or with its changed files; exit 1 unless all are intact."""
    from generator._vendor import check

    found = check(dest)
    for name, changed in found.items():
        typer.echo(f"{name}: " + (f"differs from its manifest: {', '.join(changed)}" if changed else "ok"))
    if not found:
        typer.echo(f"vendor: nothing vendored in {dest}", err=True)
    if not found or any(found.values()):
        raise typer.Exit(1)


@app.command("lint-specs")
def lint_specs(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Validate every spec (OpenAPI 3.1) and apply the project's spec rules."""
    from generator._paths import provider_files
    from generator.speclint import run_lint

    raise typer.Exit(run_lint(paths or provider_files()))


@app.command("spec-diff")
def spec_diff(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="OLD NEW: compare two files anywhere (OpenAPI 3.x or mappings). Otherwise (or with --base): "
            "only these files of specs/ against BASE.",
            show_default=False,
        ),
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(help="git ref to compare the working tree's specs and mappings against [default: HEAD]."),
    ] = None,
    output: Annotated[str, typer.Option("--format", help="text, markdown (a PR comment), json or github.")] = "text",
    fail_on: Annotated[str | None, typer.Option(help="breaking, warning or info: exit 1 on such a change.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
) -> None:
    """Semantic changelog classed like oasdiff: breaking / warning / info (exit 1 with --fail-on, 2 on error)."""
    from generator.spec_diff import run_spec_diff

    args = files or []
    pair = (Path(args[0]), Path(args[1])) if len(args) == 2 and base is None else None
    fmt = "json" if json_output else output
    status = run_spec_diff(base=base or "HEAD", fail_on=fail_on, paths=None if pair else args, fmt=fmt, files=pair)
    raise typer.Exit(status)


@app.command("docs-check")
def docs_check(
    provider: Annotated[list[str] | None, typer.Option(help="Only this provider (repeatable).")] = None,
    page: Annotated[list[str] | None, typer.Option(help="Only this doc page URL (repeatable).")] = None,
    snapshot: Annotated[
        Path | None, typer.Option(help="Read the pages from this snapshot folder instead of fetching them.")
    ] = None,
    save: Annotated[
        Path | None, typer.Option(help="Write the pages read into this folder (specs/snapshots to accept them).")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help="text, markdown or json.")] = "text",
    fail_on: Annotated[str | None, typer.Option(help="'breaking', 'warning' or 'info': exit 1 if any.")] = None,
    keep_going: Annotated[
        bool, typer.Option(help="Report an unreachable page as a warning instead of stopping (exit 2).")
    ] = False,
) -> None:
    """Compare every provider's doc pages (live, or a snapshot) with the spec, its examples and the accepted text."""
    from generator.docs_check import run_docs_check

    status = run_docs_check(
        providers=provider,
        pages=page,
        snapshot=snapshot,
        save=save,
        fmt=output_format,
        fail_on=fail_on,
        keep_going=keep_going,
    )
    raise typer.Exit(status)


@app.command("upstream-check")
def upstream_check(
    url: Annotated[str | None, typer.Option(help="Override the published schema URL.")] = None,
    file: Annotated[Path | None, typer.Option(help="Use a saved copy instead of fetching.")] = None,
    fail_on: Annotated[str | None, typer.Option(help="'breaking', 'warning' or 'info': exit 1 if any.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="text, markdown or json.")] = "text",
    json_output: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
) -> None:
    """Diff Rivya's published openapi.json against specs/rivya.yaml: the OpenAPI-document case of docs-check."""
    from generator.docs_check import run_upstream_check

    fmt = "json" if json_output else output_format
    raise typer.Exit(run_upstream_check(url=url, file=file, fail_on=fail_on, fmt=fmt))


@app.command()
def decisions(
    provider: Annotated[str | None, typer.Option(help="Only this provider.")] = None,
) -> None:
    """List every decision taken on an ambiguity (x-decisions of the specs, decisions of the mappings), as Markdown."""
    import yaml

    from generator._paths import MAPPINGS_DIR, provider_files
    from generator._speclib import iter_decisions, load_spec

    for spec_path in provider_files():
        if provider and spec_path.stem != provider:
            continue
        typer.echo(f"\n### {spec_path.stem}\n\n| id | question | decision | where |\n|---|---|---|---|")
        for item in iter_decisions(load_spec(spec_path)):
            typer.echo(f"| {item.id} | {_cell(item.question)} | {_cell(item.decision)} | spec `{item.pointer}` |")
        mapping_path = MAPPINGS_DIR / spec_path.name
        if mapping_path.is_file():
            mapping = yaml.safe_load(mapping_path.read_text(encoding="utf-8"))
            for entry in mapping.get("decisions", []):
                where = f"mapping `{mapping_path.name}`"
                typer.echo(f"| {entry['id']} | {_cell(entry['question'])} | {_cell(entry['decision'])} | {where} |")


def _cell(text: str | None) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")
