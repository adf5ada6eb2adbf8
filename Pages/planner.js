"use strict";
/// The catalogue's phrases in the page's language; `t(key, a, b)` fills {0}, {1}.
const PHRASES = __PHRASES__;
const t = (key, ...values) => values.reduce((s, v, i) => s.split("{" + i + "}").join(String(v)), PHRASES[key] ?? key);
for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
for (const e of document.querySelectorAll("[data-title]")) e.title = t(e.dataset.title);
for (const e of document.querySelectorAll("[data-label]")) e.setAttribute("aria-label", t(e.dataset.label));
// Replaced by the profile's own list from /api/vocabulary on load.
let PROHIBITED = new Set(["guest_room","private_dining_room","dormitory_room","staff_quarters","bathhouse","toilet",
  "changing_room","nursing_room","fitting_room","private_other"]);
const TOOLS = [["select", t("plannerToolSelect"), "V"], ["wall", t("plannerToolWall"), "W"], ["opening", t("plannerToolOpening"), "D"],
  ["zone", t("plannerToolZone"), "Z"], ["scale", t("plannerToolScale"), "S"]];
const HINTS = { select: t("plannerHintSelect"), wall: t("plannerHintWall"), opening: t("plannerHintOpening"), zone: t("plannerHintZone"),
  scale: t("plannerHintScale") };
const FIELDS = [["heading", t("plannerHeading")], ["tilt", t("plannerTilt")], ["mountHeight", t("plannerMountHeight")],
  ["hfov", t("plannerHFOV")], ["vfov", t("plannerVFOV")], ["range", t("plannerRange")]];
const state = { plan: null, views: [], findings: [], etag: null, level: null, selected: null, undo: [], redo: [], busy: false,
  tool: "select", draft: [], backgrounds: [], vocabulary: null, selectedFeature: null, labels: [] };
const svg = document.getElementById("canvas");
const NS = "http://www.w3.org/2000/svg";

function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}
function status(text, error) {
  const s = document.getElementById("status");
  s.textContent = text; s.className = error ? "error" : "";
}
// Every change carries the session token the server wrote into this page.
const TOKEN = document.querySelector('meta[name="sightline-token"]').content;
async function api(method, path, body, headers) {
  const options = { method, headers: Object.assign({ "Content-Type": "application/json", "X-Sightline-Token": TOKEN }, headers || {}) };
  if (body !== undefined) options.body = JSON.stringify(body);
  const r = await fetch(path, options);
  const etag = r.headers.get("ETag");
  if (etag) state.etag = etag;
  const data = await r.json().catch(() => null);
  if (!r.ok) {
    const error = new Error((data && data.error) || (r.status + " " + r.statusText));
    error.status = r.status;
    throw error;
  }
  return data;
}
const features = () => (state.plan && state.plan.features) || [];
const levelOf = f => (f.properties && f.properties.level) || (state.plan.plan.levels[0] || {}).id;
const cameraFeature = id => features().find(f => f.properties.kind === "camera" && String(f.id) === id);
const toSVG = p => [p[0], -p[1]];
function pathOf(rings) {
  return rings.map(r => "M" + r.map(p => toSVG(p).join(" ")).join("L") + "Z").join("");
}
function colour(i) { return "hsl(" + ((i * 137.5) % 360) + ",70%,45%)"; }

