// Search: the header's combobox on every page and the results on the A–Z page. Progressive
// enhancement: without JavaScript the form opens the A–Z list. The library (MiniSearch), the
// stemmer and the index load when the reader first focuses the box, never with the page.

// Words keep + and # so that "c#" and "c++" stay words; accents are dropped (café → cafe).
const tokenize = text => text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9+#]+/).filter(Boolean);
// A word in the title counts most, then in the summary, the headings, the body.
const BOOST = { t: 5, s: 3, h: 2, w: 1 };
// Two typos from six letters on (a swap, "pyhton", is two), one from four, none below.
const typos = word => word.length >= 6 ? 2 : word.length >= 4 ? 1 : 0;

/**
 * The ranking, apart from the page so tests/search-libraries/compare.mjs runs it as shipped.
 * entries: search-index.json ({ t: title, s: summary, h: headings, w: body words, … }).
 * Returns query → entries, best first.
 */
export function createIndex(MiniSearch, stemmer, entries) {
  // Each word is indexed by its stem, which finds other forms of the word (caching, cached →
  // cach), and, outside the body, also as written: that is what a typo is near (observabilty is
  // two letters from observability, but its stem is nothing like "observ"). Body words are
  // stems only, which halves the time to build the index.
  const stems = new Map(), stemOf = word => stems.get(word) ?? stems.set(word, stemmer(word)).get(word);
  const forms = (word, field) => { const stem = stemOf(word); return stem === word || field === "w" ? stem : [word, stem]; };
  const index = new MiniSearch({ fields: ["t", "s", "h", "w"], tokenize, processTerm: forms, searchOptions: { tokenize, processTerm: w => w } });
  index.addAll(entries.map((e, id) => ({ id, t: e.t, s: e.s, h: e.h.join(" "), w: e.w })));
  const word = w => {
    const stem = stemOf(w);
    return { combineWith: "OR", queries: [
      { queries: [stem], prefix: stem.length >= 3, fuzzy: false },
      { queries: [w], prefix: false, fuzzy: typos(w) },
    ] };
  };
  const run = (words, combineWith) => index.search({ combineWith, queries: words.map(word) }, { boost: BOOST });
  return query => {
    const words = tokenize(query);
    if (!words.length) return [];
    // Topics with every word; when none has them all, topics with any, still ranked.
    const found = run(words, "AND");
    return (found.length || words.length === 1 ? found : run(words, "OR")).map(r => entries[r.id]);
  };
}

if (typeof document !== "undefined") {
  const $ = (s, r = document) => r.querySelector(s);
  const make = (tag, props, ...kids) => { const e = Object.assign(document.createElement(tag), props); e.append(...kids); return e; };
  const attr = (e, name, value) => e.setAttribute(name, value);
  const form = $("form[data-search]");
  let engine = null;
  const json = url => fetch(url).then(r => { if (!r.ok) throw new Error(r.status); return r.json(); });
  const loadIndex = () => engine ||= Promise.all([import(form.dataset.searchEngine), import(form.dataset.searchStemmer), json(document.body.dataset.searchIndex)])
    .then(([{ default: MiniSearch }, { stemmer }, entries]) => createIndex(MiniSearch, stemmer, entries))
    .catch(err => { engine = null; throw err; });
  const meta = e => `${e.r} · stage ${e.n}`;

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
      if (query) try { found = (await loadIndex())(query); } catch { return; }
      if (mine !== seq) return;
      const all = { t: `All ${found.length} results`, s: "Open the results page", u: form.action + "?q=" + encodeURIComponent(query) };
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
      status.textContent = query ? found.length + " found" : "";
    }
    input.addEventListener("focus", () => { loadIndex().catch(() => {}); if (input.value.trim()) update(); });
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

  // The A–Z page with ?q=: the list stays below for readers without JavaScript.
  async function resultsPage(section) {
    const query = (new URLSearchParams(location.search).get("q") || "").trim();
    if (!query) return;
    $("#search-input").value = query;
    const found = (await loadIndex())(query);
    $("h2", section).textContent = `${found.length} ${found.length === 1 ? "topic matches" : "topics match"} “${query}”`;
    $("ul", section).replaceChildren(...found.map(e => make("li", {}, make("a", { href: e.u }, e.t), make("p", {}, e.s), make("p", { className: "muted" }, meta(e)))));
    section.hidden = false;
  }

  if (form) {
    combobox(form);
    const section = $("[data-search-page]");
    if (section) resultsPage(section);
  }
}
