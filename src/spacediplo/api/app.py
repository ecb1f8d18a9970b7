"""The HTTP application: the JSON API under ``/api`` and the dashboard pages, one FastAPI app.

A thin layer: every answer comes from :class:`~spacediplo.storage.queries.ReadModel` (reads)
or :func:`~spacediplo.ingest.process_item` (the one write), the same code the CLI runs.
"""

from __future__ import annotations

import csv
import hmac
import io
import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pycountry
from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, StorageError
from ..ingest import process_item
from ..model import RawDocument, content_hash
from ..pipeline import Pipeline, build_pipeline
from ..settings import Settings
from ..sources import Fetcher, Skipped
from ..sources.web import url_items
from ..storage import Store
from ..storage.queries import BadQuery, EventFilter, EventItem, ReadModel
from ..storage.search import split_hits
from ..stories.service import StoryService, params_from_settings
from .models import (
    ACTOR_PATTERN,
    DATE_PATTERN,
    ActorOut,
    DocumentOut,
    ErrorOut,
    EventsPage,
    EventType,
    HighlightPart,
    IngestIn,
    IngestOut,
    NetworkEdgeOut,
    NetworkNode,
    NetworkOut,
    SearchHitOut,
    SearchOut,
    Stage,
    StoriesPage,
    StoryOut,
)

__all__ = ["create_app"]

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A parameter cannot be used"},
    422: {"model": ErrorOut, "description": "A parameter is malformed"},
}
CSV_COLUMNS = (
    "id",
    "date",
    "type",
    "participants",
    "stage",
    "topics",
    "doc_id",
    "lang",
    "published",
    "title",
    "evidence",
)
_SAFE_TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"  # no NUL or control characters


class AppState:
    """What the running app holds: settings, the store, its read model, a lazy pipeline."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.read = ReadModel(store)
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()
        # Writes go one at a time: the story clusterer keeps state between documents.
        self.write_lock = threading.Lock()
        self.stories = StoryService(store, params_from_settings(settings))

    def pipeline(self) -> Pipeline:
        # Built on the first write: loading the knowledge base takes seconds that a
        # read-only server never needs to spend.
        with self._lock:
            if self._pipeline is None:
                self._pipeline = build_pipeline(self.settings)
            return self._pipeline

    def actor_name(self, code: str) -> str:
        return actor_name(code)


def actor_name(code: str) -> str:
    """Display name of an actor code: the state's short English name, else the code
    itself (the IGO codes of the spec are the names people use: ESA, UN, BRICS)."""
    country = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(
        alpha_3=code
    )
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.spacediplo
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def event_filter(
    type: Annotated[EventType | None, Query(description="Event type")] = None,
    actor: Annotated[
        str | None,
        Query(pattern=ACTOR_PATTERN, description="Actor code (RUS, ESA) or entity id"),
    ] = None,
    partner: Annotated[
        str | None, Query(pattern=ACTOR_PATTERN, description="A second actor taking part")
    ] = None,
    pair: Annotated[
        str | None,
        Query(
            pattern=r"^[A-Za-z0-9_.:\-]{1,200},[A-Za-z0-9_.:\-]{1,200}$",
            description="Two actors, comma-separated: events of that pair",
        ),
    ] = None,
    stage: Annotated[Stage | None, Query()] = None,
    topic: Annotated[str | None, Query(pattern=r"^[a-z_]{1,40}$")] = None,
    date_from: Annotated[str | None, Query(pattern=DATE_PATTERN, alias="from")] = None,
    date_to: Annotated[str | None, Query(pattern=DATE_PATTERN, alias="to")] = None,
    lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
    q: Annotated[str | None, Query(max_length=500, pattern=_SAFE_TEXT)] = None,
    story: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> EventFilter:
    if pair:
        if actor or partner:
            raise BadQuery("give either 'pair' or 'actor'/'partner', not both")
        actor, partner = pair.split(",", 1)
    return EventFilter(
        type=type,
        actor=actor,
        partner=partner,
        stage=stage,
        topic=topic,
        date_from=date_from,
        date_to=_end_of(date_to),
        lang=lang,
        q=q or None,
        story=story,
    )


def _end_of(date_to: str | None) -> str | None:
    # "to=2021" includes every date of 2021: "2021-12-31" > "2021-..." as strings.
    if date_to is None:
        return None
    return date_to + {4: "-12-31", 7: "-31"}.get(len(date_to), "")


FilterDep = Annotated[EventFilter, Depends(event_filter)]


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The app over ``store`` (opened from ``settings.db`` when not given)."""

    owns_store = store is None
    the_store = store or Store.open(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        if owns_store:
            the_store.close()

    app = FastAPI(
        title="spacediplo",
        version="0.1.0",
        summary="International space-cooperation events extracted from the news",
        lifespan=lifespan,
        # The interactive docs pages load their scripts from a CDN; the dashboard serves
        # nothing from outside, so only the OpenAPI document itself is published.
        docs_url=None,
        redoc_url=None,
    )
    app.state.spacediplo = AppState(settings, the_store)
    _install_error_handlers(app, settings)
    _add_api_routes(app)

    from ..web import add_web_routes

    add_web_routes(app)
    return app


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _install_error_handlers(app: FastAPI, settings: Settings) -> None:
    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return _error(400, "Content-Length is not a number")
            if int(length) > settings.max_request_bytes:
                return _error(
                    413,
                    f"request body of {length} bytes is over the limit of "
                    f"{settings.max_request_bytes} bytes",
                )
        return await call_next(request)

    @app.exception_handler(BadQuery)
    async def bad_query(_request: Request, exc: BadQuery) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(StorageError)
    async def storage_error(_request: Request, exc: StorageError) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        return _error(422, "; ".join(problems))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers
        )


