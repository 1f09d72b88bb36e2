// Progressive enhancement only: every page reads and navigates without this file.
(() => {
  "use strict";
  const root = document.documentElement;
  const THEME_KEY = "roadmapgen:theme";
  const stored = localStorage.getItem(THEME_KEY);
  if (stored === "dark" || stored === "light") root.dataset.theme = stored;

  document.addEventListener("DOMContentLoaded", () => {
    const toggle = document.querySelector("[data-theme-toggle]");
    if (toggle) {
      const isDark = () => root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
      const sync = () => toggle.setAttribute("aria-pressed", String(isDark()));
      toggle.hidden = false;
      sync();
      toggle.addEventListener("click", () => {
        const next = isDark() ? "light" : "dark";
        root.dataset.theme = next;
        localStorage.setItem(THEME_KEY, next);
        sync();
      });
    }
  });
})();
