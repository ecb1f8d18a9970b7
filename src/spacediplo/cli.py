"""Command line: thin wrappers over library calls, with Rich progress and tables."""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from .errors import SpacediploError
from .export import EXPORTERS, export_events
from .ingest import IngestReport, ingest
from .settings import Settings
from .storage import Store

app = typer.Typer(
    help="spacediplo: international space-cooperation news → structured knowledge.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="SPACEDIPLO_DB",
        help="SQLAlchemy URL (sqlite:///f.db, postgresql+psycopg://…) or a SQLite file path.",
        show_default="./spacediplo.db",
    ),
]


def _settings(**overrides: Any) -> Settings:
    try:
        return Settings.from_env(**overrides)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _open_store(settings: Settings) -> Store:
    try:
        return Store.open(settings.db)
    except SpacediploError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command("ingest")
def ingest_command(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, http(s) URLs, feeds.")],
    db: DbOption = None,
    allow_private_hosts: Annotated[
        bool, typer.Option(help="Allow URLs on loopback and private networks.")
    ] = False,
    max_requests: Annotated[
        int | None, typer.Option(help="HTTP requests allowed in this run.")
    ] = None,
    max_file_bytes: Annotated[int | None, typer.Option(help="Skip larger files.")] = None,
) -> None:
    """Ingest news: clean, date, identify the language and store each document once."""
    settings = _settings(
        db=db,
        allow_private_hosts=allow_private_hosts or None,
        http_max_requests=max_requests,
        max_file_bytes=max_file_bytes,
    )
    store = _open_store(settings)
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}", style="dim"),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("ingest", total=None, last="")

        def on_item(locator: str, outcome: str, reason: str | None) -> None:
            if outcome == "skipped":
                progress.console.print(f"[yellow]skipped[/yellow] {locator}: {reason}")
            progress.update(task, advance=1, last=_short(locator, 50))

        try:
            report = ingest(sources, store, settings, progress=on_item)
        finally:
            store.close()
    _print_ingest_summary(report)
    if not report.ok:
        raise typer.Exit(1)


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def _print_ingest_summary(report: IngestReport) -> None:
    table = Table(title="ingest summary", show_header=True)
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    table.add_row("new", str(report.new))
    table.add_row("new version", str(report.updated))
    table.add_row("unchanged", str(report.unchanged))
    table.add_row("skipped", str(len(report.skipped)))
    console.print(table)
    if report.skipped:
        skipped = Table(title="skipped inputs", show_header=True)
        skipped.add_column("input", overflow="fold")
        skipped.add_column("reason", overflow="fold")
        for item in report.skipped:
            skipped.add_row(item.locator, item.reason)
        console.print(skipped)
    if not report.ok:
        console.print("[red]nothing could be ingested[/red]")


@app.command("export")
def export_command(
    db: DbOption = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="jsonl (the spec's schema, one line per document), json, csv, or events "
            "(one line per canonical event, with its sources).",
        ),
    ] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File (default: stdout).")] = None,
) -> None:
    """Export the stored documents (current versions)."""
    exporter = EXPORTERS.get(format)
    if exporter is None and format != "events":
        formats = ", ".join([*EXPORTERS, "events"])
        console.print(f"[red]error:[/red] unknown format {format!r} ({formats})")
        raise typer.Exit(2)
    settings = _settings(db=db)
    store = _open_store(settings)
    target: TextIO
    try:
        with (
            out.open("w", encoding="utf-8", newline="") if out else nullcontext(sys.stdout)
        ) as target:
            if exporter is None:
                n = export_events(store.canonical_events(), target)
            else:
                n = exporter(store.documents(), target)
    finally:
        store.close()
    what = "canonical event(s)" if exporter is None else "document(s)"
    console.print(f"exported {n} {what}" + (f" to {out}" if out else ""))


@app.command("stats")
def stats_command(db: DbOption = None) -> None:
    """Counts of stored documents per language, source and publication day."""
    settings = _settings(db=db)
    store = _open_store(settings)
    try:
        stats = store.stats()
    finally:
        store.close()
    out = Console()
    out.print(
        f"[bold]{stats.documents}[/bold] document(s), {stats.versions} version(s), "
        f"{stats.failures} skipped input(s) recorded"
    )
    for title, counter in (
        ("language", stats.by_language),
        ("source", stats.by_source),
        ("day", stats.by_day),
    ):
        table = Table(title=f"documents per {title}")
        table.add_column(title, overflow="fold")
        table.add_column("documents", justify="right")
        items = sorted(counter.items()) if title == "day" else counter.most_common()
        for key, n in items:
            table.add_row(key, str(n))
        out.print(table)


