"""The dashboard: server-rendered pages over the same read model as the API.

Every asset is ours and served by the app (``/static``): no CDN, no fetch at run time.
Templates autoescape; article text reaches the page only as escaped text.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..model import EVENT_TYPES, TOPICS
from ..storage.queries import BadQuery, EventFilter, Page
from .render import TYPE_COLOURS, choropleth, circle_layout, highlight, stacked_bars, world

__all__ = ["add_web_routes"]

_PACKAGE = resources.files("spacediplo.web")
_FILTER_RULES: dict[str, str] = {
    "type": "^(" + "|".join(EVENT_TYPES) + ")$",
    "actor": r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,199}$",
    "partner": r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,199}$",
    "stage": "^(done|ongoing|planned)$",
    "topic": "^(" + "|".join(TOPICS) + ")$",
    "from": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "to": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "lang": r"^[a-z]{2,3}$",
    "q": r"^[^\x00-\x1f]{1,500}$",
}


def page_filter(request: Request) -> tuple[EventFilter, dict[str, str], list[str]]:
    """The filter form's values: blanks ignored, bad values reported rather than fatal."""
    values: dict[str, str] = {}
    problems: list[str] = []
    for name, rule in _FILTER_RULES.items():
        raw = request.query_params.get(name, "").strip()
        if not raw:
            continue
        if not re.match(rule, raw):
            problems.append(f"{name}: {raw[:60]!r} is not valid here, ignored")
            continue
        values[name] = raw
    date_to = values.get("to")
    if date_to:
        date_to += {4: "-12-31", 7: "-31"}.get(len(date_to), "")
    flt = EventFilter(
        type=values.get("type"), actor=values.get("actor"), partner=values.get("partner"),
        stage=values.get("stage"), topic=values.get("topic"), date_from=values.get("from"),
        date_to=date_to, lang=values.get("lang"), q=values.get("q"),
    )  # fmt: skip
    return flt, values, problems


def add_web_routes(app: FastAPI) -> None:
    templates = Jinja2Templates(directory=str(_PACKAGE.joinpath("templates")))
    templates.env.globals.update(
        event_types=EVENT_TYPES, topics=TOPICS, type_colours=TYPE_COLOURS, urlencode=urlencode
    )
    app.mount("/static", StaticFiles(directory=str(_PACKAGE.joinpath("static"))), name="static")

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    def state(request: Request) -> Any:
        return request.app.state.spacediplo

    def not_found(request: Request, what: str) -> HTMLResponse:
        return render(request, "error.html", 404, title="Not found", message=what)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request) -> HTMLResponse:
        read = state(request).read
        flt, values, problems = page_filter(request)
        bars, labels, peak = stacked_bars(read.counts_by_year_and_type(flt))
        return render(
            request, "overview.html", title="Overview", totals=read.totals(),
            stories=read.stories(limit=12).items, by_type=read.event_counts(flt),
            bars=bars, labels=labels, peak=peak, values=values, problems=problems,
        )  # fmt: skip

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events(request: Request) -> HTMLResponse:
        read = state(request).read
        flt, values, problems = page_filter(request)
        cursor = request.query_params.get("cursor") or None
        try:
            page = read.events(flt, cursor=cursor, limit=50)
        except BadQuery as exc:
            problems.append(str(exc))
            page = Page([], None)
        query = urlencode(values)
        return render(
            request, "events.html", title="Events", page=page, values=values,
            problems=problems, query=query,
        )  # fmt: skip

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network(request: Request) -> HTMLResponse:
        from ..api.app import network_payload

        flt, values, problems = page_filter(request)
        try:
            graph = network_payload(state(request), flt, max_nodes=40)
        except BadQuery as exc:
            problems.append(str(exc))
            graph = network_payload(state(request), EventFilter(), max_nodes=40)
        peak_events = max((n.events for n in graph.nodes), default=1)
        nodes = [
            {**n.model_dump(), "r": round(5 + 15 * (n.events / peak_events) ** 0.5, 1)}
            for n in graph.nodes
        ]
        positions = circle_layout(nodes)
        peak = max((e.weight for e in graph.edges), default=1)
        edges = [
            {**e.model_dump(), "x1": positions[e.source][0], "y1": positions[e.source][1],
             "x2": positions[e.target][0], "y2": positions[e.target][1],
             "width": round(1 + 7 * (e.weight / peak) ** 0.5, 1)}
            for e in graph.edges
        ]  # fmt: skip
        return render(
            request, "network.html", title="Network", nodes=nodes, edges=edges,
            positions=positions, values=values, problems=problems, query=urlencode(values),
        )  # fmt: skip

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def world_map(request: Request) -> HTMLResponse:
        read = state(request).read
        flt, values, problems = page_filter(request)
        try:
            intensity = read.country_intensity(flt)
        except BadQuery as exc:
            problems.append(str(exc))
            intensity = {}
        countries = choropleth(intensity)
        ranked = sorted((c for c in countries if c["events"]), key=lambda c: -c["events"])
        return render(
            request, "map.html", title="Map", countries=countries, ranked=ranked[:25],
            width=world()["width"], height=world()["height"], credit=world()["credit"],
            values=values, problems=problems,
        )  # fmt: skip

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor(request: Request, actor_id: str) -> HTMLResponse:
        app_state = state(request)
        try:
            profile = app_state.read.actor(actor_id, name_of=app_state.actor_name)
        except BadQuery as exc:
            return render(request, "error.html", 400, title="Bad actor", message=str(exc))
        if profile is None:
            return not_found(request, f"Nothing is known about {actor_id!r}.")
        recent = app_state.read.events(EventFilter(actor=actor_id), limit=50)
        peak = max((n for _, n in profile.timeline), default=1)
        return render(
            request, "actor.html", title=profile.name, profile=profile, recent=recent.items,
            peak=peak, name_of=app_state.actor_name,
        )  # fmt: skip

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories(request: Request) -> HTMLResponse:
        cursor = request.query_params.get("cursor") or None
        try:
            page = state(request).read.stories(cursor=cursor, limit=30)
        except BadQuery as exc:
            return render(request, "error.html", 400, title="Bad page", message=str(exc))
        return render(request, "stories.html", title="Stories", page=page)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story(request: Request, story_id: int) -> HTMLResponse:
        found = state(request).read.story(story_id)
        if found is None:
            return not_found(request, f"There is no story {story_id}.")
        for article in found["articles"]:
            article["segments"] = highlight(article["text"], article["mentions"], article["events"])
        return render(request, "story.html", title=found["title"] or "Story", story=found)

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document(request: Request, document_id: int) -> HTMLResponse:
        found = state(request).read.document(document_id)
        if found is None:
            return not_found(request, f"There is no document {document_id}.")
        found["segments"] = highlight(found["text"], found["mentions"], found["events"])
        return render(request, "document.html", title=found["title"] or found["doc_id"],
                      doc=found)  # fmt: skip

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request) -> HTMLResponse:
        from ..storage.search import split_hits

        q = request.query_params.get("q", "").strip()[:500].replace("\x00", "")
        documents: list[Any] = []
        events: list[Any] = []
        if q:
            read = state(request).read
            with read.store.session_factory() as session:
                documents = read.search.documents(session, q, 30)
                events = read.search.events(session, q, 30)
        return render(
            request, "search.html", title="Search", q=q, documents=documents, events=events,
            parts=split_hits, values={"q": q} if q else {},
        )  # fmt: skip
