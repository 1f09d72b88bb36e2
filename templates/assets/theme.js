// Runs before the page paints (not deferred), so a remembered theme never flashes the other one,
// and so the stylesheet can reserve the room of what app.js and offline.js add (no layout shift).
(() => {
  const root = document.documentElement;
  root.classList.add("js");
  if ("serviceWorker" in navigator && window.caches) root.classList.add("sw");
  // A search (topics/?q=…): the results page keeps its room from the first paint, filled in when the index loads.
  if (new URLSearchParams(location.search).get("q")?.trim()) root.classList.add("searching");
  try {
    const t = localStorage.getItem("roadmapgen:theme");
    if (t === "dark" || t === "light") root.dataset.theme = t;
  } catch (e) { /* storage blocked: follow the system setting */ }
  // The scripts' words: their language's file (the first deferred script) hands them over. If it fails
  // to load, the page is the one without scripts (no roadmapgenText: each script does nothing), never keys.
  globalThis.roadmapgenStrings = words => {
    globalThis.roadmapgenText = (key, values = {}) => {
      let text = words[key] ?? key;
      if (typeof text === "object") text = text[new Intl.PluralRules(root.lang).select(values.count)] ?? text.other;
      return text.replace(/\{(\w+)\}/g, (m, name) => name in values ? values[name] : m);
    };
  };
  addEventListener("error", e => { if (e.target?.matches?.("script[data-strings]")) root.classList.remove("js", "sw", "searching"); }, true);
})();