@app.command("events")
def events_command(
    db: DbOption = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="agreement, meeting, conference, …")
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code (RUS, ESA, …).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY[-MM[-DD]]")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 200,
) -> None:
    """List stored events (current document versions), filtered."""
    from .model import EVENT_TYPES

    if event_type and event_type not in EVENT_TYPES:
        console.print(f"[red]error:[/red] unknown type {event_type!r} ({', '.join(EVENT_TYPES)})")
        raise typer.Exit(2)
    store = _open_store(_settings(db=db))
    try:
        rows = store.events(event_type, actor, date_from, date_to, limit)
    finally:
        store.close()
    table = Table(title=f"{len(rows)} event(s)", show_lines=False)
    for column in ("date", "type", "participants", "stage", "document", "evidence"):
        table.add_column(column, overflow="fold")
    for doc_id, event in rows:
        table.add_row(
            event.date or "",
            event.type,
            " ".join(event.participants),
            event.stage,
            doc_id,
            event.evidence[:160],
        )
    Console().print(table)


stories_app = typer.Typer(
    help="Stories (one news event across reports and languages) and canonical events.",
    no_args_is_help=True,
)
app.add_typer(stories_app, name="stories")


@stories_app.command("list")
def stories_list_command(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 200,
) -> None:
    """Stories, newest first, with their languages and number of documents."""
    store = _open_store(_settings(db=db))
    try:
        rows = store.stories(limit)
    finally:
        store.close()
    table = Table(title=f"{len(rows)} stor{'y' if len(rows) == 1 else 'ies'}")
    for column in ("story", "first", "last", "docs", "languages", "title"):
        table.add_column(column, overflow="fold")
    for key, title, languages, first, last, n in rows:
        table.add_row(key, first or "", last or "", str(n), " ".join(languages), title or "")
    Console().print(table)


@stories_app.command("show")
def stories_show_command(
    key: Annotated[str, typer.Argument(help="Story key (see `stories list`).")],
    db: DbOption = None,
) -> None:
    """A story's documents and its canonical events with their sources."""
    store = _open_store(_settings(db=db))
    try:
        docs = store.story_documents(key)
        events = store.canonical_events(story=key)
    finally:
        store.close()
    if not docs:
        console.print(f"[red]error:[/red] no story {key!r}")
        raise typer.Exit(1)
    out = Console()
    table = Table(title=f"story {key}: {len(docs)} document(s)")
    for column in ("document", "lang", "published", "title"):
        table.add_column(column, overflow="fold")
    for doc in docs:
        table.add_row(doc.doc_id, doc.lang or "", doc.published or "", doc.title or "")
    out.print(table)
    table = Table(title=f"{len(events)} canonical event(s)")
    for column in ("date", "type", "participants", "stage", "sources"):
        table.add_column(column, overflow="fold")
    for ce in events:
        sources = ", ".join(sorted({f"{r.doc_id} ({r.lang})" for r in ce.sources}))
        table.add_row(ce.date or "", ce.type, " ".join(ce.participants), ce.stage, sources)
    out.print(table)


@stories_app.command("rebuild")
def stories_rebuild_command(db: DbOption = None) -> None:
    """Recompute every story and canonical event from the stored documents."""
    from .stories.service import StoryService, params_from_settings

    settings = _settings(db=db)
    store = _open_store(settings)
    try:
        report = StoryService(store, params_from_settings(settings)).rebuild()
    finally:
        store.close()
    console.print(
        f"{report.documents} document(s) → {report.stories} stories; "
        f"{report.reported_events} reported event(s) → {report.canonical_events} canonical"
    )