def _event_out(item: EventItem) -> dict[str, Any]:
    return item.__dict__


def _csv_rows(read: ReadModel, flt: EventFilter, sort: str) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    cursor: str | None = None
    while True:
        page = read.events(flt, sort=sort, cursor=cursor, limit=500)
        for e in page.items:
            writer.writerow(
                [
                    e.id,
                    e.date or "",
                    e.type,
                    ";".join(e.participants),
                    e.stage,
                    ";".join(e.topics),
                    e.doc_id,
                    e.lang or "",
                    e.published or "",
                    e.title or "",
                    e.evidence,
                ]
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def _graphml(nodes: list[NetworkNode], edges: list[NetworkEdgeOut]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '<key id="name" for="node" attr.name="name" attr.type="string"/>',
        '<key id="events" for="node" attr.name="events" attr.type="int"/>',
        '<key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
        '<key id="types" for="edge" attr.name="types" attr.type="string"/>',
        '<graph id="cooperation" edgedefault="undirected">',
    ]
    for node in nodes:
        lines.append(
            f'<node id={quoteattr(node.id)}><data key="name">{xml_escape(node.name)}</data>'
            f'<data key="events">{node.events}</data></node>'
        )
    for edge in edges:
        types = ";".join(f"{t}:{n}" for t, n in sorted(edge.types.items()))
        lines.append(
            f"<edge source={quoteattr(edge.source)} target={quoteattr(edge.target)}>"
            f'<data key="weight">{edge.weight}</data>'
            f'<data key="types">{xml_escape(types)}</data></edge>'
        )
    lines += ["</graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def network_payload(
    state: AppState, flt: EventFilter, min_weight: int = 1, max_nodes: int = 200
) -> NetworkOut:
    counts, edges = state.read.network(flt, top=max_nodes)
    kept = [e for e in edges if e.weight >= min_weight]
    # The busiest actors, and only edges between them: a readable graph at any size.
    ranked = sorted(counts, key=lambda c: (-counts[c], c))[:max_nodes]
    keep = set(ranked)
    kept = [e for e in kept if e.source in keep and e.target in keep]
    linked = {c for e in kept for c in (e.source, e.target)}
    return NetworkOut(
        nodes=[
            NetworkNode(id=c, name=state.actor_name(c), events=counts[c])
            for c in ranked
            if c in linked
        ],
        edges=[
            NetworkEdgeOut(source=e.source, target=e.target, weight=e.weight, types=e.types)
            for e in kept
        ],
    )


def _add_api_routes(app: FastAPI) -> None:
    @app.get(
        "/api/events",
        response_model=EventsPage,
        responses={
            **ERRORS,
            200: {"content": {"text/csv": {}}, "description": "Events (JSON or CSV)"},
        },
        tags=["events"],
    )
    def list_events(
        state: StateDep,
        flt: FilterDep,
        sort: Annotated[Literal["date", "-date"], Query()] = "-date",
        cursor: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_\-]{1,400}$")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        format: Annotated[Literal["json", "csv"], Query()] = "json",
    ) -> Any:
        """Events of current documents, newest first by default, one page per call."""
        if format == "csv":
            state.read.events(flt, sort=sort, limit=1)  # bad filters fail before streaming
            return StreamingResponse(
                _csv_rows(state.read, flt, sort),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": 'attachment; filename="spacediplo-events.csv"'},
            )
        page = state.read.events(flt, sort=sort, cursor=cursor, limit=limit)
        return {"items": [_event_out(i) for i in page.items], "next_cursor": page.next_cursor}

    @app.get(
        "/api/actors/{actor_id}",
        response_model=ActorOut,
        responses={**ERRORS, 404: {"model": ErrorOut}},
        tags=["actors"],
    )
    def get_actor(state: StateDep, actor_id: Annotated[str, Path(pattern=ACTOR_PATTERN)]) -> Any:
        """Profile of an actor code or an entity: aliases, events by type, partners, timeline."""
        profile = state.read.actor(actor_id, name_of=actor_name)
        if profile is None:
            raise HTTPException(404, f"actor {actor_id!r}: nothing known about it")
        return profile.__dict__

    @app.get(
        "/api/network",
        response_model=NetworkOut,
        responses={
            **ERRORS,
            200: {
                "content": {"application/graphml+xml": {}},
                "description": "The cooperation graph (JSON or GraphML)",
            },
        },
        tags=["network"],
    )
    def get_network(
        state: StateDep,
        flt: FilterDep,
        min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        max_nodes: Annotated[int, Query(ge=1, le=2_000)] = 100,
        format: Annotated[Literal["json", "graphml"], Query()] = "json",
    ) -> Any:
        """Actor codes and weighted edges (events shared) for a period and type filter."""
        network = network_payload(state, flt, min_weight, max_nodes)
        if format == "graphml":
            return Response(
                _graphml(network.nodes, network.edges), media_type="application/graphml+xml"
            )
        return network

    @app.get("/api/stories", response_model=StoriesPage, responses=ERRORS, tags=["stories"])
    def list_stories(
        state: StateDep,
        cursor: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_\-]{1,400}$")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 20,
        lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
    ) -> Any:
        """Stories, latest first, with their languages and counts."""
        page = state.read.stories(cursor=cursor, limit=limit, lang=lang)
        return {"items": page.items, "next_cursor": page.next_cursor}

    @app.get(
        "/api/stories/{story_id}",
        response_model=StoryOut,
        responses={**ERRORS, 404: {"model": ErrorOut}},
        tags=["stories"],
    )
    def get_story(state: StateDep, story_id: Annotated[int, Path(ge=1, le=2**62)]) -> Any:
        """A story's articles across languages, with their events and canonical events."""
        story = state.read.story(story_id)
        if story is None:
            raise HTTPException(404, f"story {story_id}: no such story")
        return story

    @app.get(
        "/api/documents/{document_id}",
        response_model=DocumentOut,
        responses={**ERRORS, 404: {"model": ErrorOut}},
        tags=["documents"],
    )
    def get_document(state: StateDep, document_id: Annotated[int, Path(ge=1, le=2**62)]) -> Any:
        """A stored document version: cleaned text, mention spans, event evidence spans."""
        doc = state.read.document(document_id)
        if doc is None:
            raise HTTPException(404, f"document {document_id}: no such document")
        return doc

    @app.get("/api/search", response_model=SearchOut, responses=ERRORS, tags=["search"])
    def search(
        state: StateDep,
        q: Annotated[str, Query(min_length=1, max_length=500, pattern=_SAFE_TEXT)],
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> Any:
        """Full-text search over documents and event evidence, ranked, with highlights."""
        with state.store.session_factory() as session:
            documents = state.read.search.documents(session, q, limit)
            events = state.read.search.events(session, q, limit)

        def out(hit: Any) -> SearchHitOut:
            return SearchHitOut(
                kind=hit.kind,
                id=hit.id,
                document_id=hit.document_id,
                doc_id=hit.doc_id,
                title=hit.title,
                lang=hit.lang,
                published=hit.published,
                score=hit.score,
                highlight=[HighlightPart(text=t, match=m) for t, m in split_hits(hit.snippet)],
            )

        return SearchOut(
            query=q, documents=[out(h) for h in documents], events=[out(h) for h in events]
        )

    @app.post(
        "/api/ingest",
        response_model=list[IngestOut],
        status_code=201,
        responses={
            **ERRORS,
            401: {"model": ErrorOut},
            403: {"model": ErrorOut},
            413: {"model": ErrorOut},
        },
        tags=["ingest"],
    )
    def post_ingest(
        state: StateDep,
        body: IngestIn,
        authorization: Annotated[str | None, Header()] = None,
    ) -> Any:
        """Ingest one article (text, HTML or URL). Needs ``Authorization: Bearer <token>``."""
        _check_token(state.settings, authorization)
        items: list[RawDocument] = []
        if body.url:
            with Fetcher(state.settings) as fetcher:
                for item in url_items(body.url, fetcher):
                    if isinstance(item, Skipped):
                        raise HTTPException(422, f"{item.locator}: {item.reason}")
                    items.append(item)
        else:
            content = body.text if body.text is not None else body.html
            assert content is not None
            items.append(
                RawDocument(
                    doc_id=body.doc_id or "api-" + content_hash(content)[:16],
                    source="api",
                    source_kind="api",
                    content=content,
                    raw_format="text" if body.text is not None else "html",
                    locator=body.doc_id or "api",
                    title=body.title,
                    published=body.published,
                )
            )
        results = []
        for item in items:
            try:
                with state.write_lock:
                    outcome = process_item(item, state.pipeline(), state.store, state.stories)
            except InputError as exc:
                raise HTTPException(422, str(exc)) from exc
            stored = state.read.document_by_doc_id(item.doc_id)
            results.append(
                IngestOut(
                    doc_id=item.doc_id,
                    outcome=outcome.value,  # type: ignore[arg-type]
                    document_id=stored["id"] if stored else None,
                    lang=stored["lang"] if stored else None,
                    events=len(stored["events"]) if stored else 0,
                )
            )
        return results


def _check_token(settings: Settings, authorization: str | None) -> None:
    if not settings.token:
        raise HTTPException(403, "this server is read-only (no SPACEDIPLO_TOKEN is set)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), settings.token):
        raise HTTPException(
            401,
            "a valid 'Authorization: Bearer <token>' header is needed to ingest",
            headers={"WWW-Authenticate": "Bearer"},
        )
