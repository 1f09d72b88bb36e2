// Compares search libraries on a built site's search index: node compare.mjs [SITE_DIR]
// (default ../../_site). Prints, per library: the relevance set's hits in the first three,
// time to build the index and per query (in Node, so relative), and the index's bytes.
// Pagefind indexes the HTML with its own binary and searches only in a browser (WebAssembly),
// so it is measured apart: see the README.
import fs from "node:fs";
import zlib from "node:zlib";
import MiniSearch from "minisearch";
import lunr from "lunr";
import { stemmer } from "stemmer";
import { createIndex } from "../../templates/assets/search.js";

const site = process.argv[2] ?? new URL("../../_site", import.meta.url).pathname;
const raw = fs.readFileSync(`${site}/search-index.json`);
const entries = JSON.parse(raw);
const slug = e => e.u.split("/").at(-2);
const set = fs.readFileSync(new URL("../RoadmapGen.BrowserTests/search-relevance.txt", import.meta.url), "utf8")
  .split("\n").filter(l => l.trim() && !l.startsWith("#")).map(l => l.split("|").map(s => s.trim()));
const kb = n => (n / 1024).toFixed(1) + " KB";
const sizes = text => `${kb(Buffer.byteLength(text))}, ${kb(zlib.gzipSync(text, { level: 9 }).length)} gzipped`;

function evaluate(name, build) {
  const t0 = performance.now();
  const { search, serialized } = build();
  const setup = performance.now() - t0;
  const t1 = performance.now();
  for (let r = 0; r < 5; r++) for (const [q] of set) search(q);
  const per = (performance.now() - t1) / (5 * set.length);
  const misses = [];
  for (const [q, expected] of set) {
    const found = search(q), top = found.slice(0, 3).map(slug);
    if (!top.includes(expected)) misses.push(`${q} → [${top.join(", ")}]`);
  }
  console.log(`${name}: ${set.length - misses.length}/${set.length} in the first three; index built in ${setup.toFixed(0)} ms, ` +
    `${per.toFixed(2)} ms a query${serialized ? `; serialized index ${sizes(serialized)}` : ""}`);
  for (const m of misses) console.log("  missed: " + m);
}

evaluate("today's search (every word, title matches first)", () => {
  const norm = s => " " + s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9+#]+/g, " ").trim();
  const list = entries.map((e, i) => ({ ...e, i, title: norm(e.t), all: norm([e.t, e.s, ...e.h, e.w].join(" ")) }));
  return { search: query => {
    const words = norm(query).split(" ").filter(Boolean), score = e => words.filter(w => e.title.includes(" " + w)).length * 2 + e.title.startsWith(" " + words[0]);
    return words.length ? list.filter(e => words.every(w => e.all.includes(" " + w))).sort((a, b) => score(b) - score(a) || a.i - b.i) : [];
  } };
});

evaluate("MiniSearch + Porter stemmer (templates/assets/search.js)", () => ({ search: createIndex(MiniSearch, stemmer, entries) }));

evaluate("MiniSearch, default options with fuzzy 0.2 and prefix", () => {
  const ms = new MiniSearch({ fields: ["t", "s", "h", "w"], searchOptions: { boost: { t: 5, s: 3, h: 2 }, prefix: true, fuzzy: 0.2 } });
  ms.addAll(entries.map((e, id) => ({ id, ...e, h: e.h.join(" ") })));
  return { search: q => ms.search(q).map(r => entries[r.id]), serialized: JSON.stringify(ms) };
});

// lunr: Porter stemmer built in; prefixes and typos through its query API.
evaluate("lunr 2.3.9, prefix and 1–2 typos", () => {
  const idx = lunr(function () {
    this.ref("id");
    this.field("t", { boost: 5 }); this.field("s", { boost: 3 }); this.field("h", { boost: 2 }); this.field("w");
    entries.forEach((e, id) => this.add({ id, ...e, h: e.h.join(" ") }));
  });
  const search = q => idx.query(query => {
    for (const term of lunr.tokenizer(q)) {
      const t = term.toString();
      query.term(term, { boost: 10 });
      if (t.length >= 3) query.term(term, { boost: 3, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
      if (t.length >= 4) query.term(term, { boost: 1, editDistance: t.length >= 6 ? 2 : 1, usePipeline: false });
    }
  }).map(r => entries[+r.ref]);
  return { search, serialized: JSON.stringify(idx) };
});

console.log(`search-index.json (the documents): ${sizes(raw)}`);