async function reload() {
  state.plan = await api("GET", "/api/plan");
  state.vocabulary = await api("GET", "/api/vocabulary");
  PROHIBITED = new Set(state.vocabulary.categories.filter(c => c.prohibited).map(c => c.category));
  if (!state.level) state.level = (state.plan.plan.levels[0] || {}).id;
  await refresh();
  const select = document.getElementById("level");
  select.textContent = "";
  for (const level of state.plan.plan.levels || []) {
    const o = document.createElement("option");
    o.value = level.id; o.textContent = level.name ? level.name + " (" + level.id + ")" : level.id;
    select.appendChild(o);
  }
  if (!state.level) state.level = (state.plan.plan.levels[0] || {}).id;
  select.value = state.level;
  const site = (state.plan.plan.site || {}).name;
  document.getElementById("title").textContent = t("plannerTitle") + (site ? " — " + site : "");
  fit();
  draw();
}
/// The views of the level shown (all levels' would be megabytes on a tower).
const viewsPath = () => "/api/views" + (state.level ? "?labels=1&level=" + encodeURIComponent(state.level) : "");
/// The level's views, and its labels as the reports place them (none collide).
async function fetchViews() {
  const r = await api("GET", viewsPath());
  if (Array.isArray(r)) { state.labels = []; return r; }
  state.labels = r.labels; return r.views;
}
async function refresh() {
  [state.views, state.findings, state.backgrounds, state.problems] =
    await Promise.all([fetchViews(), api("GET", "/api/findings"), api("GET", "/api/backgrounds"), api("GET", "/api/problems")]);
}
function fit() {
  let xs = [], ys = [];
  for (const f of features()) {
    if (levelOf(f) !== state.level || !f.geometry) continue;
    const walk = c => { if (typeof c[0] === "number") { xs.push(c[0]); ys.push(-c[1]); } else c.forEach(walk); };
    walk(f.geometry.coordinates);
  }
  const b = backgroundOf(state.level);
  if (b && b.width) for (const c of backgroundCorners(b)) { xs.push(c[0]); ys.push(-c[1]); }
  if (!xs.length) { xs = [0, 10]; ys = [-10, 0]; }
  const x0 = Math.min(...xs) - 2, x1 = Math.max(...xs) + 2, y0 = Math.min(...ys) - 2, y1 = Math.max(...ys) + 2;
  state.box = [x0, y0, x1 - x0, y1 - y0];
  svg.setAttribute("viewBox", state.box.join(" "));
}
function draw() {
  for (const id of ["zones","views","walls","openings","signs","cameras"]) document.getElementById("layer-" + id).textContent = "";
  drawBackground();
  const doors = (state.plan.plan.defaults || {}).doors || "open";
  const zones = document.getElementById("layer-zones"), walls = document.getElementById("layer-walls");
  const openings = document.getElementById("layer-openings"), signs = document.getElementById("layer-signs");
  for (const f of features()) {
    if (levelOf(f) !== state.level || !f.geometry) continue;
    const p = f.properties, g = f.geometry;
    if (p.kind === "zone" && g.type === "Polygon") {
      const path = el("path", { d: pathOf(g.coordinates), class: "zone" + (PROHIBITED.has(p.category) ? " prohibited" : "") + selectedClass(f),
        fill: "#eef1ea", "fill-opacity": backgroundOf(state.level) ? .55 : 1, "data-zone": String(f.id) }, zones);
      selectable(path, f);
      const t = el("title", {}, path); t.textContent = (p.name || f.id) + " · " + p.category;
    } else if (p.kind === "wall") {
      const cls = "wall" + (p.material === "glass" ? " glass" : "") + (p.height ? " low" : "");
      let shape = null;
      if (g.type === "LineString") shape = el("polyline", { points: g.coordinates.map(q => toSVG(q).join(",")).join(" "), class: cls + selectedClass(f), fill: "none", "data-wall": String(f.id) }, walls);
      else if (g.type === "Polygon") shape = el("path", { d: pathOf(g.coordinates), class: cls + selectedClass(f), "data-wall": String(f.id) }, walls);
      if (shape) selectable(shape, f);
    } else if (p.kind === "opening" && g.type === "LineString") {
      const window = p.openingType === "window";
      const closed = p.openingType === "door" && (p.state || doors) === "closed";
      selectable(el("polyline", { points: g.coordinates.map(q => toSVG(q).join(",")).join(" "),
        class: "opening " + (window ? "window" : closed ? "closed" : "open") + selectedClass(f), "data-opening": String(f.id) }, openings), f);
    } else if (p.kind === "sign" && g.type === "Point") {
      const [x, y] = toSVG(g.coordinates);
      el("path", { d: `M${x} ${y - .35}L${x + .3} ${y + .2}L${x - .3} ${y + .2}Z`, class: "sign" }, signs);
    }
  }
  // A fix shown is for the camera and state it was asked for: drop it before drawing, then ask again.
  const askFix = state.selected !== state.fixFor;
  if (askFix) { state.fixFor = state.selected; state.fix = null; }
  drawViews();
  drawCameras();
  drawProblems();
  drawFindings();
  drawPanel();
  drawFeaturePanel();
  drawDraft();
  if (askFix) loadFix();
}
function drawViews() {
  const layer = document.getElementById("layer-views"), labels = document.getElementById("layer-labels");
  layer.textContent = "";
  labels.textContent = "";
  state.views.forEach((v, i) => {
    if (v.level !== state.level) return;
    for (const polygon of v.view) el("path", { d: pathOf(polygon), class: "view", fill: colour(i), stroke: colour(i), "data-view": v.camera }, layer);
    for (const intrusion of v.intrusions) {
      for (const polygon of intrusion.polygons)
        el("path", { d: pathOf(polygon), class: "intrusion", "data-intrusion": v.camera + "|" + intrusion.zone }, layer);
    }
  });
  // Intrusion areas, camera ids and zone names where the server's LevelLabels put them.
  const classes = { area: ["intrusion-label", "data-intrusion-area"], camera: ["camera-label", "data-camera-label"], zone: ["zone-label", "data-zone-label"] };
  for (const l of state.labels || []) {
    const [cls, data] = classes[l.kind];
    if (l.leader) el("path", { d: `M${l.leader[0]} ${-l.leader[1]}L${l.leader[2]} ${-l.leader[3]}`, class: "leader", [data + "-leader"]: l.key }, labels);
    const t = el("text", { x: l.x, y: -l.y, class: cls, "text-anchor": "middle", "dominant-baseline": "central", "font-size": l.size, [data]: l.key }, labels);
    t.textContent = l.text;
  }
}
function drawCameras() {
  const layer = document.getElementById("layer-cameras");
  layer.textContent = "";
  for (const f of features()) {
    if (f.properties.kind !== "camera" || levelOf(f) !== state.level) continue;
    const id = String(f.id), p = f.properties, [x, y] = toSVG(f.geometry.coordinates);
    const heading = (p.heading || 0) * Math.PI / 180;
    const g = el("g", { class: "camera" + (state.selected === id ? " selected" : ""), "data-camera": id, tabindex: "0" }, layer);
    el("line", { x1: x, y1: y, x2: x + Math.sin(heading) * 1.2, y2: y - Math.cos(heading) * 1.2, class: "aim" }, g);
    el("circle", { cx: x, cy: y, r: .32, class: "body" }, g);
    const title = el("title", {}, g); title.textContent = t("plannerCameraTooltip", id, p.heading || 0);
    g.addEventListener("pointerdown", e => startMove(e, id));
    if (state.selected === id && state.fix && state.fix.camera === id) {
      for (const arc of state.fix.compliantHeadings || []) {
        const r = 2.6, a0 = arc.from * Math.PI / 180, a1 = (arc.from + Math.min(arc.sweep, 359.9)) * Math.PI / 180;
        const large = arc.sweep > 180 ? 1 : 0;
        el("path", { d: `M${x + Math.sin(a0) * r} ${y - Math.cos(a0) * r}A${r} ${r} 0 ${large} 1 ${x + Math.sin(a1) * r} ${y - Math.cos(a1) * r}`,
          class: "compliant-arc", "data-arc": id }, layer);
      }
    }
    if (state.selected === id) {
      const h = el("circle", { cx: x + Math.sin(heading) * 2, cy: y - Math.cos(heading) * 2, r: .28, class: "handle",
        "data-handle": id }, layer);
      h.addEventListener("pointerdown", e => startTurn(e, id));
      if ((p.type || "fixed") !== "fisheye") {
        // The field of view's two edges: dragging either widens or narrows it symmetrically.
        const half = (p.hfov || 90) / 2 * Math.PI / 180;
        for (const side of [-1, 1]) {
          const a = heading + side * half;
          el("line", { x1: x, y1: y, x2: x + Math.sin(a) * 2.4, y2: y - Math.cos(a) * 2.4, class: "aim", "stroke-dasharray": ".15 .1" }, layer);
          const f = el("rect", { x: x + Math.sin(a) * 2.4 - .2, y: y - Math.cos(a) * 2.4 - .2, width: .4, height: .4, class: "handle",
            "data-fov-handle": id + (side < 0 ? "|left" : "|right") }, layer);
          f.addEventListener("pointerdown", e => startWiden(e, id));
        }
      }
    }
  }
}
/// The plan's problems, each the line `check` prints; a click selects its
/// feature, which is drawn dashed until it is repaired (it is left out of
/// the analysis meanwhile).
function drawProblems() {
  const box = document.getElementById("problems"), title = document.getElementById("problems-title");
  const problems = state.problems || [];
  box.textContent = "";
  title.hidden = problems.length === 0;
  title.textContent = t("plannerProblemsCount", problems.length);
  for (const p of problems) {
    const d = document.createElement("div");
    // The feature and property, then what is wrong (the file is the one served).
    d.className = "problem"; d.textContent = [p.feature, p.property].filter(x => x != null).join(" · ") + ": " + p.message;
    if (p.feature != null) d.addEventListener("click", () => { state.selectedFeature = String(p.feature); draw(); });
    box.appendChild(d);
  }
}
function drawFindings() {
  const box = document.getElementById("findings");
  box.textContent = "";
  document.getElementById("findings-title").textContent = t("plannerFindingsCount", state.findings.length);
  for (const f of state.findings) {
    const d = document.createElement("div");
    d.className = "finding " + f.severity;
    d.dataset.rule = f.rule; d.dataset.camera = f.camera || ""; d.dataset.zone = f.zone || "";
    const head = document.createElement("div"); head.textContent = t("severity" + f.severity[0].toUpperCase() + f.severity.slice(1)) + " · " + f.rule; d.appendChild(head);
    const m = document.createElement("div"); m.textContent = (document.documentElement.lang === "en" ? f.message : f.messageZh) || f.message;
    d.appendChild(m);
    for (const p of f.provisions || []) {
      const zh = document.createElement("div"); zh.className = "zh"; zh.textContent = p.ref + " " + p.zh; d.appendChild(zh);
      const en = document.createElement("div"); en.className = "en"; en.textContent = p.en; d.appendChild(en);
    }
    if (f.camera) d.addEventListener("click", () => { state.selected = f.camera; draw(); });
    box.appendChild(d);
  }
}
function drawPanel() {
  const panel = document.getElementById("camera-panel");
  panel.textContent = "";
  const f = state.selected && cameraFeature(state.selected);
  if (!f) { const p = document.createElement("p"); p.textContent = t("plannerSelectCamera"); panel.appendChild(p); return; }
  const title = document.createElement("p"); title.textContent = String(f.id); title.style.fontWeight = "600"; panel.appendChild(title);
  const type = document.createElement("label"); type.textContent = t("plannerType");
  const sel = document.createElement("select"); sel.id = "field-type";
  for (const k of ["fixed", "ptz", "fisheye"]) {
    const o = document.createElement("option"); o.value = k; o.textContent = t("type" + k[0].toUpperCase() + k.slice(1)); sel.appendChild(o);
  }
  sel.value = f.properties.type || "fixed";
  sel.addEventListener("change", () => edit(String(f.id), { type: sel.value }));
  type.appendChild(sel); panel.appendChild(type);
  for (const [key, name] of FIELDS) {
    const label = document.createElement("label"); label.textContent = name;
    const input = document.createElement("input"); input.type = "number"; input.step = "any"; input.id = "field-" + key;
    if (f.properties[key] !== undefined) input.value = f.properties[key];
    input.addEventListener("change", () => edit(String(f.id), { [key]: input.value === "" ? null : Number(input.value) }));
    label.appendChild(input); panel.appendChild(label);
  }
  // The lens and resolution as the plan writes them (JSON), e.g. a varifocal lens.
  for (const [key, name, example] of [["lens", t("plannerLens"), '{"focalLength": 2.8, "sensorFormat": "1/2.8\\""}'],
                                       ["resolution", t("plannerResolution"), "[2560, 1440]"]]) {
    const label = document.createElement("label"); label.textContent = name;
    const input = document.createElement("input"); input.id = "field-" + key; input.placeholder = example;
    if (f.properties[key] !== undefined) input.value = JSON.stringify(f.properties[key]);
    input.addEventListener("change", () => {
      let value = null;
      try { value = input.value.trim() === "" ? null : JSON.parse(input.value); } catch (err) { status(t("plannerNotJSON", key, err.message), true); return; }
      edit(String(f.id), { [key]: value });
    });
    label.appendChild(input); panel.appendChild(label);
  }
  // Privacy masks as the plan writes them: a JSON list of sectors.
  const masks = document.createElement("label"); masks.textContent = t("plannerMasks");
  const area = document.createElement("textarea"); area.id = "field-masks"; area.rows = 3;
  area.value = f.properties.masks ? JSON.stringify(f.properties.masks) : "";
  area.placeholder = '[{"azimuthFrom": 100, "azimuthTo": 120}]';
  area.addEventListener("change", () => {
    let value = null;
    try { value = area.value.trim() === "" ? null : JSON.parse(area.value); } catch (err) { status(t("plannerNotJSON", "masks", err.message), true); return; }
    edit(String(f.id), { masks: value });
  });
  masks.appendChild(area); panel.appendChild(masks);
  const row = document.createElement("p");
  for (const [text, action] of [[t("plannerDuplicate"), () => duplicate(String(f.id))], [t("plannerDelete"), () => remove(String(f.id))]]) {
    const b = document.createElement("button"); b.textContent = text; b.addEventListener("click", action); row.appendChild(b);
  }
  panel.appendChild(row);
  const fix = state.fix && state.fix.camera === String(f.id) ? state.fix : null;
  if (fix && fix.needed) {
    const box = document.createElement("div"); box.id = "fix"; box.className = "finding";
    const head = document.createElement("div"); head.textContent = t("plannerFix", fix.summary); box.appendChild(head);
    if (fix.compliantHeadings && fix.compliantHeadings.length) {
      const arcs = document.createElement("div"); arcs.className = "en";
      arcs.textContent = t("plannerCompliantHeadings", fix.compliantHeadings.map(i => i.sweep >= 360 ? t("plannerAny") : i.from + "°–" + i.to + "°").join(", "));
      box.appendChild(arcs);
    }
    if (fix.apply) {
      const b = document.createElement("button"); b.id = "apply-fix"; b.textContent = t("plannerApply", fix.best);
      b.addEventListener("click", () => edit(String(f.id), fix.apply)); box.appendChild(b);
    }
    panel.appendChild(box);
  }
}
async function loadFix() {
  const id = state.selected;
  state.fix = null;
  if (!id || !state.findings.some(f => f.camera === id && f.severity === "error" && f.rule.includes("art8"))) return;
  try { state.fix = await api("GET", "/api/cameras/" + encodeURIComponent(id) + "/fix"); } catch (err) { status(err.message, true); }
  if (state.selected === id) { drawPanel(); drawCameras(); }
}
function svgPoint(e) {
  const pt = svg.createSVGPoint(); pt.x = e.clientX; pt.y = e.clientY;
  const q = pt.matrixTransform(svg.getScreenCTM().inverse());
  return [q.x, -q.y];
}
const round = v => Math.round(v * 1000) / 1000;
function startMove(e, id) {
  e.stopPropagation(); e.preventDefault();
  state.selected = id;
  const f = cameraFeature(id), start = f.geometry.coordinates.slice(), grab = svgPoint(e);
  let moved = false;
  const move = ev => {
    const p = svgPoint(ev);
    f.geometry.coordinates = [round(start[0] + p[0] - grab[0]), round(start[1] + p[1] - grab[1])];
    // Its id is placed again when the move is checked; until then it would be left behind.
    for (const e of document.querySelectorAll("#layer-labels [data-camera-label], #layer-labels [data-camera-label-leader]"))
      if (e.getAttribute("data-camera-label") === id || e.getAttribute("data-camera-label-leader") === id) e.remove();
    moved = true; drawCameras();
  };
  const up = () => {
    window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up);
    if (moved) edit(id, { position: f.geometry.coordinates }, { position: start }); else draw();
  };
  window.addEventListener("pointermove", move); window.addEventListener("pointerup", up);
}
function startTurn(e, id) {
  e.stopPropagation(); e.preventDefault();
  const f = cameraFeature(id), before = f.properties.heading || 0, c = f.geometry.coordinates;
  const move = ev => {
    const p = svgPoint(ev);
    let b = Math.atan2(p[0] - c[0], p[1] - c[1]) * 180 / Math.PI; if (b < 0) b += 360;
    f.properties.heading = Math.round(b * 10) / 10; drawCameras();
  };
  const up = () => {
    window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up);
    edit(id, { heading: f.properties.heading }, { heading: before });
  };
  window.addEventListener("pointermove", move); window.addEventListener("pointerup", up);
}
/// Drags a field-of-view edge: the new hfov is twice the angle between the
/// pointer's bearing and the heading (1°–179°).
function startWiden(e, id) {
  e.stopPropagation(); e.preventDefault();
  const f = cameraFeature(id), before = f.properties.hfov ?? null, c = f.geometry.coordinates, heading = f.properties.heading || 0;
  const move = ev => {
    const p = svgPoint(ev);
    const b = Math.atan2(p[0] - c[0], p[1] - c[1]) * 180 / Math.PI;
    const off = Math.abs(((b - heading) % 360 + 540) % 360 - 180);
    f.properties.hfov = Math.max(1, Math.min(179, Math.round(off * 2 * 10) / 10)); drawCameras();
  };
  const up = () => {
    window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up);
    edit(id, { hfov: f.properties.hfov }, { hfov: before });
  };
  window.addEventListener("pointermove", move); window.addEventListener("pointerup", up);
}
/// Sends one change; `inverse` (else the current values) is kept for undo.
async function edit(id, change, inverse, fromHistory) {
  const f = cameraFeature(id);
  if (!inverse && f) {
    inverse = {};
    for (const k of Object.keys(change)) inverse[k] = k === "position" ? f.geometry.coordinates.slice() : (f.properties[k] ?? null);
  }
  try {
    status(t("plannerChecking"));
    const t0 = performance.now();
    state.findings = await api("PATCH", "/api/cameras/" + encodeURIComponent(id), change);
    if (!fromHistory) remember(() => edit(id, inverse, change, true), () => edit(id, change, inverse, true));
    state.plan = await api("GET", "/api/plan");
    state.views = await fetchViews();
    state.fixFor = undefined;
    draw();
    status(t("plannerRechecked", Math.round(performance.now() - t0)));
  } catch (err) {
    status(err.message, true);
    state.plan = await api("GET", "/api/plan"); draw();
  }
}
/// Undo and redo keep, for each change, the two requests that undo and redo it.
function remember(undoIt, redoIt) { state.undo.push({ undo: undoIt, redo: redoIt }); state.redo = []; }
async function undo() { const op = state.undo.pop(); if (!op) return; await op.undo(); state.redo.push(op); }
async function redo() { const op = state.redo.pop(); if (!op) return; await op.redo(); state.undo.push(op); }
async function add(at, properties) {
  const box = state.box || [0, 0, 10, 10];
  const position = at || [round(box[0] + box[2] / 2), round(-(box[1] + box[3] / 2))];
  try {
    const r = await api("POST", "/api/cameras", Object.assign({ position, level: state.level, heading: 0, mountHeight: 2.7 }, properties || {}));
    state.selected = r.id; state.findings = r.findings;
    state.plan = await api("GET", "/api/plan"); state.views = await fetchViews(); draw();
    status(t("plannerAdded", r.id));
  } catch (err) { status(err.message, true); }
}
function duplicate(id) {
  const f = cameraFeature(id);
  const props = Object.assign({}, f.properties); delete props.kind;
  add([f.geometry.coordinates[0] + 1, f.geometry.coordinates[1]], props);
}
async function remove(id) {
  try {
    state.findings = await api("DELETE", "/api/cameras/" + encodeURIComponent(id));
    state.selected = null; state.plan = await api("GET", "/api/plan"); state.views = await fetchViews(); draw();
    status(t("plannerDeleted", id));
  } catch (err) { status(err.message, true); }
}
async function save() {
  try {
    await api("GET", "/api/plan");
    const r = await api("POST", "/api/save", undefined, { "If-Match": state.etag });
    state.etag = r.etag; status(t("plannerSaved"));
  } catch (err) {
    // The page's copy was just refreshed: a conflict now is the file changed on disk.
    if (err.status === 409 && confirm(t("plannerChangedOnDisk"))) return reloadKeepingEdits();
    status(err.message, true);
  }
}
async function reloadKeepingEdits() {
  try {
    const r = await api("POST", "/api/reload");
    await reload();
    status(t("plannerReloadedKeeping", r.kept, r.dropped.length));
  } catch (err) { status(err.message, true); }
}
// ---- Tracing: background pictures, drawing tools, drawn features ----

