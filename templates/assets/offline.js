// "Save this roadmap for offline" on a roadmap's page. The service worker (sw.js at the site's
// root) does the saving and reports progress; this only asks it and shows what it says.
(() => {
  const box = document.querySelector("[data-offline]");
  if (!box || !("serviceWorker" in navigator) || !window.caches || !globalThis.roadmapgenText) return;
  const list = box.dataset.offline;
  const button = box.querySelector("[data-offline-save]");
  const meter = box.querySelector("[data-offline-progress]");
  const status = box.querySelector("[data-offline-status]");
  const t = globalThis.roadmapgenText, lang = document.documentElement.lang;
  const size = bytes => bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${(bytes / 1e6).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
  const savedText = s => t("js.offline_saved", { pages: s.pages, files: s.files, size: size(s.bytes) });

  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (!data || data.list !== list) return;
    if (data.type === "progress") {
      meter.max = data.total;
      meter.value = data.done;
      status.textContent = t("js.offline_saving_files", { done: data.done, count: data.total, size: size(data.bytes) });
    } else if (data.type === "saved" || (data.type === "status" && data.saved)) {
      meter.hidden = true;
      button.disabled = false;
      button.textContent = t("js.offline_save_again");
      status.textContent = savedText(data.saved);
      box.dataset.offlineSaved = data.saved.cache;
    } else if (data.type === "failed") {
      meter.hidden = true;
      button.disabled = false;
      status.textContent = t("js.offline_failed", { message: data.message });
    }
  });

  const worker = () => navigator.serviceWorker.register(box.dataset.worker, { scope: document.body.dataset.base })
    .then(() => navigator.serviceWorker.ready).then(registration => registration.active);

  button.addEventListener("click", () => {
    button.disabled = true;
    meter.hidden = false;
    meter.value = 0;
    status.textContent = t("js.offline_saving");
    worker().then(active => active.postMessage({ type: "save", list }), error => {
      meter.hidden = true;
      button.disabled = false;
      status.textContent = t("js.offline_unavailable", { message: error.message });
    });
  });

  box.hidden = false;
  // A reader who saved before sees what is saved; one who never did registers nothing. A new
  // build's worker takes over once it has saved the roadmap again: ask it what it has.
  const askStatus = () => navigator.serviceWorker.ready.then(r => r.active.postMessage({ type: "status", list }));
  navigator.serviceWorker.getRegistration(document.body.dataset.base).then(registration => registration && askStatus());
  navigator.serviceWorker.addEventListener("controllerchange", askStatus);
})();
