// Progressive enhancement only: every form works without this file.
// Inputs marked data-autocomplete="topics" or "entities" get their <datalist> refilled from the JSON API
// as the user types; before printing, every <details> is opened so sources appear on paper.
(function () {
  "use strict";

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments, self = this;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  function fill(list, items) {
    var seen = {};
    var options = [];
    items.forEach(function (item) {
      if (!item || !item.label || seen[item.label]) { return; }
      seen[item.label] = true;
      var option = document.createElement("option");
      option.value = item.label; // textContent/value only: labels are data, never markup
      options.push(option);
    });
    if (options.length) { list.replaceChildren.apply(list, options); }
  }

  function endpoint(input, q) {
    var lang = document.documentElement.lang || "da";
    var params = new URLSearchParams({ q: q, lang: lang });
    var root = document.body.dataset.root || "";
    if (input.dataset.autocomplete === "topics") { return root + "/api/topics?" + params; }
    params.set("limit", "20");
    if (input.dataset.kinds) { params.set("kinds", input.dataset.kinds); }
    return root + "/api/search?" + params;
  }

  function enhance(input) {
    var list = input.list || document.getElementById(input.getAttribute("list"));
    if (!list) { return; }
    var original = Array.prototype.slice.call(list.children).map(function (o) { return { label: o.value }; });
    var ask = debounce(function () {
      var q = input.value.trim();
      if (q.length < 2) { fill(list, original); return; }
      fetch(endpoint(input, q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (body) {
          var items = Array.isArray(body) ? body : (body.suggestions || body.candidates || []);
          fill(list, items.concat(original));
        })
        .catch(function () { /* offline or server error: keep the server-rendered list */ });
    }, 200);
    input.addEventListener("input", ask);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-autocomplete][list]").forEach(enhance);
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
}());
