"""The timeline as ONE self-contained HTML page (inline CSS and JS, nothing fetched).

Right-to-left Arabic with an English toggle for the labels (evidence stays Arabic), a vertical
timeline grouped by year and month, filters by actor and event type, entries that expand to
their sources with the trigger word highlighted, and the timeline data embedded as JSON in
``<script type="application/json" id="timeline-data">``. Every piece of article text is
escaped. The page reads ``#type=ASSAULT&actor=Russia&lang=en`` (or the same as a query
string) on load, so a link can open it filtered.

>>> from timeline.models import Timeline
>>> to_html(Timeline()).startswith('<!DOCTYPE html>\\n<html lang="ar" dir="rtl">')
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape
from urllib.parse import urlsplit

from ..models import Agreement, ArticleInfo, Event, Mention, Timeline
from .common import actor_names, arrange, distinct_mentions, group_of, highlight, published_of
from .words import format_date, label, pick, words

__all__ = ["embed_json", "to_html"]

_TONES = {
    "AGREE": "coop",
    "CONSULT": "coop",
    "SUPPORT": "coop",
    "CONCEDE": "coop",
    "COOPERATE": "coop",
    "AID": "coop",
    "RETREAT": "coop",
    "REQUEST": "verbal",
    "ACCUSE": "verbal",
    "REJECT": "verbal",
    "THREATEN": "verbal",
    "PROTEST": "verbal",
    "SANCTION": "material",
    "MOBILIZE": "material",
    "COERCE": "material",
    "ASSAULT": "material",
}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def embed_json(data: object) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` are escaped
    (so ``</script>`` and ``<!--`` cannot end or confuse it), as are U+2028 and U+2029.

    >>> embed_json({"t": "</script>"})
    '{"t": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    for raw, safe in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, safe)
    return text


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _isolate(text: str) -> str:
    """ISO dates wrapped in Unicode isolates, so right-to-left text does not reverse them."""
    return _ISO_DATE.sub(lambda m: f"\u2066{m.group(0)}\u2069", text)


def _t(ar: str, en: str, tag: str = "span", cls: str = "", attrs: str = "") -> str:
    """An element whose text the language toggle switches between ``ar`` and ``en``."""
    ar, en = _isolate(ar), _isolate(en)
    klass = f' class="{_e(cls)}"' if cls else ""
    return f'<{tag}{klass}{attrs} data-ar="{_e(ar)}" data-en="{_e(en)}">{_e(ar)}</{tag}>'


def _label(key: str, tag: str = "span", cls: str = "", attrs: str = "", **values: object) -> str:
    return _t(label(key, "ar", **values), label(key, "en", **values), tag, cls, attrs)


def _pick(table_name: str, key: str, cls: str = "") -> str:
    table = getattr(words(), table_name)
    return _t(pick(table, key, "ar"), pick(table, key, "en"), cls=cls)


def _date(event: Event) -> str:
    published = published_of(event)
    ar = format_date(event.date, "ar", published=published)
    en = format_date(event.date, "en", published=published)
    return _t(ar, en, tag="time", cls="date")


def _marked(evidence: str, trigger: str | None, *, whole: bool = True) -> str:
    """Escaped evidence with ``<mark>`` around the trigger, or around all of it when the
    trigger is not found and ``whole`` is set."""
    pieces = highlight(evidence, trigger)
    if len(pieces) == 1 and not whole:
        return _e(evidence)
    return "".join(f"<mark>{_e(text)}</mark>" if marked else _e(text) for text, marked in pieces)


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def _mention(mention: Mention, trigger: str | None, info: dict[str, ArticleInfo]) -> str:
    article = info.get(mention.article)
    url = _safe_url(article.url if article else None)
    name = _e(mention.article)
    if url:
        name = f'<a href="{_e(url)}" rel="noopener noreferrer">{name}</a>'
    meta = [f'<span class="article">{name}</span>']
    if mention.published is not None:
        meta.append(f'<span class="pub">{_e(mention.published.date().isoformat())}</span>')
    source = mention.source or (article.source if article else None)
    if source:
        meta.append(f'<span class="outlet">{_e(source)}</span>')
    title = (
        f'<div class="title" lang="ar" dir="auto">{_e(article.title)}</div>'
        if (article and article.title)
        else ""
    )
    quote = _marked(mention.evidence, trigger)
    return (
        f'<li class="mention"><div class="src">{" · ".join(meta)}</div>{title}'
        f'<blockquote lang="ar" dir="rtl">{quote}</blockquote></li>'
    )


def _actors(event: Event) -> str:
    rows = []
    for role in ("agent", "target", "other", "source"):
        names = actor_names(event, role)
        if names:
            chips = "".join(f'<span class="chip">{_e(n)}</span>' for n in names)
            rows.append(f'<span class="role">{_pick("roles", role)}</span>{chips}')
    return f'<div class="actors">{"".join(f"<div>{r}</div>" for r in rows)}</div>' if rows else ""


def _entry(event: Event, info: dict[str, ArticleInfo]) -> str:
    tone = _TONES.get(event.type, "neutral")
    actors = [a.name for a in event.actors]
    badges = [f'<span class="type tone-{tone}">{_pick("event_types", event.type)}</span>']
    if event.mode:
        badges.append(f'<span class="badge">{_e(event.mode)}</span>')
    if event.location:
        place = f'<bdi class="place">{_e(event.location)}</bdi>'
        badges.append(f'<span class="badge loc">{_label("location")}: {place}</span>')
    if event.negated:
        badges.append(_label("negated", cls="badge warn"))
    if event.hypothetical:
        badges.append(_label("hypothetical", cls="badge warn"))
    lead = ""
    if event.mentions:
        first = event.mentions[0]
        lead = (
            f'<blockquote class="lead" lang="ar" dir="rtl">'
            f"{_marked(first.evidence, event.trigger, whole=False)}</blockquote>"
        )
    shown = distinct_mentions(event)
    mentions = "".join(_mention(m, event.trigger, info) for m in shown)
    facts = [
        f"{_label('confidence')}: {event.confidence:.2f}",
        f"{_label('independent_sources')}: {event.sources}",
        _pick("basis", event.date_basis),
    ]
    if event.date_note:
        facts.append(f'{_label("date_note")}: <span dir="auto">{_e(event.date_note)}</span>')
    details = (
        f"<details><summary>{_label('sources')} ({len(shown)})</summary>"
        f'<ol class="mentions">{mentions}</ol>'
        f'<p class="facts">{" · ".join(facts)}</p></details>'
    )
    date = _date(event) if (event.date.value or event.date.start) else ""
    return (
        f'<li class="entry tone-{tone}" id="{_e("event-" + event.id)}" '
        f'data-type="{_e(event.type)}" data-actors="{_e(json.dumps(actors, ensure_ascii=False))}">'
        f'<article class="card"><header class="meta">{date}{"".join(badges)}</header>'
        f"{_actors(event)}{lead}{details}</article></li>"
    )


def _group(title_ar: str, title_en: str, level: int, body: str, cls: str) -> str:
    heading = _t(title_ar, title_en, tag=f"h{level}")
    return f'<section class="group {cls}">{heading}{body}</section>'


def _dated(events: Iterable[Event], info: dict[str, ArticleInfo]) -> str:
    """Year sections holding month sections holding entries, in the order given."""
    out: list[str] = []
    years: list[tuple[tuple[str, str], list[tuple[tuple[str, str] | None, list[str]]]]] = []
    for event in events:
        year = group_of(event, "ar")[0], group_of(event, "en")[0]
        month_ar, month_en = group_of(event, "ar")[1], group_of(event, "en")[1]
        month = (month_ar, month_en or month_ar) if month_ar is not None else None
        if not years or years[-1][0] != year:
            years.append((year, []))
        months = years[-1][1]
        if not months or months[-1][0] != month:
            months.append((month, []))
        months[-1][1].append(_entry(event, info))
    for (y_ar, y_en), months in years:
        body = []
        for month, entries in months:
            items = f'<ol class="entries">{"".join(entries)}</ol>'
            body.append(items if month is None else _group(*month, 3, items, "month"))
        out.append(_group(y_ar, y_en, 2, "".join(body), "year"))
    return "".join(out)


def _agreement(agreement: Agreement) -> str:
    title = agreement.names[0] if agreement.names else agreement.id
    rows = []
    if len(agreement.names) > 1:
        names = "، ".join(f"«{_e(n)}»" for n in agreement.names[1:])
        rows.append(f'<dt>{_label("names")}</dt><dd lang="ar" dir="rtl">{names}</dd>')
    if agreement.parties:
        chips = "".join(f'<span class="chip">{_e(p)}</span>' for p in agreement.parties)
        rows.append(f"<dt>{_label('parties')}</dt><dd>{chips}</dd>")
    if agreement.domains:
        chips = "".join(f'<span class="badge">{_e(d)}</span>' for d in agreement.domains)
        rows.append(f"<dt>{_label('domains')}</dt><dd>{chips}</dd>")
    if agreement.milestones:
        items = []
        for s in agreement.milestones:
            if s.date is not None:
                when = _t(format_date(s.date, "ar"), format_date(s.date, "en"), "time", "when")
            else:
                when = _label("undated", cls="when muted")
            where = f' <span class="article">{_e(s.article)}</span>' if s.article else ""
            items.append(f"<li>{_pick('stages', s.stage, 'stage')} {when}{where}</li>")
        rows.append(f"<dt>{_label('milestones')}</dt><dd><ul>{''.join(items)}</ul></dd>")
    if agreement.clauses:
        items = []
        for c in agreement.clauses:
            state = _label("present" if c.present else "absent", cls="yes" if c.present else "no")
            items.append(f"<li>{_pick('clauses', c.kind)} <code>{_e(c.kind)}</code>: {state}</li>")
        rows.append(f"<dt>{_label('clauses')}</dt><dd><ul>{''.join(items)}</ul></dd>")
    if agreement.articles:
        arts = " ".join(f'<span class="article">{_e(a)}</span>' for a in agreement.articles)
        rows.append(f"<dt>{_label('mentioned_in')}</dt><dd>{arts}</dd>")
    kind = f' <span class="badge">{_e(agreement.kind)}</span>' if agreement.kind else ""
    return (
        f'<article class="agreement card"><h3 lang="ar" dir="rtl">{_e(title)}{kind}</h3>'
        f"<dl>{''.join(rows)}</dl></article>"
    )


def _options(values: Iterable[tuple[str, str, str]]) -> str:
    return "".join(
        f'<option value="{_e(v)}" data-ar="{_e(ar)}" data-en="{_e(en)}">{_e(ar)}</option>'
        for v, ar, en in values
    )


def _filters(events: tuple[Event, ...]) -> str:
    actors = sorted({a.name for e in events for a in e.actors}, key=str.casefold)
    types = sorted({e.type for e in events})
    all_ = (("", label("all", "ar"), label("all", "en")),)
    actor_opts = _options(all_ + tuple((a, a, a) for a in actors))
    table = words().event_types
    type_opts = _options(
        all_ + tuple((t, pick(table, t, "ar"), pick(table, t, "en")) for t in types)
    )
    return (
        '<nav class="filters" aria-label="filters">'
        f'<label>{_label("filter_actor")}<select id="filter-actor">{actor_opts}</select></label>'
        f'<label>{_label("filter_type")}<select id="filter-type">{type_opts}</select></label>'
        f'<button type="button" id="filter-reset">{_label("reset")}</button>'
        f'<output id="shown" aria-live="polite"></output></nav>'
    )


_CSS = """
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d2330;--muted:#667085;--line:#d0d5dd;--accent:#2e5aac;
--coop:#1f7a4d;--verbal:#b26a00;--material:#b42318;--neutral:#475467;--mark:#fff0b3}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--ink)}
body{margin:0 auto;max-width:1000px;padding:24px 20px 48px;line-height:1.65;
font-family:"Noto Naskh Arabic","Noto Sans Arabic","Segoe UI",Tahoma,"Geeza Pro","DejaVu Sans",Arial,sans-serif;font-size:16px}
.top{display:flex;align-items:flex-start;justify-content:space-between;gap:16px;
border-bottom:2px solid var(--line);padding-bottom:12px;margin-bottom:16px}
h1{margin:0;font-size:1.7rem}
.summary{margin:4px 0 0;color:var(--muted);font-size:.95rem}
button,select{font:inherit;font-size:.9rem;border:1px solid var(--line);border-radius:8px;
background:#fff;color:var(--ink);padding:6px 12px;cursor:pointer}
button:hover,select:hover{border-color:var(--accent)}
#lang-toggle{background:var(--accent);color:#fff;border-color:var(--accent)}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:12px 20px;background:var(--card);
border:1px solid var(--line);border-radius:12px;padding:12px 16px;margin-bottom:24px;
position:sticky;top:0;z-index:2;box-shadow:0 1px 3px rgba(16,24,40,.06)}
.filters label{display:flex;align-items:center;gap:8px;font-weight:600;font-size:.9rem}
#shown{color:var(--muted);font-size:.85rem;margin-inline-start:auto}
.group.year>h2{font-size:1.45rem;margin:28px 0 8px;color:var(--accent)}
.group.month>h3{font-size:1.05rem;margin:16px 0 6px;color:var(--neutral)}
.group.undated>h2{color:var(--neutral)}
ol.entries{list-style:none;margin:0;padding:0 0 0 0;padding-inline-start:26px;
border-inline-start:3px solid var(--line);position:relative}
.entry{position:relative;margin:0 0 14px}
.entry::before{content:"";position:absolute;inset-inline-start:-34px;top:16px;width:13px;height:13px;
border-radius:50%;background:var(--neutral);border:3px solid var(--bg)}
.entry.tone-coop::before{background:var(--coop)}.entry.tone-verbal::before{background:var(--verbal)}
.entry.tone-material::before{background:var(--material)}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 16px;
box-shadow:0 1px 2px rgba(16,24,40,.05)}
.meta{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px}
.date{font-weight:700;font-size:1.02rem;margin-inline-end:6px}
.type,.badge,.chip{display:inline-block;border-radius:999px;padding:1px 10px;font-size:.8rem;
line-height:1.7;border:1px solid var(--line);background:#f2f4f7}
.type{color:#fff;border:0;font-weight:600}
.type.tone-coop{background:var(--coop)}.type.tone-verbal{background:var(--verbal)}
.type.tone-material{background:var(--material)}.type.tone-neutral{background:var(--neutral)}
.badge.warn{background:#fef3f2;border-color:#fecdca;color:var(--material)}
.actors{margin:8px 0 4px;font-size:.9rem}
.actors>div{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;margin:2px 0}
.role{color:var(--muted);font-size:.8rem;min-width:5.5em}
.chip{background:#eef4ff;border-color:#c7d7fe;color:#1d3a7a;direction:ltr;unicode-bidi:isolate}
blockquote{margin:8px 0;padding:6px 12px;border-inline-start:3px solid #c7d7fe;background:#f8f9fc;
border-radius:6px;font-size:1rem;direction:rtl;text-align:right}
mark{background:var(--mark);color:inherit;padding:0 2px;border-radius:3px}
details{margin-top:6px;font-size:.9rem}
summary{cursor:pointer;color:var(--accent);font-weight:600}
ol.mentions{margin:6px 0;padding-inline-start:20px}
.mention .src{color:var(--muted);font-size:.82rem}
.mention .title{font-weight:600;font-size:.9rem}
.pub{direction:ltr;unicode-bidi:isolate}
.article{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.8rem;direction:ltr;unicode-bidi:isolate}
.facts{color:var(--muted);font-size:.82rem;margin:4px 0 0}
.muted{color:var(--muted)}
.agreements>h2{font-size:1.45rem;margin:32px 0 8px;color:var(--accent)}
.agreement{margin-bottom:14px}.agreement h3{margin:0 0 6px;font-size:1.1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0;font-size:.92rem}
dt{color:var(--muted)}dd{margin:0}dd ul{margin:0;padding-inline-start:18px}
.stage{font-weight:600;margin-inline-end:6px}.when{margin-inline-end:6px}.yes{color:var(--coop);font-weight:600}.no{color:var(--material);font-weight:600}
code{font-size:.8rem;color:var(--muted)}
#no-match{color:var(--muted);text-align:center;padding:24px}
footer{margin-top:40px;color:var(--muted);font-size:.8rem;text-align:center}
[hidden]{display:none!important}
@media (max-width:640px){body{padding:12px}.top{flex-direction:column}}
@media print{.filters,#lang-toggle{display:none}}
"""

_JS = """
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var actorSel = doc.getElementById("filter-actor"), typeSel = doc.getElementById("filter-type");
  var entries = Array.prototype.slice.call(doc.querySelectorAll("li.entry"));
  var state = {actor: "", type: "", lang: "ar"};
  function params() {
    var out = {}, parts = [location.search.slice(1), location.hash.slice(1)];
    parts.forEach(function (p) {
      if (!p) { return; }
      new URLSearchParams(p).forEach(function (v, k) { out[k] = v; });
    });
    return out;
  }
  function setLang(lang) {
    state.lang = lang === "en" ? "en" : "ar";
    root.lang = state.lang;
    root.dir = state.lang === "en" ? "ltr" : "rtl";
    doc.querySelectorAll("[data-ar][data-en]").forEach(function (el) {
      el.textContent = el.getAttribute("data-" + state.lang);
    });
    doc.title = doc.querySelector("h1").textContent;
  }
  function apply() {
    var shown = 0;
    entries.forEach(function (li) {
      var actors = JSON.parse(li.getAttribute("data-actors") || "[]");
      var ok = (!state.type || li.getAttribute("data-type") === state.type) &&
        (!state.actor || actors.indexOf(state.actor) >= 0);
      if (ok) { li.removeAttribute("hidden"); shown += 1; } else { li.setAttribute("hidden", ""); }
    });
    doc.querySelectorAll("section.group").forEach(function (g) {
      if (g.querySelector("li.entry:not([hidden])")) { g.removeAttribute("hidden"); }
      else { g.setAttribute("hidden", ""); }
    });
    doc.getElementById("no-match").hidden = shown > 0 || entries.length === 0;
    doc.getElementById("shown").textContent = shown + " / " + entries.length;
  }
  function sync() {
    var q = new URLSearchParams();
    if (state.type) { q.set("type", state.type); }
    if (state.actor) { q.set("actor", state.actor); }
    if (state.lang === "en") { q.set("lang", "en"); }
    var hash = q.toString();
    if (history.replaceState) {
      history.replaceState(null, "", location.pathname + location.search + (hash ? "#" + hash : ""));
    }
  }
  actorSel.addEventListener("change", function () { state.actor = actorSel.value; apply(); sync(); });
  typeSel.addEventListener("change", function () { state.type = typeSel.value; apply(); sync(); });
  doc.getElementById("filter-reset").addEventListener("click", function () {
    state.actor = ""; state.type = ""; actorSel.value = ""; typeSel.value = ""; apply(); sync();
  });
  doc.getElementById("lang-toggle").addEventListener("click", function () {
    setLang(state.lang === "ar" ? "en" : "ar"); sync();
  });
  var p = params();
  state.actor = p.actor || ""; state.type = (p.type || "").toUpperCase();
  actorSel.value = state.actor; typeSel.value = state.type;
  setLang(p.lang || "ar");
  apply();
})();
"""


def to_html(timeline: Timeline, order: str = "oldest") -> str:
    """Render ``timeline`` as one self-contained HTML page, dated entries ``oldest`` or
    ``newest`` first.

    >>> from timeline.models import Event
    >>> page = to_html(Timeline(events=(Event(id="e1", type="ASSAULT", trigger="<b>"),)))
    >>> 'data-type="ASSAULT"' in page and "<b>" not in page
    True
    """
    dated, undated = arrange(timeline, order)
    events = dated + undated
    info = {a.id: a for a in timeline.articles}
    summary = _label("summary", events=len(events), articles=len(info))
    order_label = f"{_label('order')}: {_label('order_' + order)}"
    body = [_dated(dated, info)]
    if undated:
        entries = "".join(_entry(e, info) for e in undated)
        ar, en = label("undated", "ar"), label("undated", "en")
        body.append(_group(ar, en, 2, f'<ol class="entries">{entries}</ol>', "year undated"))
    if not events:
        body.append(_label("no_events", tag="p", cls="muted"))
    body.append(_label("no_match", tag="p", attrs=' id="no-match" hidden'))
    if timeline.agreements:
        cards = "".join(_agreement(a) for a in timeline.agreements)
        body.append(f'<section class="agreements"><h2>{_label("agreements")}</h2>{cards}</section>')
    data = timeline.model_copy(update={"events": events}).model_dump(mode="json")
    title = label("title", "ar")
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header class="top"><div>{_label("title", tag="h1")}'
        f'<p class="summary">{summary} · {order_label}</p></div>'
        f'<button type="button" id="lang-toggle">{_label("toggle_lang")}</button></header>\n'
        f"{_filters(events)}\n<main>{''.join(body)}</main>\n"
        f"<footer>{_label('generated')}</footer>\n"
        f'<script type="application/json" id="timeline-data">{embed_json(data)}</script>\n'
        f"<script>{_JS}</script>\n</body>\n</html>\n"
    )