kb_app = typer.Typer(help="The knowledge base of space actors.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("search")
def kb_search_command(
    name: Annotated[str, typer.Argument(help="A name in any language or script.")],
    limit: Annotated[int, typer.Option(help="How many entries.")] = 10,
) -> None:
    """Entries whose names are closest to NAME."""
    from .kb import load_kb

    table = Table(title=f"knowledge base: {name}")
    for column in ("id", "type", "name", "code", "matched name", "score"):
        table.add_column(column, overflow="fold")
    for entry, score, matched in load_kb().search(name, limit):
        table.add_row(entry.id, entry.type, entry.name, entry.code or "", matched, f"{score:.0f}")
    Console().print(table)


@kb_app.command("show")
def kb_show_command(entry_id: Annotated[str, typer.Argument(help="Entry id.")]) -> None:
    """One entry, whole (YAML)."""
    import yaml

    from .kb import load_kb

    entry = load_kb().get(entry_id)
    if entry is None:
        console.print(f"[red]error:[/red] no entry {entry_id!r} (try: spacediplo kb search)")
        raise typer.Exit(1)
    print(yaml.safe_dump(entry.to_dict(), allow_unicode=True, sort_keys=False), end="")


@kb_app.command("stats")
def kb_stats_command() -> None:
    """Entries per type, and per type the entries with names in each language."""
    from .kb import load_kb

    stats = load_kb().stats()
    languages = ("en", "fr", "ru", "es", "de", "it", "pt", "zh", "ar", "ja")
    table = Table(
        title=f"knowledge base: {sum(stats.by_type.values())} entries, {stats.aliases} aliases"
    )
    table.add_column("type")
    table.add_column("entries", justify="right")
    for lang in languages:
        table.add_column(lang, justify="right")
    for entry_type, n in stats.by_type.most_common():
        langs = stats.languages_by_type.get(entry_type, Counter())
        table.add_row(entry_type, str(n), *(str(langs.get(lang, 0)) for lang in languages))
    Console().print(table)


@kb_app.command("validate")
def kb_validate_command() -> None:
    """Check the data: schema, actor codes, parents, duplicate aliases. Exit 1 on problems."""
    from .kb import load_kb

    problems = load_kb().validate()
    for problem in problems:
        console.print(f"[red]problem:[/red] {problem}")
    if problems:
        console.print(f"{len(problems)} problem(s)")
        raise typer.Exit(1)
    console.print("knowledge base is valid")


@kb_app.command("discovered")
def kb_discovered_command(db: DbOption = None) -> None:
    """Entities found in the stored texts but not in the knowledge base (for curation)."""
    store = _open_store(_settings(db=db))
    try:
        rows = store.discovered_entities()
    finally:
        store.close()
    table = Table(title=f"{len(rows)} discovered entit{'y' if len(rows) == 1 else 'ies'}")
    for column in ("id", "name", "type", "country", "mentions"):
        table.add_column(column, overflow="fold")
    for key, name, entity_type, country, n in rows:
        table.add_row(key, name, entity_type, country or "", str(n))
    Console().print(table)


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[
        str | None, typer.Option(help="Address to listen on.", show_default="127.0.0.1")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port.", show_default="8000")] = None,
) -> None:
    """Serve the HTTP API (/api/…, OpenAPI at /openapi.json) and the web dashboard."""
    settings = _settings(db=db, host=host, port=port)
    _serve(settings)


def _serve(settings: Settings) -> None:
    import uvicorn

    from .api import create_app

    store = _open_store(settings)
    application = create_app(settings, store)
    mode = "read-write (token set)" if settings.token else "read-only"
    console.print(
        f"[bold]serving[/bold] {settings.db} ({mode}) at "
        f"[link]http://{settings.host}:{settings.port}/[/link] — Ctrl+C stops"
    )
    try:
        uvicorn.run(application, host=settings.host, port=settings.port, log_level="warning")
    finally:
        store.close()


@app.command("demo")
def demo_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite file for the demo (recreated).")] = Path(
        "spacediplo-demo.db"
    ),
    out: Annotated[Path, typer.Option("--out", help="Where to write the jsonl export.")] = Path(
        "spacediplo-demo.jsonl"
    ),
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the dashboard afterwards.")
    ] = True,
    host: Annotated[
        str | None, typer.Option(help="Address to listen on.", show_default="127.0.0.1")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port.", show_default="8000")] = None,
) -> None:
    """Ingest the bundled demo corpus into a fresh SQLite file, export it, then serve it."""
    from .demo import CORPUS_DIR

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    console.print(f"[bold]demo[/bold]: ingesting the bundled corpus ({CORPUS_DIR})")
    ingest_command([str(CORPUS_DIR)], db=str(db))
    export_command(db=str(db), format="jsonl", out=out)
    stats_command(db=str(db))
    console.print(f"database: {db.resolve()}\nexport: {out.resolve()}")
    if serve:
        _serve(_settings(db=str(db), host=host, port=port))


def main() -> None:  # pragma: no cover - console entry point
    app()
