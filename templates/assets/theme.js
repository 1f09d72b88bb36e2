// Runs before the page paints (not deferred), so a remembered theme never flashes the other one.
(() => {
  try {
    const t = localStorage.getItem("roadmapgen:theme");
    if (t === "dark" || t === "light") document.documentElement.dataset.theme = t;
  } catch (e) { /* storage blocked: follow the system setting */ }
})();