const backgroundOf = level => state.backgrounds.find(b => b.level === level);
/// A background's corners in plan coordinates: pixel (u, v) lies at
/// origin + R(rotation)·(u·s, −v·s).
function backgroundCorners(b) {
  const t = (b.rotation || 0) * Math.PI / 180, s = b.pixelSize;
  return [[0, 0], [b.width, 0], [b.width, b.height], [0, b.height]].map(([u, v]) =>
    [b.origin[0] + s * (u * Math.cos(t) + v * Math.sin(t)), b.origin[1] + s * (u * Math.sin(t) - v * Math.cos(t))]);
}
/// Keeps one <image> element per shown picture, so redrawing after an edit
/// does not fetch the picture again; a new upload changes its address.
function drawBackground() {
  const layer = document.getElementById("layer-background");
  const b = backgroundOf(state.level);
  if (!b || b.missing) {
    layer.textContent = "";
    if (b) status(t("plannerPictureMissing", b.image), true);
    return;
  }
  let img = document.getElementById("background-image");
  if (!img) { img = el("image", { id: "background-image", x: 0, y: 0, preserveAspectRatio: "none" }, layer); img.style.pointerEvents = "none"; }
  const href = b.url + "?v=" + (state.pictureVersion || 0);
  if (img.getAttribute("href") !== href) img.setAttribute("href", href);
  img.setAttribute("width", b.width); img.setAttribute("height", b.height); img.setAttribute("opacity", b.opacity);
  img.setAttribute("transform", `translate(${b.origin[0]} ${-b.origin[1]}) rotate(${-(b.rotation || 0)}) scale(${b.pixelSize})`);
  document.getElementById("picture-opacity").value = b.opacity;
}
async function uploadPicture(file) {
  const page = Math.max(1, Math.round(Number(document.getElementById("picture-page").value) || 1));
  try {
    status(t("plannerUploading", file.name));
    const r = await fetch("/api/background/" + encodeURIComponent(state.level) + "?page=" + page + "&name=" + encodeURIComponent(file.name),
      { method: "PUT", body: await file.arrayBuffer(),
        headers: { "Content-Type": "application/octet-stream", "X-Sightline-Token": TOKEN } });
    const data = await r.json().catch(() => null);
    if (!r.ok) throw new Error((data && data.error) || r.statusText);
    state.backgrounds = data;
    state.pictureVersion = (state.pictureVersion || 0) + 1;
    state.plan = await api("GET", "/api/plan");
    fit(); draw();
    setTool("scale");
    status(t("plannerPicturePlaced"));
  } catch (err) { status(err.message, true); }
}
async function placePicture(change) {
  try {
    state.backgrounds = await api("PATCH", "/api/background/" + encodeURIComponent(state.level), change);
    state.plan = await api("GET", "/api/plan");
    draw();
  } catch (err) { status(err.message, true); }
}
function buildTools() {
  const box = document.getElementById("tools");
  for (const [tool, name, key] of TOOLS) {
    const b = document.createElement("button");
    b.textContent = name; b.title = name + " (" + key + ")"; b.dataset.tool = tool;
    b.addEventListener("click", () => setTool(tool));
    box.appendChild(b);
  }
  setTool("select");
}
function setTool(tool) {
  state.tool = tool; state.draft = [];
  for (const b of document.querySelectorAll("#tools button")) b.setAttribute("aria-pressed", String(b.dataset.tool === tool));
  svg.classList.toggle("drawing", tool !== "select");
  document.getElementById("draw-hint").textContent = HINTS[tool];
  const box = document.getElementById("draw-options");
  box.textContent = "";
  const choice = (id, name, values, value) => {
    const label = document.createElement("label"); label.textContent = name;
    const select = document.createElement("select"); select.id = id;
    for (const [v, text] of values) { const o = document.createElement("option"); o.value = v; o.textContent = text; select.appendChild(o); }
    if (value !== undefined) select.value = value;
    label.appendChild(select); box.appendChild(label); return select;
  };
  const field = (id, name, type, placeholder) => {
    const label = document.createElement("label"); label.textContent = name;
    const input = document.createElement("input"); input.id = id; input.type = type; input.step = "any";
    if (placeholder) input.placeholder = placeholder;
    label.appendChild(input); box.appendChild(label); return input;
  };
  const v = state.vocabulary || { materials: ["opaque", "glass"], openingTypes: ["door", "window", "passage"], categories: [] };
  if (tool === "wall") {
    choice("draw-material", t("plannerMaterial"), v.materials.map(m => [m, m]));
    field("draw-height", t("plannerHeight"), "number", t("plannerFloorToCeiling"));
  } else if (tool === "opening") {
    choice("draw-opening", t("plannerType"), v.openingTypes.map(k => [k, k]));
    choice("draw-state", t("plannerDoorState"), [["open", t("plannerOpen")], ["closed", t("plannerClosed")]]);
  } else if (tool === "zone") {
    choice("draw-category", t("plannerCategory"),
      v.categories.map(c => [c.category, (c.name ? c.name + " · " : "") + c.category + (c.prohibited ? t("plannerArt8Item", c.item) : "")]), "room");
    field("draw-name", t("plannerName"), "text", t("plannerNameExample"));
  } else if (tool === "scale") {
    const metres = field("scale-metres", t("plannerDistance"), "number", t("plannerBetweenPoints"));
    const b = document.createElement("button"); b.id = "scale-apply"; b.textContent = t("plannerSetScale"); b.disabled = true;
    b.addEventListener("click", () => {
      const d = Number(metres.value);
      if (!(d > 0) || state.draft.length < 2) { status(t("plannerScaleNeedsPoints"), true); return; }
      const [from, to] = state.draft;
      state.draft = []; drawDraft();
      placePicture({ calibrate: { from, to, metres: d } }).then(() => { fit(); status(t("plannerScaleSet", d)); });
      document.getElementById("scale-apply").disabled = true;
    });
    box.appendChild(b);
  }
  drawDraft();
}
/// Snaps a point to a wall end or zone corner of the level within 10 screen
/// pixels; an opening's end to the nearest point of a wall within 15.
function snap(p) {
  const unit = 1 / svg.getScreenCTM().a;
  const vertices = [], segments = [];
  for (const f of features()) {
    if (levelOf(f) !== state.level || !f.geometry) continue;
    const k = f.properties.kind;
    if (k !== "wall" && k !== "zone") continue;
    const g = f.geometry;
    const lines = g.type === "LineString" ? [g.coordinates] : g.type === "Polygon" ? g.coordinates :
      g.type === "MultiLineString" ? g.coordinates : [];
    for (const line of lines) {
      line.forEach(q => vertices.push(q));
      if (k === "wall") for (let i = 1; i < line.length; i++) segments.push([line[i - 1], line[i]]);
    }
  }
  if (state.tool === "zone" && state.draft.length > 2) vertices.push(state.draft[0]);
  let best = null, bestD = 10 * unit;
  for (const q of vertices) { const d = Math.hypot(q[0] - p[0], q[1] - p[1]); if (d < bestD) { best = q; bestD = d; } }
  if (best) return best.slice();
  if (state.tool === "opening") {
    bestD = 15 * unit;
    for (const [a, b] of segments) {
      const dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
      const t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
      const q = [a[0] + t * dx, a[1] + t * dy], d = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (d < bestD) { best = q; bestD = d; }
    }
    if (best) return [round(best[0]), round(best[1])];
  }
  return [round(p[0]), round(p[1])];
}
function addDraftPoint(p) {
  const last = state.draft[state.draft.length - 1];
  if (last && Math.hypot(last[0] - p[0], last[1] - p[1]) < 1e-9) return;  // the second click of a double-click
  if (state.tool === "zone" && state.draft.length > 2 && p[0] === state.draft[0][0] && p[1] === state.draft[0][1]) { finishDraft(); return; }
  state.draft.push(p);
  if (state.tool === "opening" && state.draft.length === 2) { finishDraft(); return; }
  if (state.tool === "scale") {
    if (state.draft.length > 2) state.draft = [p];
    const apply = document.getElementById("scale-apply");
    if (apply) apply.disabled = state.draft.length !== 2;
    if (state.draft.length === 2) document.getElementById("scale-metres").focus();
  }
  drawDraft();
}
function drawDraft() {
  const layer = document.getElementById("layer-draft");
  layer.textContent = "";
  if (!state.draft.length) return;
  el("polyline", { points: state.draft.map(q => toSVG(q).join(",")).join(" "), class: "draft" }, layer);
  for (const q of state.draft) { const [x, y] = toSVG(q); el("circle", { cx: x, cy: y, r: .12, class: "draft-point" }, layer); }
}
function finishDraft() {
  const points = state.draft;
  const tool = state.tool;
  if (tool === "wall" && points.length >= 2) {
    const props = { material: document.getElementById("draw-material").value };
    const h = document.getElementById("draw-height").value;
    if (h !== "") props.height = Number(h);
    addFeature(Object.assign({ kind: "wall", geometry: { type: "LineString", coordinates: points } }, props));
  } else if (tool === "opening" && points.length === 2) {
    const type = document.getElementById("draw-opening").value, props = { openingType: type };
    if (type === "door") props.state = document.getElementById("draw-state").value;
    addFeature(Object.assign({ kind: "opening", geometry: { type: "LineString", coordinates: points } }, props));
  } else if (tool === "zone" && points.length >= 3) {
    const props = { category: document.getElementById("draw-category").value };
    const name = document.getElementById("draw-name").value.trim();
    if (name) props.name = name;
    addFeature(Object.assign({ kind: "zone", geometry: { type: "Polygon", coordinates: [points.concat([points[0]])] } }, props));
  } else if (tool === "wall" || tool === "zone") {
    status(t(tool === "wall" ? "plannerWallNeedsPoints" : "plannerZoneNeedsCorners"), true);
    return;
  } else return;
  state.draft = []; drawDraft();
}
async function afterFeatureChange(findings) {
  state.findings = findings;
  [state.plan, state.views, state.backgrounds] = await Promise.all([api("GET", "/api/plan"), fetchViews(), api("GET", "/api/backgrounds")]);
  state.fixFor = undefined;
  draw();
}
async function addFeature(body, fromHistory) {
  if (state.plan.plan.levels && state.plan.plan.levels.length > 1 && !body.level) body.level = state.level;
  try {
    status(t("plannerChecking"));
    const r = await api("POST", "/api/features", body);
    const full = Object.assign({}, body, { id: r.id });
    if (!fromHistory) remember(() => deleteFeature(r.id, true), () => addFeature(full, true));
    await afterFeatureChange(r.findings);
    status(t("plannerAdded", r.id));
    return r.id;
  } catch (err) { status(err.message, true); }
}
function featureById(id) { return features().find(f => String(f.id) === id); }
async function deleteFeature(id, fromHistory) {
  const f = featureById(id);
  if (!f) return;
  const body = Object.assign({}, f.properties, { id: String(f.id), geometry: f.geometry });
  try {
    const findings = await api("DELETE", "/api/features/" + encodeURIComponent(id));
    if (!fromHistory) remember(() => addFeature(body, true), () => deleteFeature(id, true));
    if (state.selectedFeature === id) state.selectedFeature = null;
    await afterFeatureChange(findings);
    status(t("plannerDeleted", id));
  } catch (err) { status(err.message, true); }
}
async function patchFeature(id, change, fromHistory) {
  const f = featureById(id);
  if (!f) return;
  const inverse = {};
  for (const k of Object.keys(change)) inverse[k] = f.properties[k] ?? null;
  try {
    const findings = await api("PATCH", "/api/features/" + encodeURIComponent(id), change);
    if (!fromHistory) remember(() => patchFeature(id, inverse, true), () => patchFeature(id, change, true));
    await afterFeatureChange(findings);
  } catch (err) { status(err.message, true); await afterFeatureChange(state.findings); }
}
const selectedClass = f => (state.selectedFeature === String(f.id) ? " feature-selected" : "")
  + ((state.problems || []).some(p => p.feature === String(f.id)) ? " has-problem" : "");
