// How the incident panel names and shows each record field: for people, not for ACLED coders
// (issue 16, item 13). The record keeps ACLED's names and codes (inter1 = 3, interaction = 37);
// the panel says "Kind of actor: Political militias" and "Source: Reuters".
"use strict";

window.eventlensFields = (function () {
  // ACLED's kinds of actor (inter codes), from the server's /config (eventlens.taxonomy.INTER_CODES):
  // filled by configure() before any panel is drawn, never copied here.
  const INTER = {};
  function configure(config) {
    for (const [code, name] of Object.entries((config && config.actor_kinds) || {})) INTER[code] = name;
  }
  // ACLED time_precision and geo_precision codes, in words.
  const TIME_PRECISION = { 1: "the day", 2: "the week", 3: "the month or longer" };
  const GEO_PRECISION = { 1: "the town or village", 2: "near a town, or the district", 3: "the province or region" };

  const blank = (v) => v === null || v === undefined || v === "";
  const num = (v, digits) => (blank(v) ? null : Number(v).toFixed(digits));
  function when(ts) {
    return blank(ts) ? null : String(ts).slice(0, 16).replace("T", " ") + (String(ts).length > 16 ? " UTC" : "");
  }
  function host(url) {
    try { return new URL(url).hostname.replace(/^www\./, ""); } catch (e) { return null; }
  }
  // The outlet of one article: its publisher, else its web site, else the file it was read from.
  function outlet(a) {
    if (!a) return null;
    const file = a.source && !/^[a-z]+:\/\//i.test(a.source) ? String(a.source).split(/[\\/]/).pop() : null;
    return a.publisher || host(a.url) || host(a.source) || file || null;
  }
  function interaction(code) {
    if (blank(code)) return null;
    const a = Math.floor(Number(code) / 10), b = Number(code) % 10;
    if (!INTER[a]) return String(code);
    return b === 0 ? `${INTER[a]}, acting alone` : `${INTER[a]} and ${INTER[b] || b}`;
  }
  function dates(inc) {
    if (blank(inc.event_date)) return null;
    return !blank(inc.date_end) && inc.date_end !== inc.event_date ? `${inc.event_date} to ${inc.date_end}` : inc.event_date;
  }
  function toll(inc) {
    if (blank(inc.fatalities)) return "not reported";
    const lo = inc.fatalities_min, hi = inc.fatalities_max;
    const range = !blank(lo) && !blank(hi) && lo !== hi ? ` (reports say ${lo} to ${hi})` : "";
    return `${inc.fatalities}${range}`;
  }
  // The outlets: the record's publishers, else each article's outlet. Never an article id (a
  // 64-character hash says nothing to a reader).
  function sources(inc) {
    if (!blank(inc.source)) return inc.source;
    const names = new Set((inc.articles || []).map(outlet).filter(Boolean));
    return names.size ? [...names].sort().join("; ") : "not named";
  }
  function sourceName(article) {
    return outlet(article) || "source not named";
  }

  // key: the record field (data-field, and what the evidence lookup starts from); always: shown
  // even when empty (a reader should see that no toll was reported); wide: a whole line.
  const ROWS = [
    { key: "notes", label: "Summary", value: (i) => i.notes, wide: true },
    { key: "event_date", label: "Date", value: dates, always: true },
    { key: "time_precision", label: "Date known to", value: (i) => TIME_PRECISION[i.time_precision] || i.date_precision },
    { key: "event_type", label: "Event type", value: (i) => i.event_type, always: true },
    { key: "sub_event_type", label: "Sub-type", value: (i) => i.sub_event_type },
    { key: "disorder_type", label: "Disorder", value: (i) => i.disorder_type },
    { key: "actor1", label: "Actor 1", value: (i) => i.actor1, always: true },
    { key: "inter1", label: "Kind of actor", value: (i) => INTER[i.inter1] },
    { key: "assoc_actor_1", label: "Together with", value: (i) => i.assoc_actor_1 },
    { key: "actor2", label: "Actor 2", value: (i) => i.actor2 },
    { key: "inter2", label: "Kind of actor", value: (i) => INTER[i.inter2] },
    { key: "assoc_actor_2", label: "Together with", value: (i) => i.assoc_actor_2 },
    { key: "interaction", label: "Between", value: (i) => interaction(i.interaction) },
    { key: "civilian_targeting", label: "Civilians targeted", value: (i) => (i.civilian_targeting ? "yes" : null) },
    { key: "fatalities", label: "Killed", value: toll, always: true },
    { key: "injured", label: "Injured", value: (i) => i.injured },
    { key: "location", label: "Place", value: (i) => i.location, always: true },
    { key: "admin1", label: "Province / region", value: (i) => i.admin1 },
    { key: "admin2", label: "District", value: (i) => i.admin2 },
    { key: "admin3", label: "Sub-district", value: (i) => i.admin3 },
    { key: "country", label: "Country", value: (i) => (i.country && i.iso ? `${i.country} (${i.iso})` : i.country || i.iso) },
    { key: "latitude", label: "Coordinates", value: (i) => (blank(i.latitude) ? null : `${num(i.latitude, 4)}, ${num(i.longitude, 4)}`) },
    { key: "geo_precision", label: "Located to", value: (i) => GEO_PRECISION[i.geo_precision] },
    { key: "source", label: "Source", value: sources, always: true },
    { key: "source_count", label: "Independent sources", value: (i) => i.source_count },
    { key: "article_count", label: "Articles / reports", value: (i) => (blank(i.article_count) ? null : `${i.article_count} / ${i.mention_count}`) },
    { key: "confidence", label: "Confidence", value: (i) => num(i.confidence, 2) },
    { key: "first_seen", label: "First reported", value: (i) => when(i.first_seen) },
    { key: "last_seen", label: "Last reported", value: (i) => (i.last_seen !== i.first_seen ? when(i.last_seen) : null) },
    { key: "event_id_cnty", label: "Incident ID", value: (i) => i.event_id_cnty },
  ];

  // Which evidence fields speak for a row (evidence is named by record field).
  const EVIDENCE_FOR = {
    event_date: ["event_date", "date"], time_precision: ["event_date", "date"],
    event_type: ["event_type", "sub_event_type"], sub_event_type: ["sub_event_type", "event_type"],
    disorder_type: ["event_type"], inter1: ["actor1"], inter2: ["actor2"], interaction: ["actor1", "actor2"],
    assoc_actor_1: ["assoc_actor_1", "actor1"], assoc_actor_2: ["assoc_actor_2", "actor2"],
    civilian_targeting: ["targets", "civilian_targeting"], fatalities: ["fatalities"],
    location: ["location", "places"], admin1: ["location"], admin2: ["location"], admin3: ["location"],
    country: ["location", "country"], latitude: ["location"], geo_precision: ["location"],
  };
  const EVIDENCE_LABEL = {
    date: "Date", event_date: "Date", event_type: "Event type", sub_event_type: "Sub-type",
    actor1: "Actor 1", actor2: "Actor 2", assoc_actor_1: "With actor 1", assoc_actor_2: "With actor 2",
    location: "Place", places: "Places", fatalities: "Killed", injured: "Injured", weapons: "Weapons",
    targets: "Targets", sources: "Quoted sources", claimed_by: "Claimed by", suspected_actors: "Suspected",
    sentences: "Sentences", civilian_targeting: "Civilians targeted",
  };
  function evidenceLabel(field) {
    const s = EVIDENCE_LABEL[field] || String(field).replace(/_/g, " ");
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  return {
    ROWS,
    INTER,
    configure,
    evidenceFields: (key) => EVIDENCE_FOR[key] || [key],
    evidenceLabel,
    sourceName,
    blank,
  };
})();
