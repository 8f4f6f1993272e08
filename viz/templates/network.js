/* samarbejdskort: the interactive diagram page. Reads its data from the JSON block, never from the URL.
   All text reaches the DOM through textContent or vis-network's plain-text tooltips, never innerHTML. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("samarbejdskort-data").textContent);
  var UI = D.ui;
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);

  function keys(list) { return list.map(function (pair) { return pair[0]; }); }
  var ALL = {
    sectors: new Set(keys(D.filters.sectors)),
    kinds: new Set(keys(D.filters.forum_kinds)),
    statuses: new Set(keys(D.filters.statuses)),
  };
  var state = {
    sectors: new Set(ALL.sectors), cluster: "", kinds: new Set(ALL.kinds),
    statuses: new Set(ALL.statuses), date: "",
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
  function nodeVisible(n) {
    var f = n.f || {};
    if (ALL.sectors.has(f.sector || "none") && !state.sectors.has(f.sector || "none")) { return false; }
    if (state.cluster && (f.clusters || []).indexOf(state.cluster) < 0) { return false; }
    if (f.forum_kind && !state.kinds.has(f.forum_kind)) { return false; }
    return statusOk(f) && inForce(f, state.date);
  }
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
    stable: false, stableAt: null, focusEntity: focusEntity,
  };
  window.samarbejdskort = api;

  function markStable() {
    if (api.stable) { return; }
    api.stable = true;
    api.stableAt = performance.now();
    document.body.setAttribute("data-stable", "true");
  }
  if (D.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      markStable();
    });
  } else {
    network.once("afterDrawing", markStable);
  }
  network.setData({ nodes: nodeView, edges: edgeView });
  if (!D.physics) { network.fit(); }

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
    if (!nodes.get(id)) { say(UI.not_found); return false; }
    if (!nodeView.get(id)) { say(UI.hidden); return false; }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(1.0, network.getScale()), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    var n = nodes.get(id);
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

  /* ------------------------------------------------------------------ filters */
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    document.getElementById("filter-count").textContent =
      UI.shown + ": " + nodeView.length + " / " + nodes.length + " " + UI.nodes;
  }
  function checkboxes(boxId, list, set) {
    var box = document.getElementById(boxId);
    if (!list.length) { box.hidden = true; return; }
    list.forEach(function (pair) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = pair[0];
      input.addEventListener("change", function () {
        if (input.checked) { set.add(pair[0]); } else { set.delete(pair[0]); }
        refresh();
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + pair[1]));
      box.appendChild(label);
    });
  }
  checkboxes("filter-sector", D.filters.sectors, state.sectors);
  checkboxes("filter-forum-kind", D.filters.forum_kinds, state.kinds);
  checkboxes("filter-status", D.filters.statuses, state.statuses);
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
    ["filter-sector", "filter-forum-kind", "filter-status"].forEach(function (boxId) {
      var box = document.getElementById(boxId);
      box.querySelectorAll("input").forEach(function (c) {
        (boxId === "filter-sector" ? state.sectors : boxId === "filter-status" ? state.statuses : state.kinds).add(c.value);
      });
    });
    refresh();
  });
  document.getElementById("print").addEventListener("click", function () { window.print(); });
  api.state = state;
  api.refresh = refresh;
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
