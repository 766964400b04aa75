// eventlens dashboard: map, timeline, filters, table and the incident panel with its evidence.
//
// Safety rule: article text, titles, actor names - everything that comes from the data - is
// untrusted. The page is built with createElement + textContent only; nothing from the API is
// ever assigned to innerHTML, passed to a Leaflet popup/tooltip as a string, or used as a URL
// unless it is http(s). The tests load an article carrying <script> and onerror= markup.
"use strict";

(function () {
  const API = "/api/v1";
  const PAGE = 1000; // incidents drawn at once; the status line says when there are more
  const state = { config: null, incidents: [], markers: new Map(), selected: null, brush: null };

  // ------------------------------------------------------------------ small DOM helpers
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = String(v);
      else if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }
  function svgEl(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeHref(url) {
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) { return null; }
  }
  // Colours by event type come from /config (in the taxonomy's order), never from names written here.
  function colour(type) { return (state.config.event_type_colours || {})[type] || "#333"; }
  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ API
  function headers() {
    const key = $("f-key").value || sessionStorage.getItem("eventlens-key");
    return key ? { "X-API-Key": key } : {};
  }
  async function getJSON(path, params) {
    const qs = params ? "?" + params.toString() : "";
    const res = await fetch(API + path + qs, { headers: headers() });
    if (!res.ok) {
      let detail = res.statusText;
      try { detail = (await res.json()).detail; } catch (e) { /* not JSON */ }
      throw new Error(`${res.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
    }
    return res.json();
  }
  function filterParams(withDates) {
    const p = new URLSearchParams();
    const v = (id) => $(id).value.trim();
    if (v("f-type")) p.append("event_type", v("f-type"));
    if (v("f-subtype")) p.append("sub_event_type", v("f-subtype"));
    if (withDates && v("f-from")) p.append("date_from", v("f-from"));
    if (withDates && v("f-to")) p.append("date_to", v("f-to"));
    if (v("f-country")) p.append("country", v("f-country"));
    if (v("f-actor")) p.append("actor", v("f-actor"));
    if (v("f-geo")) for (const g of v("f-geo").split(",")) p.append("geo_precision", g);
    if (v("f-conf")) p.append("min_confidence", v("f-conf"));
    if (v("f-sources")) p.append("min_sources", v("f-sources"));
    return p;
  }
  function setStatus(text, isError) {
    const s = $("status");
    s.textContent = text;
    s.className = isError ? "error" : "";
  }

  // ------------------------------------------------------------------ ready signals
  // The page says when it has finished, so that tests (and anyone scripting it) wait for that
  // and never for a guessed time (issue 16, item 15): <body data-state> is "loading" from the
  // moment a filter changes until the table, map and timeline are drawn and the map has stopped
  // moving, then "ready" (or "error"); #detail has its own data-state and data-id for the
  // incident panel. aria-busy tells assistive technology the same.
  function setState(node, value) {
    node.setAttribute("data-state", value);
    if (value === "loading") node.setAttribute("aria-busy", "true");
    else node.removeAttribute("aria-busy");
  }
  // Resolves once no zoom or pan animation runs, neither the map's nor the marker clusters',
  // for two frames running. Leaflet has no public flag for this, so these are its own fields.
  function mapIdle() {
    const busy = () => !!(map && (map._animatingZoom || (map._panAnim && map._panAnim._inProgress) ||
      (cluster && cluster._inZoomAnimation)));
    return new Promise((resolve) => {
      let calm = 0;
      const tick = () => {
        calm = busy() ? 0 : calm + 1;
        if (calm >= 2) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  // ------------------------------------------------------------------ map
  let map, cluster;
  async function initMap() {
    // maxZoom is needed without a tile layer (marker clustering asks the map for it).
    map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([20, 20], 2);
    if (state.config.tile_url) {
      L.tileLayer(state.config.tile_url, { attribution: state.config.tile_attribution || "" }).addTo(map);
    } else {
      // Offline basemap: Natural Earth 1:50m countries, bundled with eventlens.
      try {
        const topo = await (await fetch("/static/vendor/countries-50m.json")).json();
        const countries = topojson.feature(topo, topo.objects.countries);
        L.geoJSON(countries, {
          interactive: false,
          style: { color: "#9aa5b1", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 },
        }).addTo(map);
        map.attributionControl.addAttribution("Natural Earth");
      } catch (e) {
        setStatus("basemap could not be loaded: " + e.message, true);
      }
    }
    // Clusters dissolve from zoom 8, so selecting an incident never zooms past a region view.
    cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, disableClusteringAtZoom: 8 });
    map.addLayer(cluster);
  }

  function drawMarkers() {
    cluster.clearLayers();
    state.markers.clear();
    const pts = [];
    for (const inc of state.incidents) {
      if (inc.latitude === null || inc.longitude === null) continue;
      const m = L.circleMarker([inc.latitude, inc.longitude], {
        radius: 7,
        color: "#222",
        weight: 1,
        fillColor: colour(inc.event_type),
        fillOpacity: 0.9,
        className: "incident-marker",
      });
      m.bindTooltip(el("span", { text: `${inc.event_date || "?"} ${inc.sub_event_type || ""} - ${inc.location || ""}` }));
      m.on("click", () => select(inc.event_id_cnty));
      m.on("add", () => {
        const path = m.getElement && m.getElement();
        if (path) path.setAttribute("data-id", inc.event_id_cnty);
      });
      state.markers.set(inc.event_id_cnty, m);
      pts.push(m);
      cluster.addLayer(m);
    }
    if (pts.length) {
      const b = L.latLngBounds(pts.map((m) => m.getLatLng()));
      map.fitBounds(b.pad(0.3), { maxZoom: 6 });
    }
  }

  function drawLegend() {
    const box = $("legend");
    clear(box);
    for (const [type, c] of Object.entries(state.config.event_type_colours || {})) {
      box.appendChild(el("span", { class: "legend-item" },
        el("span", { class: "swatch", style: `background:${c}` }), type));
    }
  }

  // ------------------------------------------------------------------ timeline with a brush
  const DAY = 86400000;
  function drawTimeline(rows) {
    const svg = $("timeline");
    clear(svg);
    const width = svg.clientWidth || 600, height = svg.clientHeight || 90, pad = 18;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const days = rows.filter((r) => r.key).map((r) => ({ t: Date.parse(r.key), n: r.count }));
    if (!days.length) {
      svg.appendChild(Object.assign(svgEl("text", { x: 8, y: 20, class: "axis" }), { textContent: "no dated incidents" }));
      state.scale = null;
      return;
    }
    let t0 = Math.min(...days.map((d) => d.t)), t1 = Math.max(...days.map((d) => d.t)) + DAY;
    if (t1 - t0 < 14 * DAY) { t0 -= 7 * DAY; t1 += 7 * DAY; }
    const x = (t) => pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad);
    const max = Math.max(...days.map((d) => d.n));
    const bw = Math.max(1.5, ((width - 2 * pad) * DAY) / (t1 - t0) - 0.5);
    for (const d of days) {
      const h = ((height - pad - 4) * d.n) / max;
      svg.appendChild(svgEl("rect", { class: "bar", x: x(d.t), y: height - pad - h, width: bw, height: h }));
    }
    drawAxis(svg, t0, t1, x, width, height);
    state.scale = { t0, t1, x, inv: (px) => t0 + ((px - pad) / (width - 2 * pad)) * (t1 - t0), height, pad };
    drawBrush();
  }

  // Date labels under the bars: as many as fit (about one per 110 px, at least the first and
  // last day), each measured once drawn; a label that would touch a kept one is dropped, except
  // the latest day, which displaces the labels before it instead.
  function drawAxis(svg, t0, t1, x, width, height) {
    const iso = (t) => new Date(t).toISOString().slice(0, 10);
    const n = Math.max(2, Math.min(6, Math.floor(width / 110)));
    const kept = [];
    const clash = (a, b) => a.x < b.x + b.width + 6 && b.x < a.x + a.width + 6;
    for (let i = 0; i < n; i++) {
      const t = t0 + ((t1 - DAY - t0) * i) / (n - 1);
      const anchor = i === 0 ? "start" : i === n - 1 ? "end" : "middle";
      const label = svgEl("text", { x: x(t), y: height - 4, class: "axis", "text-anchor": anchor });
      label.textContent = iso(t);
      svg.appendChild(label);
      const box = label.getBBox();
      if (i === n - 1) {
        while (kept.length > 1 && clash(kept[kept.length - 1].box, box)) kept.pop().label.remove();
      }
      const last = kept[kept.length - 1];
      if (box.x < 0 || box.x + box.width > width || (last && clash(last.box, box))) { label.remove(); continue; }
      kept.push({ label, box });
    }
  }

  function drawBrush() {
    const svg = $("timeline");
    const old = svg.querySelector(".brush");
    if (old) old.remove();
    const from = $("f-from").value, to = $("f-to").value;
    if (!state.scale || (!from && !to)) return;
    const s = state.scale;
    const a = from ? s.x(Date.parse(from)) : s.x(s.t0);
    const b = to ? s.x(Date.parse(to) + DAY) : s.x(s.t1);
    svg.appendChild(svgEl("rect", { class: "brush", x: Math.min(a, b), y: 0, width: Math.abs(b - a), height: s.height - s.pad }));
  }

  function initBrush() {
    const svg = $("timeline");
    let start = null;
    const px = (ev) => {
      const r = svg.getBoundingClientRect();
      return ((ev.clientX - r.left) / r.width) * (svg.viewBox.baseVal.width || r.width);
    };
    svg.addEventListener("mousedown", (ev) => { if (state.scale) { start = px(ev); ev.preventDefault(); } });
    svg.addEventListener("mousemove", (ev) => {
      if (start === null) return;
      const s = state.scale, cur = px(ev);
      const old = svg.querySelector(".brush");
      if (old) old.remove();
      svg.appendChild(svgEl("rect", { class: "brush", x: Math.min(start, cur), y: 0, width: Math.abs(cur - start), height: s.height - s.pad }));
    });
    window.addEventListener("mouseup", (ev) => {
      if (start === null) return;
      const s = state.scale, end = px(ev);
      const a = Math.min(start, end), b = Math.max(start, end);
      start = null;
      if (b - a < 3) return; // a click, not a drag
      const iso = (t) => new Date(t).toISOString().slice(0, 10);
      $("f-from").value = iso(s.inv(a));
      $("f-to").value = iso(s.inv(b));
      reload();
    });
    svg.addEventListener("dblclick", () => { $("f-from").value = ""; $("f-to").value = ""; reload(); });
  }

  // ------------------------------------------------------------------ table
  // "Shelling/artillery/missile attack" may wrap after a slash (a zero-width space) in a narrow column.
  function breakable(text) { return text.replace(/\//g, "/\u200b"); }
  function fmtConf(c) { return c === null || c === undefined ? "" : Number(c).toFixed(2); }
  function drawTable() {
    const body = document.querySelector("#incidents tbody");
    clear(body);
    for (const inc of state.incidents) {
      const place = [inc.location, inc.country].filter(Boolean).join(", ");
      const tr = el("tr", { "data-id": inc.event_id_cnty, tabindex: 0, onclick: () => select(inc.event_id_cnty),
        onkeydown: (ev) => { if (ev.key === "Enter") select(inc.event_id_cnty); } },
        el("td", { text: inc.event_date || "" }),
        // The type is the swatch's colour (and the cell's tooltip); the sub-type names it.
        el("td", { title: `${inc.event_type || ""}: ${inc.sub_event_type || ""}` },
          el("span", { class: "swatch", style: `background:${colour(inc.event_type)}` }), breakable(inc.sub_event_type || inc.event_type || "")),
        el("td", { title: place, text: place }),
        el("td", { class: "num", text: inc.fatalities ?? "" }),
        el("td", { class: "num", text: inc.source_count ?? "" }),
        el("td", { class: "num", text: fmtConf(inc.confidence) }));
      if (inc.event_id_cnty === state.selected) tr.classList.add("selected");
      body.appendChild(tr);
    }
  }

  // ------------------------------------------------------------------ incident panel
  // Field names, labels and value formats live in fields.js (window.eventlensFields).
  const F = window.eventlensFields;

  // Split the text at every span boundary; each piece is plain text or a <mark> naming the
  // fields whose evidence covers it. Offsets are character offsets into the article text.
  function renderText(text, evidence) {
    const spans = [];
    for (const ev of evidence || []) {
      for (const sp of ev.spans || []) {
        if (Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.start < sp.end && sp.end <= text.length) {
          spans.push({ start: sp.start, end: sp.end, field: ev.field, conf: ev.confidence, stage: ev.stage });
        }
      }
    }
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const box = el("div", { class: "article-text" });
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const all = spans.filter((s) => s.start <= a && s.end >= b);
      // "sentences" says which sentences the event was read from: a faint background, while
      // the words behind each field are marked.
      const cover = all.filter((s) => s.field !== "sentences");
      if (!cover.length) {
        box.appendChild(all.length ? el("span", { class: "in-sentence", text: piece }) : document.createTextNode(piece));
        continue;
      }
      const fields = [...new Set(cover.map((s) => s.field))];
      box.appendChild(el("mark", {
        class: "evidence",
        "data-fields": fields.join(" "),
        title: cover.map((s) => `${F.evidenceLabel(s.field)} (${s.stage}, ${Number(s.conf).toFixed(2)})`).join("; "),
        text: piece,
      }));
    }
    return box;
  }

  function highlight(fields) {
    const marks = document.querySelectorAll("#detail mark.evidence");
    let first = null;
    for (const m of marks) {
      const on = (m.getAttribute("data-fields") || "").split(" ").some((f) => fields.includes(f));
      m.classList.toggle("active", on);
      if (on && !first) first = m;
    }
    const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (first) first.scrollIntoView({ block: "center", behavior: calm ? "auto" : "smooth" });
  }

  function fieldValue(v) {
    return F.blank(v) ? "—" : String(v);
  }

  // Every field with a value, labelled for people: a grid of label/value pairs that is one
  // column on a phone; a label with evidence behind it is a button that marks the words.
  function renderFields(inc, evFields) {
    const list = el("dl", { class: "fields" });
    for (const row of F.ROWS) {
      const value = row.value(inc);
      if (F.blank(value) && !row.always) continue;
      const wanted = F.evidenceFields(row.key);
      const name = wanted.some((f) => evFields.has(f))
        ? el("button", { type: "button", class: "field-link", "data-field": row.key, title: "show the evidence",
            onclick: () => highlight(wanted), text: row.label })
        : el("span", { text: row.label });
      list.appendChild(el("div", { class: row.wide ? "field wide" : "field", "data-field": row.key },
        el("dt", {}, name), el("dd", { text: fieldValue(value) })));
    }
    return list;
  }

  function renderDetail(inc) {
    const box = $("detail");
    clear(box);
    const evFields = new Set();
    for (const m of inc.mentions) for (const e of m.evidence || []) evFields.add(e.field);
    box.appendChild(el("h2", {}, el("span", { class: "swatch", style: `background:${colour(inc.event_type)}` }),
      `${inc.sub_event_type || inc.event_type || "Incident"} — ${[inc.location, inc.country].filter(Boolean).join(", ") || "unknown place"}`));
    if (inc.requested_id !== inc.event_id_cnty) {
      box.appendChild(el("p", { class: "hint", text: `${inc.requested_id} was merged into ${inc.event_id_cnty}.` }));
    }
    box.appendChild(renderFields(inc, evFields));

    if (inc.corrections.length) {
      box.appendChild(el("h3", { text: "Corrections" }));
      const ul = el("ul", { class: "corrections" });
      for (const c of inc.corrections) {
        ul.appendChild(el("li", { text: `${c.field}: ${JSON.stringify(c.old_value)} → ${JSON.stringify(c.new_value)} by ${c.who}, ${c.at}: ${c.why}` }));
      }
      box.appendChild(ul);
    }
    if (inc.toll_history.length > 1) {
      box.appendChild(el("h3", { text: "Toll history" }));
      const ul = el("ul");
      for (const h of inc.toll_history) {
        ul.appendChild(el("li", { text: `${h.reported_at || h.recorded_at}: ${fieldValue(h.fatalities)} (${fieldValue(h.fatalities_min)}–${fieldValue(h.fatalities_max)})` }));
      }
      box.appendChild(ul);
    }

    const articles = new Map(inc.articles.map((a) => [a.id, a]));
    box.appendChild(el("h3", { text: `Sources (${inc.mentions.length} report${inc.mentions.length === 1 ? "" : "s"})` }));
    for (const m of inc.mentions) {
      const a = articles.get(m.article_id);
      const rec = m.record || {};
      const href = a && a.url ? safeHref(a.url) : null;
      // Named by its title and its outlet, never by its id (a hash).
      const title = (a && a.title) || "Untitled article";
      const meta = [F.sourceName(a), a && a.published ? a.published.slice(0, 16).replace("T", " ") : null,
        rec.role === "background" ? "recalled as background" : null, `confidence ${fmtConf(rec.confidence)}`];
      const head = el("div", { class: "source-head" },
        href ? el("a", { href, target: "_blank", rel: "noopener noreferrer", text: title }) : el("strong", { text: title }),
        el("span", { class: "meta", text: " " + meta.filter(Boolean).join(" · ") }));
      const chips = el("div", { class: "chips" });
      for (const e of m.evidence || []) {
        chips.appendChild(el("button", { type: "button", class: "chip", "data-field": e.field,
          title: `${e.stage}, confidence ${fmtConf(e.confidence)}`, onclick: () => highlight([e.field]),
          text: `${F.evidenceLabel(e.field)}: ${(e.spans || []).map((s) => s.text).join(" … ")}` }));
      }
      const body = a ? renderText(a.text, m.evidence) : el("p", { class: "hint", text: "article text not stored" });
      box.appendChild(el("article", { class: "source", "data-mention": m.id }, head, chips, body));
    }
  }

  let selecting = 0;
  async function select(id) {
    const mine = ++selecting;
    const detail = $("detail");
    detail.setAttribute("data-id", id);
    setState(detail, "loading");
    state.selected = id;
    for (const tr of document.querySelectorAll("#incidents tbody tr")) {
      tr.classList.toggle("selected", tr.getAttribute("data-id") === id);
    }
    try {
      const inc = await getJSON(`/incidents/${encodeURIComponent(id)}`);
      renderDetail(inc);
      for (const other of state.markers.values()) other.setStyle({ weight: 1, color: "#222" });
      const m = state.markers.get(id);
      if (m) {
        // Centre on it at a regional zoom; a stack of incidents at one place stays a cluster.
        map.setView(m.getLatLng(), Math.max(map.getZoom(), 5));
        m.setStyle({ weight: 3, color: "#000" });
      }
      await mapIdle();
      if (mine === selecting) setState(detail, "ready");
    } catch (e) {
      setStatus(`incident ${id}: ${e.message}`, true);
      if (mine === selecting) setState(detail, "error");
    }
  }

  // ------------------------------------------------------------------ filters and loading
  function fillTypes() {
    const types = state.config.event_types;
    const sel = $("f-type"), sub = $("f-subtype");
    for (const t of Object.keys(types)) sel.appendChild(el("option", { value: t, text: t }));
    const fillSubs = () => {
      const keep = sub.value;
      clear(sub);
      sub.appendChild(el("option", { value: "", text: "All sub-types" }));
      const list = sel.value ? types[sel.value] : Object.values(types).flat();
      for (const s of list) sub.appendChild(el("option", { value: s, text: s }));
      if (list.includes(keep)) sub.value = keep;
    };
    sel.addEventListener("change", fillSubs);
    fillSubs();
  }

  let loading = 0;
  async function reload() {
    const mine = ++loading;
    setState(document.body, "loading");
    setStatus("loading…");
    try {
      const p = filterParams(true);
      p.set("limit", String(PAGE));
      const [page, days] = await Promise.all([getJSON("/incidents", p), getJSON("/counts", withBy(filterParams(false), "day"))]);
      if (mine !== loading) return;
      state.incidents = page.items;
      drawMarkers();
      drawTable();
      drawTimeline(days.rows);
      const more = page.next_cursor ? ` (first ${PAGE} shown; narrow the filters to see the rest)` : "";
      setStatus(`${page.items.length} incident${page.items.length === 1 ? "" : "s"}${more}`);
      await mapIdle();
      if (mine === loading) setState(document.body, "ready");
    } catch (e) {
      if (mine === loading) {
        setStatus(e.message, true);
        setState(document.body, "error");
      }
    }
  }
  function withBy(p, by) { p.set("by", by); return p; }

  let placeTimer = null;
  function initPlaces() {
    $("f-country").addEventListener("input", () => {
      clearTimeout(placeTimer);
      const q = $("f-country").value.trim();
      if (q.length < 2) return;
      placeTimer = setTimeout(async () => {
        try {
          const hits = await getJSON("/places", new URLSearchParams({ q, limit: "8" }));
          const dl = $("place-list");
          clear(dl);
          const seen = new Set();
          for (const h of hits) {
            for (const v of [h.country, h.iso]) {
              if (v && !seen.has(v)) { seen.add(v); dl.appendChild(el("option", { value: v })); }
            }
          }
        } catch (e) { /* autocomplete is a convenience */ }
      }, 200);
    });
  }

  async function main() {
    setState(document.body, "loading");
    try {
      state.config = await getJSON("/config");
      F.configure(state.config);
    } catch (e) {
      setStatus("cannot reach the eventlens API: " + e.message, true);
      setState(document.body, "error");
      return;
    }
    initFilterBox();
    if (state.config.read_requires_key) {
      $("key-label").hidden = false;
      $("f-key").value = sessionStorage.getItem("eventlens-key") || "";
      $("f-key").addEventListener("change", () => { sessionStorage.setItem("eventlens-key", $("f-key").value); reload(); });
    }
    fillTypes();
    drawLegend();
    await initMap();
    initBrush();
    initPlaces();
    for (const input of document.querySelectorAll("#filters select, #filters input:not(#f-key)")) {
      input.addEventListener("change", reload);
    }
    $("f-reset").addEventListener("click", () => {
      for (const input of document.querySelectorAll("#filters select, #filters input:not(#f-key)")) input.value = "";
      reload();
    });
    // Redraw once a resize has settled; the page is "loading" from the first resize event on.
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      setState(document.body, "loading");
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { map.invalidateSize(); reload(); }, 300);
    });
    await reload();
  }

  // On a phone the filters fold into "Filters" (a <details>); on a wide screen they stay open
  // and the summary line is hidden by app.css.
  function initFilterBox() {
    const box = $("filters-box"), narrow = window.matchMedia("(max-width: 760px)");
    const apply = () => { box.open = !narrow.matches; };
    apply();
    narrow.addEventListener("change", apply);
  }
  main();
})();
