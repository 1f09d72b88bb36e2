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
  // The scripts' words in the page's language come in a file of their own (assets/strings.<lang>.<hash>.js,
  // the first deferred script), which hands them over here; only then is there a roadmapgenText. A
  // count picks its plural form by the page's lang. If that file fails to load, the page is the one
  // without scripts, every word the server's: these classes go, and each script finding no
  // roadmapgenText does nothing, so no control is left that does nothing and no key is shown.
  globalThis.roadmapgenStrings = words => {
    globalThis.roadmapgenText = (key, values = {}) => {
      let text = words[key] ?? key;
      if (typeof text === "object") text = text[new Intl.PluralRules(root.lang).select(values.count)] ?? text.other;
      return text.replace(/\{(\w+)\}/g, (m, name) => name in values ? values[name] : m);
    };
  };
  addEventListener("error", e => { if (e.target?.matches?.("script[data-strings]")) root.classList.remove("js", "sw", "searching"); }, true);
})();
