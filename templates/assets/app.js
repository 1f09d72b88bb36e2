// Progressive enhancement: every page reads and navigates without this file. It adds the
// theme toggle, progress tracking (kept in this browser only) and instant search.
(() => {
  "use strict";
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    children.forEach(c => node.append(c));
    return node;
  };
  const store = {
    get(key) { try { return localStorage.getItem(key); } catch (e) { return null; } },
    set(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode: keep it for this page only */ } },
  };

  /* ---------- theme ---------- */
  function setupTheme() {
    const toggle = $("[data-theme-toggle]");
    if (!toggle) return;
    const root = document.documentElement;
    const isDark = () => root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    const sync = () => {
      toggle.setAttribute("aria-pressed", String(isDark()));
      toggle.title = isDark() ? "Switch to light mode" : "Switch to dark mode";
    };
    toggle.hidden = false;
    sync();
    toggle.addEventListener("click", () => {
      root.dataset.theme = isDark() ? "light" : "dark";
      store.set("roadmapgen:theme", root.dataset.theme);
      sync();
    });
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", sync);
  }

  /* ---------- progress ---------- */
  const STATES = ["todo", "doing", "done", "skip"];
  const LABELS = { todo: "Not started", doing: "In progress", done: "Done", skip: "Skipped" };
  const MARKS = { todo: "", doing: "◐ In progress", done: "✓ Done", skip: "⤼ Skipped" };
  const SHARE_CODES = { doing: "p", done: "d", skip: "s" };
  const progressKey = id => "roadmapgen:progress:" + id;

  function loadProgress(id) {
    try {
      const value = JSON.parse(store.get(progressKey(id)) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (e) { return {}; }
  }
  function saveProgress(id, progress) {
    const clean = {};
    Object.keys(progress).forEach(slug => { if (STATES.includes(progress[slug]) && progress[slug] !== "todo") clean[slug] = progress[slug]; });
    store.set(progressKey(id), JSON.stringify(clean));
    return clean;
  }
  function encodeShare(progress) {
    return Object.keys(progress).filter(s => SHARE_CODES[progress[s]]).map(s => s + "." + SHARE_CODES[progress[s]]).join(",");
  }
  function decodeShare(text) {
    const byCode = { p: "doing", d: "done", s: "skip" };
    const progress = {};
    text.split(",").forEach(pair => {
      const [slug, code] = pair.split(".");
      if (/^[a-z0-9-]+$/.test(slug || "") && byCode[code]) progress[slug] = byCode[code];
    });
    return progress;
  }

  function setupRoadmap() {
    const roadmap = $("ol.roadmap[data-roadmap]");
    if (!roadmap) return;
    const id = roadmap.dataset.roadmap;
    const nodes = $$("li.node[data-topic]", roadmap);
    const slugs = new Set(nodes.map(n => n.dataset.topic));
    let progress = loadProgress(id);
    const panel = $("[data-progress]");
    const message = $("[data-progress-message]");
    const say = (...content) => { if (message) message.replaceChildren(...content); };

    const render = () => {
      let done = 0;
      nodes.forEach(node => {
        const state = progress[node.dataset.topic] || "todo";
        if (state === "done") done++;
        node.dataset.state = state;
        const title = $(".node-title", node).textContent;
        const button = $(".node-status", node);
        button.setAttribute("aria-label", `${title}: ${LABELS[state].toLowerCase()}. Change status`);
        button.dataset.state = state;
        const mark = $("[data-state-label]", node);
        if (mark) mark.textContent = MARKS[state];
      });
      if (panel) {
        $("progress", panel).value = done;
        $("[data-progress-done]", panel).textContent = String(done);
      }
    };
    nodes.forEach(node => {
      const button = el("button", { type: "button", className: "node-status" }, el("span", { className: "node-status-icon", ariaHidden: "true" }));
      button.title = "Change status: not started → in progress → done → skipped";
      button.addEventListener("click", () => {
        const current = progress[node.dataset.topic] || "todo";
        progress[node.dataset.topic] = STATES[(STATES.indexOf(current) + 1) % STATES.length];
        progress = saveProgress(id, progress);
        render();
        say(`${$(".node-title", node).textContent}: ${LABELS[progress[node.dataset.topic] || "todo"]}.`);
      });
      node.append(button);
    });
    if (panel) panel.hidden = false;

    const exportButton = $("[data-export]");
    if (exportButton) exportButton.addEventListener("click", () => {
      const data = { roadmap: id, version: 1, exported: new Date().toISOString(), progress };
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const link = el("a", { href: url, download: `roadmapgen-${id}-progress.json` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      say("Progress exported.");
    });
    const importInput = $("[data-import]");
    if (importInput) importInput.addEventListener("change", async () => {
      const file = importInput.files && importInput.files[0];
      if (!file) return;
      try {
        const data = JSON.parse(await file.text());
        if (!data || typeof data.progress !== "object" || (data.roadmap && data.roadmap !== id)) throw new Error("not a progress file for this roadmap");
        const imported = {};
        Object.keys(data.progress).forEach(slug => { if (slugs.has(slug) && STATES.includes(data.progress[slug])) imported[slug] = data.progress[slug]; });
        progress = saveProgress(id, imported);
        render();
        say(`Imported progress for ${Object.keys(progress).length} topics.`);
      } catch (e) {
        say(`Could not import that file: ${e.message}.`);
      }
      importInput.value = "";
    });
    const shareButton = $("[data-share]");
    if (shareButton) shareButton.addEventListener("click", async () => {
      const url = location.href.split("#")[0] + "#progress=" + encodeURIComponent(encodeShare(progress));
      const link = el("a", { href: url, textContent: "share link" });
      link.dataset.shareLink = "";
      try {
        await navigator.clipboard.writeText(url);
        say("Copied a ", link, " to the clipboard.");
      } catch (e) {
        say("Copy this ", link, ".");
      }
    });

    offerSharedProgress(id, slugs, shared => { progress = saveProgress(id, shared); render(); say("Shared progress applied."); });
    render();
  }

  function offerSharedProgress(id, slugs, apply) {
    const match = location.hash.match(/^#progress=(.*)$/);
    if (!match) return;
    const shared = decodeShare(decodeURIComponent(match[1]));
    Object.keys(shared).forEach(slug => { if (!slugs.has(slug)) delete shared[slug]; });
    const done = Object.values(shared).filter(s => s === "done").length;
    const accept = el("button", { type: "button", textContent: "Use this progress" });
    accept.dataset.shareAccept = "";
    const dismiss = el("button", { type: "button", className: "secondary", textContent: "Keep mine" });
    const banner = el("div", { className: "share-offer", role: "region" },
      el("p", { textContent: `This link carries someone's progress: ${done} topics done. Use it in place of the progress saved in this browser?` }),
      accept, " ", dismiss);
    banner.dataset.shareOffer = "";
    banner.setAttribute("aria-label", "Shared progress");
    const close = () => { banner.remove(); history.replaceState(null, "", location.pathname + location.search); };
    accept.addEventListener("click", () => { apply(shared); close(); });
    dismiss.addEventListener("click", close);
    const anchor = $("[data-progress]") || $("main");
    anchor.before(banner);
    accept.focus();
  }

  function setupTopicStatus() {
    const fieldset = $("fieldset[data-status]");
    if (!fieldset) return;
    const id = fieldset.dataset.roadmap;
    const slug = fieldset.dataset.status;
    const progress = loadProgress(id);
    const state = progress[slug] || "todo";
    $$("input[type=radio]", fieldset).forEach(radio => {
      radio.checked = radio.value === state;
      radio.addEventListener("change", () => {
        const latest = loadProgress(id);
        latest[slug] = radio.value;
        saveProgress(id, latest);
      });
    });
    fieldset.hidden = false;
  }

  /* ---------- search ---------- */
  let indexPromise = null;
  function searchIndex() {
    if (!indexPromise) {
      indexPromise = fetch(document.body.dataset.searchIndex)
        .then(r => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
        .catch(e => { indexPromise = null; throw e; });
    }
    return indexPromise;
  }
  function search(index, query) {
    // A light stem ("cache", "caches", "caching" → "cach") so a word finds its other forms.
    const terms = query.toLowerCase().split(/[^\p{L}\p{N}+#.]+/u).filter(Boolean)
      .map(t => t.length > 4 ? t.replace(/(ing|es|ed|s|e)$/, "") : t);
    if (!terms.length) return [];
    const scored = [];
    index.forEach(entry => {
      const title = entry.t.toLowerCase();
      const summary = entry.s.toLowerCase();
      const headings = entry.h.join(" ").toLowerCase();
      const words = " " + entry.w + " ";
      let score = 0;
      for (const term of terms) {
        let s = 0;
        if (title.includes(term)) s = title.startsWith(term) ? 12 : 8;
        else if (summary.includes(term)) s = 4;
        else if (headings.includes(term)) s = 3;
        else if (words.includes(" " + term)) s = 1;
        if (!s) return;
        score += s;
      }
      scored.push({ entry, score });
    });
    return scored.sort((a, b) => b.score - a.score || a.entry.n - b.entry.n).map(s => s.entry);
  }
  function resultItem(entry, id) {
    const item = el("li", { id, role: "option" }, el("span", { textContent: entry.t }), el("small", { textContent: `Stage ${entry.n} · ${entry.s}` }));
    item.dataset.href = entry.u;
    item.setAttribute("aria-selected", "false");
    return item;
  }

  function setupSearch() {
    const input = $("#search-input");
    const list = $("#search-results");
    if (!input || !list) return;
    const status = el("p", { className: "visually-hidden", role: "status" });
    list.after(status);
    let results = [];
    let active = -1;

    const close = () => {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    const highlight = index => {
      const items = $$("li[role=option]", list);
      active = index;
      items.forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
      if (items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    };
    const update = async () => {
      const query = input.value.trim();
      if (!query) { close(); status.textContent = ""; return; }
      let index;
      try { index = await searchIndex(); } catch (e) { status.textContent = "Search is unavailable; press Enter to see the A–Z list."; return; }
      if (input.value.trim() !== query) return;
      results = search(index, query).slice(0, 8);
      list.replaceChildren(...results.map((r, i) => resultItem(r, "search-result-" + i)));
      if (!results.length) list.append(el("li", { className: "search-empty", role: "option", ariaDisabled: "true", textContent: `No topic matches “${query}”.` }));
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(-1);
      status.textContent = `${results.length || "No"} result${results.length === 1 ? "" : "s"}.`;
    };
    input.addEventListener("focus", () => { searchIndex().catch(() => {}); });
    input.addEventListener("input", update);
    input.addEventListener("keydown", event => {
      if (event.key === "ArrowDown" && results.length) { event.preventDefault(); if (list.hidden) update(); highlight((active + 1) % results.length); }
      else if (event.key === "ArrowUp" && results.length) { event.preventDefault(); highlight(active <= 0 ? results.length - 1 : active - 1); }
      else if (event.key === "Escape") { if (!list.hidden) { event.preventDefault(); close(); } else input.value = ""; }
      else if (event.key === "Enter" && active >= 0 && results[active]) { event.preventDefault(); location.href = results[active].u; }
    });
    // Options are not focusable (a link inside an option is nested interactive content): keep focus in the input.
    list.addEventListener("mousedown", event => event.preventDefault());
    list.addEventListener("click", event => { const option = event.target.closest("[role=option][data-href]"); if (option) location.href = option.dataset.href; });
    document.addEventListener("click", event => { if (!event.target.closest("[data-search]")) close(); });
    input.closest("form").addEventListener("focusout", event => {
      if (!event.relatedTarget || !event.currentTarget.contains(event.relatedTarget)) close();
    });

    // The A–Z page is the no-JavaScript search: with JavaScript it also answers ?q=.
    const page = $("[data-search-page]");
    const query = new URLSearchParams(location.search).get("q");
    if (page && query) {
      input.value = query;
      searchIndex().then(index => {
        const found = search(index, query);
        const target = $("[data-search-page-results]", page);
        target.replaceChildren(...found.map(entry => el("li", {}, el("a", { href: entry.u, textContent: entry.t }), el("span", { className: "muted", textContent: " — " + entry.s }))));
        if (!found.length) target.append(el("li", { textContent: `No topic matches “${query}”. Browse the A–Z list below.` }));
        $("h2", page).textContent = `${found.length} result${found.length === 1 ? "" : "s"} for “${query}”`;
        page.hidden = false;
      }).catch(() => {});
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    setupTheme();
    setupRoadmap();
    setupTopicStatus();
    setupSearch();
  });
})();
