// Search box and A–Z results (without JavaScript: the A–Z list). Library, stemmer and index
// load on first focus.

// c# and c++ stay words.
const tokenize = text => text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9+#]+/).filter(Boolean);
const BOOST = { t: 5, s: 3, h: 2, w: 1 }; // title, summary, headings, body
// A swap (pyhton) is two typos.
const typos = word => word.length >= 6 ? 2 : word.length >= 4 ? 1 : 0;

// query → entries, best first; exported for tests/search-libraries.
export function createIndex(MiniSearch, stemmer, entries) {
  // Indexed: stems (cached → cach) and, outside the body, words: a typo (observabilty) is near
  // its word, not its stem.
  const stems = new Map(), stem = word => stems.get(word) ?? stems.set(word, stemmer(word)).get(word);
  const forms = (word, field) => stem(word) === word || field === "w" ? stem(word) : [word, stem(word)];
  const index = new MiniSearch({ fields: ["t", "s", "h", "w"], tokenize, processTerm: forms, searchOptions: { tokenize, processTerm: w => w } });
  index.addAll(entries.map((e, id) => ({ id, t: e.t, s: e.s, h: e.h.join(" "), w: e.w })));
  const word = w => ({ combineWith: "OR", queries: [{ queries: [stem(w)], prefix: stem(w).length >= 3 }, { queries: [w], fuzzy: typos(w) }] });
  const run = (words, combineWith) => index.search({ combineWith, queries: words.map(word) }, { boost: BOOST });
  return query => {
    const words = tokenize(query), all = words.length ? run(words, "AND") : [];
    // If none has every word, any.
    return (all.length || words.length < 2 ? all : run(words, "OR")).map(r => entries[r.id]);
  };
}

const $ = (s, r = document) => r.querySelector(s);
const make = (tag, props, ...kids) => { const e = Object.assign(document.createElement(tag), props); e.append(...kids); return e; };
const attr = (e, name, value) => e.setAttribute(name, value);
const json = url => fetch(url).then(r => { if (!r.ok) throw new Error(r.status); return r.json(); });
const t = (key, values) => globalThis.roadmapgenText(key, values);
const meta = e => t("js.search_meta", { roadmap: e.r, number: e.n });
let engine = null, scope, split, everything;
const loadIndex = form => engine ||= Promise.all([import(form.dataset.searchEngine), import(form.dataset.searchStemmer), json(document.body.dataset.searchIndex).then(entriesOf)])
  .then(([{ default: MiniSearch }, { stemmer }, entries]) => createIndex(MiniSearch, stemmer, entries))
  .catch(err => { engine = null; throw err; });

// A large site's index is in parts (SearchIndex.cs): every title and summary, and the words of the
// page's roadmap (?in= on the results page), or of all on request; one not saved offline is skipped.
async function entriesOf(index) {
  if (Array.isArray(index)) return index;
  const here = new URLSearchParams(location.search).get("in") ?? location.pathname, { roadmaps } = index;
  split = true;
  scope = roadmaps.find(r => here.startsWith(r.u));
  const text = new Map((await Promise.all((everything ? roadmaps : scope ? [scope] : []).map(r => json(r.i).catch(() => [])))).flat().map(e => [e.u, e]));
  return index.topics.map(e => ({ h: [], w: "", ...e, ...text.get(e.u), r: roadmaps[e.r].t }));
}
// The results page searches what the box did.
const scoped = form => scope ? (form.elements.in || form.append(make("input", { type: "hidden", name: "in", value: scope.u })), "&in=" + encodeURIComponent(scope.u)) : "";

// ARIA 1.2 combobox.
function combobox(form) {
  const input = $("input", form), panel = $("[data-search-panel]", form), list = $("[role=listbox]", form);
  const empty = $("[data-search-empty]", form), status = $("[data-search-status]", form);
  Object.entries({ role: "combobox", "aria-autocomplete": "list", "aria-controls": list.id, "aria-expanded": false }).forEach(([k, v]) => attr(input, k, v));
  let items = [], active = -1, seq = 0;
  const open = on => { panel.hidden = !on; attr(input, "aria-expanded", on && items.length > 0); };
  const highlight = i => {
    active = i;
    [...list.children].forEach((li, j) => attr(li, "aria-selected", j === i));
    if (i < 0) input.removeAttribute("aria-activedescendant");
    else { attr(input, "aria-activedescendant", list.children[i].id); list.children[i].scrollIntoView({ block: "nearest" }); }
  };
  async function update() {
    const query = input.value.trim(), mine = ++seq;
    let found = [];
    if (query) try { found = (await loadIndex(form))(query); } catch { return; }
    if (mine !== seq) return;
    const all = { t: t("js.all_results", { count: found.length }), s: t("js.open_results"), u: form.action + "?q=" + encodeURIComponent(query) + scoped(form) };
    items = found.length > 8 ? [...found.slice(0, 8), all] : found;
    list.replaceChildren(...items.map((e, i) => {
      const li = make("li", { id: "search-option-" + i }, make("span", { className: "search-title" }, e.t), make("small", {}, e.s), e.r ? make("small", { className: "search-meta" }, meta(e)) : "");
      attr(li, "role", "option");
      li.addEventListener("mousedown", ev => ev.preventDefault());
      li.addEventListener("click", () => { location.href = e.u; });
      return li;
    }));
    empty.hidden = found.length > 0;
    highlight(-1);
    open(!!query);
    status.textContent = query ? t("js.found", { count: found.length }) : "";
  }
  input.addEventListener("focus", () => { loadIndex(form).catch(() => {}); if (input.value.trim()) update(); });
  input.addEventListener("input", update);
  input.addEventListener("blur", () => open(false));
  input.addEventListener("keydown", e => {
    const shown = !panel.hidden && items.length > 0;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!shown) return update();
      const next = active + (e.key === "ArrowDown" ? 1 : -1);
      highlight(next >= items.length ? -1 : next < -1 ? items.length - 1 : next);
    } else if (e.key === "Enter" && shown && active >= 0) {
      e.preventDefault();
      location.href = items[active].u;
    } else if (e.key === "Escape" && !panel.hidden) {
      e.preventDefault();
      open(false);
      highlight(-1);
    }
  });
}

// The A–Z page with ?q=.
async function resultsPage(form, section) {
  const query = (new URLSearchParams(location.search).get("q") || "").trim();
  if (!query) return;
  $("input", form).value = query;
  const found = (await loadIndex(form))(query);
  $("h2", section).textContent = t("js.matches", { count: found.length, query });
  $("ul", section).replaceChildren(...found.map(e => make("li", {}, make("a", { href: e.u }, e.t), make("p", {}, e.s), make("p", { className: "muted" }, meta(e)))));
  section.hidden = false;
  const more = $("button", section);
  if (more && split && !everything) more.hidden = false, more.onclick = () => { everything = true; engine = null; more.hidden = true; resultsPage(form, section); };
}

const form = globalThis.roadmapgenText && globalThis.document?.querySelector("form[data-search]"), section = form && $("[data-search-page]");
if (form) combobox(form);
if (section) resultsPage(form, section);
