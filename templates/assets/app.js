// Progressive enhancement only: every page reads and navigates without this file.
(() => {
  "use strict";
  const $ = (s, r = document) => r.querySelector(s);
  const $$ = (s, r = document) => [...r.querySelectorAll(s)];
  const make = (tag, props, ...kids) => { const e = Object.assign(document.createElement(tag), props); e.append(...kids); return e; };
  const attr = (e, name, value) => e.setAttribute(name, value);
  // Storage throws under strict privacy settings; the site then just forgets.
  const get = k => { try { return localStorage.getItem(k); } catch { return null; } };
  const put = (k, v) => { try { localStorage.setItem(k, v); } catch { /* not remembered */ } };

  const t = globalThis.roadmapgenText;
  if (!t) return; // no words (theme.js): the page stays as without scripts
  const STATES = ["todo", "doing", "done", "skip"];
  const LABEL = Object.fromEntries(STATES.map(s => [s, t("status." + s)]));
  const key = id => "roadmapgen:progress:" + id;
  const clean = p => Object.fromEntries(Object.entries(p).filter(([, s]) => s !== "todo" && STATES.includes(s)));
  const load = id => { try { return clean(JSON.parse(get(key(id))) || {}); } catch { return {}; } };
  const save = (id, p) => put(key(id), JSON.stringify(clean(p)));
  const count = (p, state) => Object.values(p).filter(s => s === state).length;
  const summary = p => t("js.summary", { done: count(p, "done"), doing: count(p, "doing"), skipped: count(p, "skip") });
  const onStored = (id, f) => addEventListener("storage", e => { if (e.key === key(id) || e.key === pickKey(id)) f(); });

  // ---- Learning path ----
  // A reader's path is every required topic and one topic of each choice: their pick, else any
  // alternative they finished. Optional topics done count as extras. Picks are stored beside the
  // progress as a list of topic slugs, one per choice.
  const pickKey = id => "roadmapgen:picks:" + id;
  const pathItems = els => els.map(e => ({
    slug: e.dataset.topic, kind: e.dataset.kind || "required", choice: e.dataset.choice || null,
    recommended: e.hasAttribute("data-recommended"), url: (e.matches("a") ? e : $("a", e)).getAttribute("href"),
    title: $(".node-title", e).textContent,
  }));
  // Only alternatives of a choice, one per choice: picks from another version of the roadmap fall away.
  const cleanPicks = (items, picks) => {
    const seen = new Set();
    return (Array.isArray(picks) ? picks : []).filter(slug => {
      const item = items.find(i => i.slug === slug && i.choice);
      return item && !seen.has(item.choice) && seen.add(item.choice);
    });
  };
  // As stored, for pages without the whole roadmap to check them against.
  const rawPicks = id => { try { const p = JSON.parse(get(pickKey(id))); return Array.isArray(p) ? p : []; } catch { return []; } };
  const loadPicks = (id, items) => cleanPicks(items, rawPicks(id));
  const savePicks = (id, picks) => put(pickKey(id), JSON.stringify(picks));
  const pickIn = (items, picks, choice) => items.find(i => i.choice === choice && picks.includes(i.slug)) || null;

  function onPath(items, progress, picks) {
    const is = (i, ...states) => states.includes(progress[i.slug]);
    let done = 0, settled = 0, total = 0, extra = 0;
    for (const i of items) {
      if (i.kind === "optional") { extra += is(i, "done"); continue; }
      if (i.choice && items.find(m => m.choice === i.choice) !== i) continue;
      const members = i.choice ? items.filter(m => m.choice === i.choice) : [i], pick = i.choice && pickIn(items, picks, i.choice);
      const counted = pick ? [pick] : members;
      total++;
      done += counted.some(m => is(m, "done"));
      settled += pick ? is(pick, "done", "skip") : counted.some(m => is(m, "done")) || (!i.choice && is(i, "skip"));
    }
    return { done, total, extra, complete: done > 0 && settled === total };
  }

  // The first topic on the path that is neither done nor skipped; in a choice without a pick, the recommended one.
  function nextOnPath(items, progress, picks) {
    const settled = i => progress[i.slug] === "done" || progress[i.slug] === "skip";
    for (const i of items) {
      if (i.kind === "optional") continue;
      if (!i.choice) { if (!settled(i)) return i; continue; }
      const members = items.filter(m => m.choice === i.choice);
      if (members[0] !== i) continue;
      const target = pickIn(items, picks, i.choice) || (members.some(m => progress[m.slug] === "done") ? null : members.find(m => m.recommended) || i);
      if (target && !settled(target)) return target;
    }
    return null;
  }

  function updateContinue(id, items, progress, picks) {
    const next = nextOnPath(items, progress, picks), started = Object.keys(progress).length + picks.length > 0;
    for (const link of $$(`[data-continue="${id}"]`)) {
      link.parentElement.hidden = !next;
      if (!next) continue;
      link.setAttribute("href", next.url);
      $("[data-continue-label]", link).textContent = t(started ? "js.continue" : "continue.start");
      $("[data-continue-title]", link).textContent = next.title;
    }
  }

  // The select in each choice's frame (in the page from the start: no layout shift): "My server-side language: Python".
  function pickers(map, items, onPick) {
    return $$(".choice", map).map(group => {
      const choice = $(".node", group).dataset.choice, title = group.dataset.choiceTitle, select = $(".pick select", group);
      for (const node of $$(".node", group))
        $("[data-state-label]", node).before(make("span", { className: "node-tag tag-pick", hidden: true }, t("js.your_pick")));
      select.addEventListener("change", () => onPick(choice, select.value, title));
      return { choice, select };
    });
  }

  function renderPicks(map, items, picks, selects) {
    for (const { choice, select } of selects) select.value = pickIn(items, picks, choice)?.slug || "";
    for (const node of $$(".node[data-choice]", map)) {
      const pick = pickIn(items, picks, node.dataset.choice);
      if (pick) node.dataset.picked = pick.slug === node.dataset.topic; else delete node.dataset.picked;
      $(".tag-pick", node).hidden = node.dataset.picked !== "true";
    }
  }
  // A topic page of an alternative: say which one is the reader's pick, and offer to pick this one.
  function pickHere(el) {
    const id = el.dataset.roadmap, slug = el.dataset.pickHere, button = $("button", el), now = $("[data-pick-now]", el);
    const others = $$("a[data-topic]", el.closest(".topic-kind")), members = [slug, ...others.map(a => a.dataset.topic)];
    const sync = () => {
      const pick = rawPicks(id).find(s => members.includes(s)), other = others.find(a => a.dataset.topic === pick);
      now.textContent = pick === slug ? t("js.this_is_your_pick") : other ? t("js.your_pick_is", { topic: other.textContent.replace(` (${t("choice.recommended")})`, "") }) : "";
      button.hidden = pick === slug;
    };
    el.hidden = false;
    sync();
    button.addEventListener("click", () => { savePicks(id, rawPicks(id).filter(s => !members.includes(s)).concat(slug)); sync(); });
    onStored(id, sync);
  }
  // A topic page's Previous, Next and "Mark done and continue": a step into a group of
  // alternatives leads to the reader's pick there, once they made one (built: the recommended one).
  function steps(box) {
    const id = box.dataset.roadmap, links = $$("a[data-step]").filter(a => a.dataset.step);
    const alternatives = choice => $$(`template[data-alternatives="${choice}"]`).flatMap(t => $$("a", t.content));
    const built = new Map(links.map(a => [a, [a.getAttribute("href"), $("[data-step-title]", a).textContent]]));
    const sync = () => {
      const picks = rawPicks(id);
      for (const a of links) {
        const pick = alternatives(a.dataset.step).find(x => picks.includes(x.dataset.topic));
        const [href, title] = pick ? [pick.getAttribute("href"), pick.textContent] : built.get(a);
        a.setAttribute("href", href);
        $("[data-step-title]", a).textContent = title;
      }
    };
    sync();
    onStored(id, sync);
    const done = () => {
      const p = load(id);
      p[box.dataset.doneNext] = "done";
      save(id, p);
      for (const r of $$("[data-status] input")) r.checked = r.value === "done";
    };
    $("a", box)?.addEventListener("click", done);
    $("button", box)?.addEventListener("click", () => { done(); $("[data-done-status]", box).textContent = t("js.marked_done"); });
  }
  // ---- end of learning path ----

  function theme(toggle) {
    const root = document.documentElement, system = matchMedia("(prefers-color-scheme: dark)");
    const dark = () => root.dataset.theme ? root.dataset.theme === "dark" : system.matches;
    const sync = () => attr(toggle, "aria-pressed", dark());
    toggle.hidden = false;
    sync();
    system.addEventListener("change", sync);
    toggle.addEventListener("click", () => { root.dataset.theme = dark() ? "light" : "dark"; put("roadmapgen:theme", root.dataset.theme); sync(); });
  }

  // A status button after each node's link opens one shared popover of choices.
  function roadmap(map) {
    const id = map.dataset.roadmap, box = $(`[data-progress="${id}"]`);
    const nodes = $$(".node", map), slugs = nodes.map(n => n.dataset.topic);
    const title = n => $(".node-title", n).textContent;
    const say = text => { if (box) $("[data-progress-message]", box).textContent = text; };
    const items = pathItems(nodes);
    let progress = load(id), picks = loadPicks(id, items), current = null;
    const selects = pickers(map, items, (choice, slug, name) => {
      picks = picks.filter(s => items.find(i => i.slug === s).choice !== choice).concat(slug ? [slug] : []);
      savePicks(id, picks);
      render();
      say(slug ? t("js.my_pick", { choice: name, topic: items.find(i => i.slug === slug).title }) : t("js.no_pick", { choice: name }));
    });

    const menu = make("div", { className: "status-menu", id: "status-menu", popover: "auto" });
    attr(menu, "role", "group");
    const options = STATES.map(s => {
      const b = make("button", { type: "button", className: "status-option is-" + s }, make("span", { className: "status-icon", ariaHidden: true }), LABEL[s]);
      b.addEventListener("click", () => {
        progress[current.dataset.topic] = s;
        save(id, progress);
        render();
        menu.hidePopover();
        say(t("js.topic_status", { topic: title(current), status: LABEL[s] }));
      });
      return b;
    });
    menu.append(...options);
    document.body.append(menu);
    menu.addEventListener("keydown", e => {
      const i = options.indexOf(document.activeElement), step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: 3, ArrowLeft: 3 }[e.key];
      if (step && i >= 0) { e.preventDefault(); options[(i + step) % 4].focus(); }
    });
    menu.addEventListener("toggle", e => {
      const button = $(".node-status", current), open = e.newState === "open";
      attr(button, "aria-expanded", open);
      if (open) options[STATES.indexOf(current.dataset.state)].focus();
      else if (menu.contains(document.activeElement) || document.activeElement === document.body) button.focus();
    });

    for (const node of nodes) {
      const button = make("button", { type: "button", className: "node-status", popoverTargetElement: menu }, make("span", { className: "status-icon", ariaHidden: true }));
      attr(button, "aria-controls", "status-menu");
      attr(button, "aria-expanded", false);
      button.addEventListener("click", e => {
        // Another node's button moves the open menu (toggle events coalesce: tell the old button).
        const reopen = menu.matches(":popover-open") && current !== node;
        if (reopen) { e.preventDefault(); attr($(".node-status", current), "aria-expanded", false); menu.hidePopover(); }
        current = node;
        attr(menu, "aria-label", t("js.status_of", { topic: title(node) }));
        options.forEach((o, i) => attr(o, "aria-pressed", STATES[i] === node.dataset.state));
        const r = button.getBoundingClientRect(), below = innerHeight - r.bottom > 210, m = menu.style;
        m.right = Math.max(8, document.documentElement.clientWidth - r.right - scrollX) + "px";
        m.top = below ? r.bottom + scrollY + 6 + "px" : "auto";
        m.bottom = below ? "auto" : innerHeight - r.top - scrollY + 6 + "px";
        if (reopen) menu.showPopover();
      });
      node.append(button);
    }

    function render() {
      for (const node of nodes) {
        const state = node.dataset.state = progress[node.dataset.topic] || "todo";
        $("[data-state-label]", node).textContent = state === "todo" ? "" : LABEL[state];
        attr($(".node-status", node), "aria-label", t("js.status_button", { topic: title(node), status: LABEL[state] }));
      }
      renderPicks(map, items, picks, selects);
      updateContinue(id, items, progress, picks);
      const optional = n => n ? t("js.plus_optional", { count: n }) : "";
      for (const stage of $$(".stage", map)) {
        const c = onPath(pathItems($$(".node", stage)), progress, picks), label = $("[data-stage-count]", stage);
        label.textContent = t("js.stage_count", { done: c.done, count: c.total }) + optional(c.extra);
        stage.classList.toggle("is-complete", c.complete);
      }
      if (!box) return;
      const path = onPath(items, progress, picks);
      $("progress", box).value = $("[data-progress-done]", box).textContent = path.done;
      $("[data-progress-optional]", box).textContent = optional(path.extra);
      $("[data-progress-extra]", box).textContent = t("js.progress_extra", { doing: count(progress, "doing"), count: count(progress, "skip") });
    }

    render();
    if (!box) return;
    box.hidden = false;
    onStored(id, () => { progress = load(id); picks = loadPicks(id, items); render(); });
    const picked = list => list.length ? t("js.picks", { list: list.map(s => items.find(i => i.slug === s).title).join(", ") }) : "";
    const use = (p, note, newPicks, values = {}) => {
      save(id, p);
      savePicks(id, cleanPicks(items, newPicks));
      progress = load(id);
      picks = loadPicks(id, items);
      render();
      say(t(note, { ...values, summary: summary(progress) + picked(picks) }));
    };

    // Two bits per topic after the topic count: links from another version are refused, not misapplied.
    const encode = () => {
      const bytes = new Uint8Array(Math.ceil(slugs.length / 4));
      slugs.forEach((s, i) => { bytes[i >> 2] |= STATES.indexOf(progress[s] || "todo") << (i & 3) * 2; });
      return slugs.length + "." + btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
        + (picks.length ? "&picks=" + picks.map(s => slugs.indexOf(s)).join(".") : "");
    };
    const decodePicks = text => cleanPicks(items, (text || "").split(".").filter(Boolean).map(n => slugs[+n]));
    const decode = text => {
      const m = /^(\d+)\.([\w-]*)$/.exec(text), p = {};
      if (!m || +m[1] !== slugs.length) return null;
      try {
        const bin = atob(m[2].replace(/-/g, "+").replace(/_/g, "/"));
        slugs.forEach((s, i) => { p[s] = STATES[bin.charCodeAt(i >> 2) >> (i & 3) * 2 & 3]; });
        return clean(p);
      } catch { return null; }
    };
    const shared = /^#progress=([^&]*)(?:&picks=([\d.]*))?$/.exec(location.hash);
    if (shared) {
      history.replaceState(null, "", location.pathname + location.search);
      const p = decode(shared[1]), sharedPicks = decodePicks(shared[2]), offer = $("[data-share-offer]", box);
      // Offered, never applied unasked: the link may carry someone else's progress.
      if (!p) say(t("js.other_version"));
      else {
        $("[data-share-text]", offer).textContent = t("js.share_offer", { theirs: summary(p) + picked(sharedPicks), yours: summary(progress) + picked(picks) });
        offer.hidden = false;
        offer.addEventListener("click", e => {
          if (e.target.matches("[data-share-accept]")) use(p, "js.now_using", sharedPicks);
          else if (e.target.matches("[data-share-dismiss]")) say(t("js.kept_own"));
          else return;
          offer.hidden = true;
        });
      }
    }

    $("[data-export]", box).addEventListener("click", () => {
      const data = JSON.stringify({ roadmap: id, version: 2, exported: new Date().toISOString(), progress, picks }, null, 2);
      const a = make("a", { href: URL.createObjectURL(new Blob([data], { type: "application/json" })), download: `roadmapgen-${id}-progress.json` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 5000);
      say(t("js.exported", { summary: summary(progress) + picked(picks) }));
    });

    $("[data-import]", box).addEventListener("change", async e => {
      const file = e.target.files[0];
      e.target.value = "";
      if (!file) return;
      try {
        const data = JSON.parse(await file.text());
        if (data.roadmap !== id) throw new Error(t("js.not_progress_file", { roadmap: id }));
        use(clean(Object.fromEntries(Object.entries(data.progress || {}).filter(([s]) => slugs.includes(s)))), "js.imported", data.picks || [], { file: file.name });
      } catch (err) {
        say(t("js.import_failed", { file: file.name, reason: err instanceof SyntaxError ? t("js.not_json") : err.message }));
      }
    });

    $("[data-share]", box).addEventListener("click", async () => {
      const url = location.origin + location.pathname + "#progress=" + encode(), input = $("[data-share-url]", box);
      input.value = url;
      $("[data-share-box]", box).hidden = false;
      input.select();
      try { await navigator.clipboard.writeText(url); say(t("js.link_copied")); } catch { say(t("js.copy_link_below")); }
    });
  }

  function topicStatus(set) {
    const id = set.dataset.roadmap, slug = set.dataset.status;
    const sync = () => { const s = load(id)[slug] || "todo"; for (const r of $$("input", set)) r.checked = r.value === s; };
    set.hidden = false;
    sync();
    set.addEventListener("change", e => { const p = load(id); p[slug] = e.target.value; save(id, p); });
    onStored(id, sync);
  }

  function homeProgress(el) {
    const id = el.dataset.progressSummary, data = $(`template[data-path="${id}"]`);
    const p = load(id), items = data ? pathItems($$(".node", data.content)) : [], picks = loadPicks(id, items);
    const path = onPath(items, p, picks);
    el.textContent = t(path.extra ? "js.home_progress_optional" : "js.home_progress", { done: path.done, count: +el.dataset.total, extra: path.extra });
    el.hidden = false;
    if (items.length) updateContinue(id, items, p, picks);
  }

  // The all-roadmaps page has no roadmap's topics to tell the path from the rest, so it counts
  // what is stored: done out of every topic. Its line is there from the start, two lines high.
  function roadmapProgress(el) {
    const id = el.dataset.roadmapProgress;
    const show = () => {
      const p = load(id), done = count(p, "done"), doing = count(p, "doing");
      el.textContent = done || doing
        ? t("js.roadmap_done", { done: Math.min(done, +el.dataset.total), count: +el.dataset.total }) + (doing ? t("js.roadmap_doing", { count: doing }) : "")
        : t("js.not_started");
    };
    show();
    onStored(id, show);
  }

  // Print spells out links; an absolute URL is more useful on paper than a path.
  addEventListener("beforeprint", () => { for (const a of $$("main a[href]")) a.dataset.href = a.href; });

  $$("[data-theme-toggle]").forEach(theme);
  $$("ol.map[data-roadmap]").forEach(roadmap);
  $$("[data-status]").forEach(topicStatus);
  $$("[data-progress-summary]").forEach(homeProgress);
  $$("[data-roadmap-progress]").forEach(roadmapProgress);
  $$("[data-pick-here]").forEach(pickHere);
  $$("[data-done-next]").forEach(steps);
})();