function selectable(shape, f) {
  shape.addEventListener("click", e => {
    if (state.tool !== "select") return;
    e.stopPropagation();
    state.selectedFeature = String(f.id); draw();
  });
}
function drawFeaturePanel() {
  const panel = document.getElementById("feature-panel");
  panel.textContent = "";
  const f = state.selectedFeature && featureById(state.selectedFeature);
  if (!f) { const p = document.createElement("p"); p.textContent = t("plannerSelectFeature"); panel.appendChild(p); return; }
  const id = String(f.id), p = f.properties;
  const title = document.createElement("p"); title.style.fontWeight = "600"; title.textContent = t("plannerKind" + p.kind[0].toUpperCase() + p.kind.slice(1)) + " " + id; panel.appendChild(title);
  const choice = (name, key, values) => {
    const label = document.createElement("label"); label.textContent = name;
    const select = document.createElement("select"); select.id = "feature-" + key;
    for (const v of values) { const o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o); }
    select.value = p[key] || values[0];
    select.addEventListener("change", () => patchFeature(id, { [key]: select.value }));
    label.appendChild(select); panel.appendChild(label);
  };
  const v = state.vocabulary;
  if (p.kind === "zone") choice(t("plannerCategory"), "category", v.categories.map(c => c.category));
  if (p.kind === "wall") choice(t("plannerMaterial"), "material", v.materials);
  if (p.kind === "opening") {
    choice(t("plannerType"), "openingType", v.openingTypes);
    if (p.openingType === "door") choice(t("plannerDoorState"), "state", ["open", "closed"]);
  }
  if (p.kind === "zone" || p.kind === "wall") {
    const key = p.kind === "zone" ? "name" : "height";
    const label = document.createElement("label"); label.textContent = t(p.kind === "zone" ? "plannerName" : "plannerHeight");
    const input = document.createElement("input"); input.id = "feature-" + key; input.type = p.kind === "zone" ? "text" : "number"; input.step = "any";
    if (p[key] !== undefined) input.value = p[key];
    input.addEventListener("change", () => patchFeature(id, { [key]: input.value === "" ? null : p.kind === "zone" ? input.value : Number(input.value) }));
    label.appendChild(input); panel.appendChild(label);
  }
  const b = document.createElement("button"); b.id = "feature-delete"; b.textContent = t("plannerDeleteKey");
  b.addEventListener("click", () => deleteFeature(id)); panel.appendChild(b);
}

