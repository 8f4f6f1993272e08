/* samarbejdskort: the interactive diagram page. Reads its data from the JSON block, never from the URL.
   All text reaches the DOM through textContent or vis-network's plain-text tooltips, never innerHTML.

   Readable on first paint: labels never scale with the zoom below MIN_FONT px on screen. The page shows
   what fits at that size – an organisation diagram opens with its bodies (seats folded into their forum,
   unfolded on click), a network opens with each health cluster folded into one node when everything would
   not fit (unfolded on click) – and a breadcrumb leads back to the overview. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("samarbejdskort-data").textContent);
  var UI = D.ui;
  var MIN_FONT = D.minFont;
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var FULL = {};  // the full layout (seats in place), to return to when a forum unfolds
  D.nodes.forEach(function (n) { if (typeof n.x === "number") { FULL[n.id] = [n.x, n.y]; } });

  function keys(list) { return list.map(function (pair) { return pair[0]; }); }
  var ALL = {
    sectors: new Set(keys(D.filters.sectors)),
    kinds: new Set(keys(D.filters.forum_kinds)),
    statuses: new Set(keys(D.filters.statuses)),
  };
  var state = {
    sectors: new Set(ALL.sectors), cluster: "", kinds: new Set(ALL.kinds),
    statuses: new Set(ALL.statuses), date: "", expanded: new Set(D.expanded || []),
  };

  function inForce(f, date) {
    if (!date) { return true; }
    if (f.valid_from && date < f.valid_from) { return false; }
    return !(f.valid_until && date > f.valid_until);
  }
  function statusOk(f) {
    var s = f.status || "none";
    return !ALL.statuses.has(s) || state.statuses.has(s);
  }
  function filtered(n) {
    var f = n.f || {};
    if (ALL.sectors.has(f.sector || "none") && !state.sectors.has(f.sector || "none")) { return false; }
    if (state.cluster && (f.clusters || []).indexOf(state.cluster) < 0) { return false; }
    if (f.forum_kind && !state.kinds.has(f.forum_kind)) { return false; }
    return statusOk(f) && inForce(f, state.date);
  }
  function unfolded(n) {
    /* A folded node (seat, deep unit) shows when everything it folds into is unfolded. */
    for (var hops = 0; n && n.p && hops < 64; hops++) {
      if (!state.expanded.has(n.p)) { return false; }
      n = nodes.get(n.p);
    }
    return true;
  }
  function nodeVisible(n) { return unfolded(n) && filtered(n); }
  function edgeVisible(e) {
    var a = nodes.get(e.from), b = nodes.get(e.to);
    return !!a && !!b && nodeVisible(a) && nodeVisible(b) && statusOk(e.f || {}) && inForce(e.f || {}, state.date);
  }
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });

  var container = document.getElementById("network");
  var network = new vis.Network(container, {}, D.options);
  var api = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    stable: false, stableAt: null, focusEntity: focusEntity, minFont: MIN_FONT, state: state,
  };
  window.samarbejdskort = api;

  /* ------------------------------------------------------------------ layout and zoom */
  function useLayout() {
    /* Bodies only: the compact overview layout. Any forum unfolded: the full layout, seats in place. */
    if (!D.overview) { return; }
    var table = state.expanded.size ? FULL : D.overview;
    var moves = [];
    Object.keys(table).forEach(function (id) { moves.push({ id: id, x: table[id][0], y: table[id][1] }); });
    nodes.update(moves);
  }
  function minScale(ids) {
    /* The zoom at which the smallest label among ids is MIN_FONT px on screen. */
    var smallest = 99;
    ids.forEach(function (id) {
      var n = network.body.nodes[id];
      if (n && n.options.font && n.options.font.size) { smallest = Math.min(smallest, n.options.font.size); }
    });
    return smallest === 99 ? 1 : MIN_FONT / smallest;
  }
  function shown() { return network.body.nodeIndices.slice(); }
  var guard = null;  // what the page last fitted: kept legible until the user zooms or drags
  function legibleFit(ids) {
    /* Fit ids; if that makes labels too small, zoom to the smallest legible scale at the top of ids. */
    ids = ids && ids.length ? ids : shown();
    guard = ids;
    network.fit({ nodes: ids, animation: false });
    return clamp(ids);
  }
  function clamp(ids) {
    var least = minScale(ids);
    if (network.getScale() >= least - 1e-6) { return true; }
    var box = bounds(ids);
    var h = container.clientHeight;
    var y = D.overview ? box.top + (h / 2 - 40) / least : (box.top + box.bottom) / 2;  // a tree: from its top
    network.moveTo({ scale: least, position: { x: (box.left + box.right) / 2, y: y }, animation: false });
    return false;
  }
  /* vis-network fits the whole view by itself after data changes (on its own schedule): put the zoom back
     to legible whenever that happens, until the user takes over. */
  network.on("afterDrawing", function () {
    if (guard && network.getScale() < minScale(guard) - 1e-6) { clamp(guard); }
  });
  network.on("zoom", function () { guard = null; });
  network.on("dragStart", function () { guard = null; });
  function bounds(ids) {
    var box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    ids.forEach(function (id) {
      var n = network.body.nodes[id];
      if (!n) { return; }
      var bb = n.shape.boundingBox;
      box.left = Math.min(box.left, bb.left); box.right = Math.max(box.right, bb.right);
      box.top = Math.min(box.top, bb.top); box.bottom = Math.max(box.bottom, bb.bottom);
    });
    return box;
  }
  function fits(ids) {
    network.fit({ nodes: ids, animation: false });
    return network.getScale() >= minScale(ids);
  }

  /* ------------------------------------------------------------------ folding health clusters */
  var GROUPS = D.groups || [];
  function fold() {
    /* One node per health cluster holding its members (vis-network clustering); members keep their
       positions and come back on click. */
    GROUPS.forEach(function (g) {
      var id = "fold:" + g[0];
      if (network.body.nodes[id]) { return; }
      var members = nodeView.getIds().filter(function (nid) { var n = nodes.get(nid); return n.g === g[0]; });
      if (members.length < 2) { return; }
      network.cluster({
        joinCondition: function (o) { return o.g === g[0] && nodeView.get(o.id) !== null; },
        clusterNodeProperties: {
          id: id, label: g[1] + "\n(" + members.length + " " + UI.nodes + ")", shape: "box", borderWidth: 2,
          margin: 10, font: { size: 16, face: "DejaVu Sans" }, title: g[1] + " – " + UI.unfold,
          color: { background: "#ffffff", border: "#444444" }, shapeProperties: { borderRadius: 6 },
        },
      });
      if (settled[id]) { network.moveNode(id, settled[id].x, settled[id].y); }
    });
    api.folded = true;
  }
  var settled = {};  // where each folded cluster came to rest the first time (it comes back there)
  function settle(done) {
    /* vis-network puts a folded cluster at the middle of its members, which may be on top of another
       entity: let the folded view run a short physics pass, once, so nothing covers anything. */
    if (!D.physics || !api.folded) { untangle(); done(); return; }
    network.setOptions({ physics: { enabled: true, forceAtlas2Based: { gravitationalConstant: -160, springLength: 160 } } });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      var ids = shown().filter(function (id) { return network.isCluster(id); });
      var at = network.getPositions(ids);
      ids.forEach(function (id) { settled[id] = at[id]; });
      untangle();
      done();
    });
    network.stabilize(120);
  }
  function untangle() {
    /* Physics keeps shapes apart but not the labels under them: push apart, along the shorter way out,
       any two entities whose drawn boxes (shape and label) still overlap. Small views only (a big view's
       server layout has no overlaps). */
    if (!D.physics) { return; }
    var ids = shown(), pad = 6, moved = false;
    var box = ids.map(function (id) {
      var b = network.getBoundingBox(id), n = network.body.nodes[id];
      return { id: id, x: n.x, y: n.y, l: b.left - n.x, r: b.right - n.x, t: b.top - n.y, b: b.bottom - n.y };
    });
    for (var round = 0; round < 60; round++) {
      var clash = false;
      for (var i = 0; i < box.length; i++) {
        for (var j = i + 1; j < box.length; j++) {
          var a = box[i], c = box[j];
          var ox = Math.min(a.x + a.r, c.x + c.r) - Math.max(a.x + a.l, c.x + c.l) + pad;
          var oy = Math.min(a.y + a.b, c.y + c.b) - Math.max(a.y + a.t, c.y + c.t) + pad;
          if (ox <= 0 || oy <= 0) { continue; }
          clash = true;
          if (ox < oy) { var sx = a.x <= c.x ? 1 : -1; a.x -= sx * ox / 2; c.x += sx * ox / 2; }
          else { var sy = a.y <= c.y ? 1 : -1; a.y -= sy * oy / 2; c.y += sy * oy / 2; }
          moved = true;
        }
      }
      if (!clash) { break; }
    }
    if (moved) { box.forEach(function (p) { network.moveNode(p.id, p.x, p.y); }); }
  }
  function unfoldAll() {
    shown().forEach(function (id) { if (network.isCluster(id)) { network.openCluster(id); } });
    api.folded = false;
  }

  /* ------------------------------------------------------------------ breadcrumb */
  var crumbs = document.getElementById("crumbs");
  var trail = [];
  function drawCrumbs() {
    crumbs.textContent = "";
    var home = document.createElement("button");
    home.type = "button";
    home.textContent = UI.overview;
    home.addEventListener("click", overview);
    crumbs.appendChild(home);
    trail.forEach(function (item) {
      var sep = document.createElement("span");
      sep.textContent = " › ";
      sep.setAttribute("aria-hidden", "true");
      crumbs.appendChild(sep);
      var here = document.createElement("span");
      here.textContent = item;
      crumbs.appendChild(here);
    });
    crumbs.hidden = trail.length === 0;
  }
  function overview() {
    trail = [];
    state.expanded = new Set();
    useLayout();
    refresh();
    if (GROUPS.length) { unfoldAll(); if (!fits(shown())) { fold(); } }
    legibleFit();
    drawCrumbs();
  }

  function openUp(id) {
    /* Unfold whatever hides id: its forum (seats) or its health cluster. Returns the ids now opened. */
    var n = nodes.get(id);
    if (!n) { return []; }
    if (n.p && !unfolded(n)) {
      var chain = [];
      for (var up = n; up && up.p; up = nodes.get(up.p)) { chain.unshift(up.p); }
      chain.forEach(function (id) { state.expanded.add(id); });
      return toggleForum(n.p, true);
    }
    var path = network.findNode(id);
    if (path.length > 1 && network.isCluster(path[0])) { return openFold(path[0]); }
    return [];
  }
  function toggleForum(id, open) {
    var seats = nodes.getIds({ filter: function (s) { return s.p === id; } });
    if (!seats.length) { return []; }
    if (open === undefined) { open = !state.expanded.has(id); }
    if (open) { state.expanded.add(id); } else { state.expanded.delete(id); }
    if (open && !D.overview) { ring(id, seats); }
    useLayout();
    refresh();
    trail = [];  // the breadcrumb: what is unfolded, from the top down
    for (var at = nodes.get(id); at && open; at = at.p ? nodes.get(at.p) : null) {
      trail.unshift(at.label.replace(/\n/g, " "));
    }
    drawCrumbs();
    if (open) { legibleFit([id].concat(seats.filter(function (s) { return nodeView.get(s) !== null; }))); }
    else { legibleFit(); }
    return seats;
  }
  function ring(id, around) {
    /* A network has no layout for folded seats: set them in a ring round their forum, once. */
    var centre = network.getPositions([id])[id];
    if (!centre) { return; }
    var todo = around.filter(function (s) { return !placed.has(s); });
    var r = 140 + 12 * todo.length;
    nodes.update(todo.map(function (s, k) {
      placed.add(s);
      var a = 2 * Math.PI * k / todo.length;
      return { id: s, x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) };
    }));
  }
  var placed = new Set();
  function openFold(clusterId) {
    var members = network.getNodesInCluster(clusterId);
    var name = (network.body.nodes[clusterId].options.label || "").split("\n")[0];
    network.openCluster(clusterId);
    trail = [name];
    drawCrumbs();
    legibleFit(members);
    return members;
  }

  network.on("click", function (ev) {
    if (!ev.nodes.length) { return; }
    var id = ev.nodes[0];
    if (network.isCluster(id)) { openFold(id); return; }
    if (nodes.get(id)) { toggleForum(id); }
  });

  /* ------------------------------------------------------------------ first paint */
  var starting = false;
  function ready() {
    if (api.stable || starting) { return; }
    starting = true;
    if (GROUPS.length && !fits(shown())) { fold(); }
    settle(function () {
      legibleFit(D.start && D.start.length ? D.start : null);
      drawCrumbs();
      api.stable = true;
      api.stableAt = performance.now();
      document.body.setAttribute("data-stable", "true");
    });
  }
  if (D.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
  }
  useLayout();
  network.setData({ nodes: nodeView, edges: edgeView });

  /* ------------------------------------------------------------------ details of the selected entity */
  var status = document.getElementById("search-status");
  function say(text) { status.textContent = text; }
  network.on("selectNode", function (ev) {
    var n = nodes.get(ev.nodes[0]);
    if (n) { say(n.title || n.label); }
  });

  /* ------------------------------------------------------------------ search */
  var names = document.getElementById("search-names");
  var frag = document.createDocumentFragment();
  var seen = new Set();
  D.search.forEach(function (pair) {
    if (seen.has(pair[0])) { return; }
    seen.add(pair[0]);
    var opt = document.createElement("option");
    opt.value = pair[0];
    frag.appendChild(opt);
  });
  names.appendChild(frag);

  function find(text, exactOnly) {
    var q = text.trim().toLowerCase();
    if (!q) { return null; }
    var starts = null, contains = null;
    for (var i = 0; i < D.search.length; i++) {
      var label = D.search[i][0].toLowerCase();
      if (label === q) { return D.search[i][1]; }
      if (exactOnly) { continue; }
      if (starts === null && label.indexOf(q) === 0) { starts = D.search[i][1]; }
      if (contains === null && label.indexOf(q) > 0) { contains = D.search[i][1]; }
    }
    return exactOnly ? null : (starts || contains);
  }
  function focusEntity(id) {
    /* Search-to-focus: unfold what hides the entity, select it and zoom to it, legibly. */
    var n = nodes.get(id);
    if (!n) { say(UI.not_found); return false; }
    if (!filtered(n)) { say(UI.hidden); return false; }
    openUp(id);
    if (!nodeView.get(id)) { say(UI.hidden); return false; }
    network.selectNodes([id]);
    var scale = Math.max(network.getScale(), minScale([id]), 1.0);
    network.focus(id, { scale: scale, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    say(n.title || n.label);
    return true;
  }
  var search = document.getElementById("search");
  search.addEventListener("input", function () {
    var id = find(search.value, true);
    if (id) { focusEntity(id); }
  });
  function searchNow() {
    var id = find(search.value, false);
    if (id) { focusEntity(id); } else if (search.value.trim()) { say(UI.not_found); }
  }
  search.addEventListener("change", searchNow);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); searchNow(); }
  });

  /* ------------------------------------------------------------------ filters (absent when embedded: the
     page around the frame has the one filter panel) */
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    var count = document.getElementById("filter-count");
    if (count) {
      count.textContent = UI.shown + ": " + nodes.get({ filter: filtered }).length + " / " + nodes.length + " " + UI.nodes;
    }
  }
  function checkboxes(boxId, list, key) {
    var box = document.getElementById(boxId);
    if (!box) { return; }
    if (!list.length) { box.hidden = true; return; }
    list.forEach(function (pair) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = pair[0];
      input.addEventListener("change", function () {
        if (input.checked) { state[key].add(pair[0]); } else { state[key].delete(pair[0]); }
        refresh();
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + pair[1]));
      box.appendChild(label);
    });
  }
  if (document.getElementById("filters")) {
    checkboxes("filter-sector", D.filters.sectors, "sectors");
    checkboxes("filter-forum-kind", D.filters.forum_kinds, "kinds");
    checkboxes("filter-status", D.filters.statuses, "statuses");
    var cluster = document.getElementById("filter-cluster");
    D.filters.clusters.forEach(function (pair) {
      var opt = document.createElement("option");
      opt.value = pair[0];
      opt.textContent = pair[1];
      cluster.appendChild(opt);
    });
    if (!D.filters.clusters.length) { cluster.disabled = true; }
    cluster.addEventListener("change", function () { state.cluster = cluster.value; refresh(); });
    var date = document.getElementById("filter-date");
    date.addEventListener("change", function () { state.date = date.value; refresh(); });
    document.getElementById("filter-reset").addEventListener("click", function () {
      state.sectors = new Set(ALL.sectors); state.kinds = new Set(ALL.kinds);
      state.statuses = new Set(ALL.statuses); state.cluster = ""; state.date = "";
      document.querySelectorAll("#filters input[type=checkbox]").forEach(function (c) { c.checked = true; });
      cluster.value = ""; date.value = "";
      refresh();
    });
  }
  var print = document.getElementById("print");
  if (print) { print.addEventListener("click", function () { window.print(); }); }
  api.refresh = refresh;
  api.overview = overview;
  api.toggleForum = toggleForum;
  refresh();

  /* ------------------------------------------------------------------ legend */
  var legend = document.getElementById("legend");
  D.legend.forEach(function (item) {
    var li = document.createElement("li");
    var sw = document.createElement("span");
    sw.className = "swatch" + (item.what === "edge" ? " line" : "") + (item.shape ? " " + item.shape : "");
    if (item.fill) { sw.style.background = item.fill; }
    if (item.border) { sw.style.borderColor = item.border; }
    if (item.line) { sw.style.borderStyle = item.line; }
    var text = document.createElement("span");
    text.textContent = item.label;
    li.appendChild(sw);
    li.appendChild(text);
    legend.appendChild(li);
  });
})();
