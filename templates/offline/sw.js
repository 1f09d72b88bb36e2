// Offline reading. Registered only when a reader asks to save a roadmap. The build writes BUILD
// (the hash of every file it built), LIST_ENDING (how a roadmap's offline.json URL ends) and
// NOT_SAVED (each language's offline page) above this line, so the worker writes no URL of its own.
//
// Pages come from the network while there is one and from the cache when there is not, so an
// online reader never sees an old page. A saved roadmap's list (offline.json) stays in the cache
// as the mark that it was saved: a newer build's worker saves the same roadmaps again while it
// installs, and only then takes over and deletes the older build's cache.
const OURS = "roadmapgen-";
const CACHE = OURS + BUILD;

async function save(listUrl, report) {
  const response = await fetch(listUrl, { cache: "no-cache" });
  if (response.status === 404) return null; // the roadmap is no longer on the site
  if (!response.ok) throw new Error(`${listUrl} answered ${response.status}`);
  const list = await response.json();
  const urls = [...list.pages, ...list.files];
  const cache = await caches.open(CACHE);
  let done = 0, bytes = 0;
  const fetchAll = async queue => {
    for (let url; (url = queue.shift()); ) {
      const file = await fetch(url, { cache: "no-cache" });
      if (!file.ok) throw new Error(`${url} answered ${file.status}`);
      bytes += (await file.clone().blob()).size;
      await cache.put(url, file);
      report?.({ done: ++done, total: urls.length, bytes });
    }
  };
  const queue = urls.slice();
  await Promise.all([1, 2, 3, 4].map(() => fetchAll(queue)));
  const saved = { pages: list.pages.length, files: list.files.length, bytes, cache: CACHE };
  await cache.put(listUrl, new Response(JSON.stringify({ ...list, saved }), { headers: { "content-type": "application/json" } }));
  return saved;
}

async function savedStatus(listUrl) {
  const list = await caches.match(listUrl, { cacheName: CACHE });
  return list ? (await list.json()).saved : null;
}

self.addEventListener("install", event => event.waitUntil((async () => {
  const lists = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith(OURS) || name === CACHE) continue;
    for (const request of await (await caches.open(name)).keys())
      if (request.url.endsWith(LIST_ENDING)) lists.add(request.url);
  }
  // One failed fetch fails the install: the older worker and its complete copy stay until the next visit.
  for (const url of lists) await save(url);
  await self.skipWaiting();
})()));

self.addEventListener("activate", event => event.waitUntil((async () => {
  for (const name of await caches.keys())
    if (name.startsWith(OURS) && name !== CACHE) await caches.delete(name);
  await self.clients.claim();
})()));

self.addEventListener("fetch", event => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(fetch(request).catch(async () =>
    (await caches.match(request, { cacheName: CACHE, ignoreSearch: true }))
    || (request.mode === "navigate" && await notSaved(request.url)) || Response.error()));
});

// A page the reader never saved, asked for offline: say so in the site's own style and in the
// language of the page asked for (NOT_SAVED: one page per language), with the way back to what
// was saved, rather than the browser's error. A reader who saved only another language's roadmap
// gets that language's page. Nothing is cached until a save.
async function notSaved(url) {
  const path = new URL(url).pathname;
  const own = NOT_SAVED.find(page => path.startsWith(page.slice(0, page.lastIndexOf("/") + 1)));
  const cache = await caches.open(CACHE);
  for (const page of [own, ...NOT_SAVED.filter(p => p !== own)]) {
    const saved = page && await cache.match(page);
    if (saved) return new Response(saved.body, { status: 503, headers: saved.headers });
  }
  return null;
}

// Messages can reach a worker while it is still activating: answer them once the old copy is gone.
const activated = () => new Promise(resolve => {
  const me = self.serviceWorker;
  if (!me || me.state === "activated") return resolve();
  me.addEventListener("statechange", () => me.state === "activated" && resolve());
});

self.addEventListener("message", event => {
  const { type, list } = event.data || {};
  const url = new URL(String(list), self.location.href).href;
  if (!url.startsWith(self.registration.scope) || !url.endsWith(LIST_ENDING)) return;
  const reply = message => event.source?.postMessage({ list, ...message });
  if (type === "status") event.waitUntil(activated().then(() => savedStatus(url)).then(saved => reply({ type: "status", saved })));
  if (type === "save") event.waitUntil(activated().then(() => save(url, progress => reply({ type: "progress", ...progress }))).then(
    saved => reply({ type: "saved", saved }),
    error => reply({ type: "failed", message: String(error?.message || error) })));
});