document.getElementById("level").addEventListener("change", e => {
  state.level = e.target.value; state.selected = null; state.selectedFeature = null; state.draft = [];
  document.getElementById("layer-background").textContent = "";
  fetchViews().then(v => { state.views = v; fit(); draw(); }).catch(err => status(err.message, true));
});
document.getElementById("undo").addEventListener("click", undo);
document.getElementById("redo").addEventListener("click", redo);
document.getElementById("add").addEventListener("click", () => add());
document.getElementById("save").addEventListener("click", save);
svg.addEventListener("wheel", e => {
  e.preventDefault();
  const k = e.deltaY > 0 ? 1.15 : 1 / 1.15, [px, py] = svgPoint(e), b = state.box;
  const x = px, y = -py;
  state.box = [x - (x - b[0]) * k, y - (y - b[1]) * k, b[2] * k, b[3] * k];
  svg.setAttribute("viewBox", state.box.join(" "));
}, { passive: false });
svg.addEventListener("pointerdown", e => {
  if (state.tool !== "select") return;
  if (e.target.closest(".camera") || e.target.classList.contains("handle")) return;
  const start = [e.clientX, e.clientY], b = state.box.slice(), scale = b[2] / svg.clientWidth;
  const move = ev => { state.box = [b[0] - (ev.clientX - start[0]) * scale, b[1] - (ev.clientY - start[1]) * scale, b[2], b[3]];
    svg.setAttribute("viewBox", state.box.join(" ")); };
  const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
  window.addEventListener("pointermove", move); window.addEventListener("pointerup", up);
});
document.addEventListener("keydown", e => {
  if (e.target.tagName === "INPUT" || e.target.tagName === "SELECT" || e.target.tagName === "TEXTAREA") return;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && e.key === "z") { e.preventDefault(); undo(); return; }
  if (ctrl && (e.key === "y" || (e.shiftKey && e.key === "Z"))) { e.preventDefault(); redo(); return; }
  if (ctrl && e.key === "s") { e.preventDefault(); save(); return; }
  if (state.tool !== "select") {
    if (e.key === "Escape") { state.draft = []; drawDraft(); return; }
    if (e.key === "Enter") { finishDraft(); return; }
  }
  const tool = TOOLS.find(t => t[2].toLowerCase() === e.key);
  if (tool && !ctrl) { setTool(tool[0]); return; }
  if (state.selectedFeature && e.key === "Delete") { deleteFeature(state.selectedFeature); return; }
  if (e.key === "a" && !ctrl) { add(); return; }
  if (e.key === "n") {
    const ids = features().filter(f => f.properties.kind === "camera" && levelOf(f) === state.level).map(f => String(f.id));
    if (ids.length) { state.selected = ids[(ids.indexOf(state.selected) + 1) % ids.length]; draw(); }
    return;
  }
  const f = state.selected && cameraFeature(state.selected);
  if (!f) return;
  const step = e.shiftKey ? 1 : 0.1, c = f.geometry.coordinates;
  const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  if (moves[e.key]) { e.preventDefault(); edit(state.selected, { position: [round(c[0] + moves[e.key][0]), round(c[1] + moves[e.key][1])] }); }
  else if (e.key === "[" || e.key === "]") {
    const h = ((f.properties.heading || 0) + (e.key === "]" ? 5 : -5) + 360) % 360;
    edit(state.selected, { heading: h });
  } else if (e.key === "Delete") remove(state.selected);
});
svg.addEventListener("click", e => {
  if (state.tool === "select") return;
  e.preventDefault();
  addDraftPoint(snap(svgPoint(e)));
});
svg.addEventListener("dblclick", e => { if (state.tool === "wall" || state.tool === "zone") { e.preventDefault(); finishDraft(); } });
document.getElementById("picture-file").addEventListener("change", e => { if (e.target.files[0]) uploadPicture(e.target.files[0]); });
document.getElementById("picture-opacity").addEventListener("change", e => placePicture({ opacity: Number(e.target.value) }));
buildTools();
reload().then(() => status(t("plannerReady"))).catch(err => status(err.message, true));
