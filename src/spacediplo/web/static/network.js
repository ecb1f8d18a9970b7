// Network page: clicking an edge lists the events of that pair (from /api/events).
// Article text is untrusted: it is only ever set with textContent, never as HTML.
"use strict";
(function () {
  const graph = document.getElementById("graph");
  const panel = document.getElementById("edge-events");
  if (!graph || !panel) return;

  function element(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  async function showPair(edge) {
    graph.querySelectorAll(".edge.selected").forEach((e) => e.classList.remove("selected"));
    edge.classList.add("selected");
    const pair = edge.dataset.source + "," + edge.dataset.target;
    const params = new URLSearchParams(graph.dataset.query || "");
    params.set("pair", pair);
    params.set("limit", "100");
    panel.replaceChildren(element("p", "Loading…"));
    const response = await fetch("/api/events?" + params.toString());
    const body = await response.json();
    if (!response.ok) {
      panel.replaceChildren(element("p", body.error || "The events could not be loaded."));
      return;
    }
    const title = element("h2", edge.dataset.source + " – " + edge.dataset.target);
    const list = element("ol", undefined, { id: "pair-events" });
    for (const e of body.items) {
      const item = element("li");
      item.append(element("strong", (e.date || "undated") + " · " + e.type + " (" + e.stage + ")"));
      item.append(element("div", e.evidence));
      const link = element("a", e.title || e.doc_id, { href: "/documents/" + e.document_id });
      item.append(link);
      list.append(item);
    }
    const more = body.next_cursor
      ? element("a", "All events of this pair →", { href: "/events?" + params.toString() })
      : element("span", "");
    panel.replaceChildren(title, list, more);
  }

  graph.querySelectorAll(".edge").forEach((edge) => {
    edge.addEventListener("click", () => showPair(edge));
    edge.addEventListener("keydown", (event) => {
      if (event.key === "Enter") showPair(edge);
    });
  });
})();
