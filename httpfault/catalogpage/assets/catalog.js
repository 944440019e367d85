// The catalog page's table, filtered as one types. The server applies
// the same filter to what it sends (?q=, ?module=, ?status=), so the
// page works without script, and a link to a search shows its rows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) {
    return; // a code's page: nothing to filter
  }
  document.documentElement.classList.add("js");
  var q = form.elements.q, mod = form.elements.module, status = form.elements.status;
  var lang = document.getElementById("lang");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#codes tbody tr"));
  // What each row shows, once: the cells' text, as the server searches it.
  var text = rows.map(function (r) {
    return Array.prototype.map.call(r.cells, function (c) { return c.textContent; }).join("\n").toLowerCase();
  });
  var shown = document.getElementById("shown");
  var empty = document.getElementById("empty");

  function query() {
    var p = new URLSearchParams();
    [q, mod, status, lang].forEach(function (el) {
      var v = el.value.trim();
      if (v) { p.set(el.name, v); }
    });
    var s = p.toString();
    return s ? "?" + s : "";
  }

  function apply() {
    var needle = q.value.trim().toLowerCase(), m = mod.value, st = status.value, n = 0;
    rows.forEach(function (r, i) {
      var ok = (!m || r.getAttribute("data-module") === m) &&
               (!st || r.getAttribute("data-status") === st) &&
               (!needle || text[i].indexOf(needle) >= 0);
      r.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = String(n);
    empty.hidden = n > 0;
    history.replaceState(null, "", location.pathname + query());
  }

  q.addEventListener("input", apply);
  mod.addEventListener("change", apply);
  status.addEventListener("change", apply);
  // The texts of another language come from the server.
  lang.addEventListener("change", function () { location.search = query(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  empty.hidden = Number(shown.textContent) > 0;
})();
