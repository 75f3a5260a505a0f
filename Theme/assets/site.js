/* planfolio site script: sortable tables and filter chips on the list pages.
   Every page is complete without it; it only adds. No network request,
   no inline script, no innerHTML. */
(function () {
  "use strict";

  var FILTERS = [
    { attr: "lifecycle", label: "Lifecycle",
      order: ["overdue", "draft", "approved", "in progress", "completed", "superseded"] },
    { attr: "approval", label: "Approval", order: ["awaiting", "partial", "approved"],
      names: { awaiting: "Awaiting approval", partial: "Partially approved", approved: "Approved" } },
    { attr: "open", label: "Open or closed", order: ["open", "closed"] }
  ];

  /* Values as written in data-* attributes and in #key=value fragments
     compare alike: lower case, "-" "_" "+" as spaces, true/false as open/closed. */
  function norm(value) {
    var v = String(value || "").toLowerCase().replace(/[-_+]+/g, " ").replace(/\s+/g, " ").trim();
    if (v === "true") return "open";
    if (v === "false") return "closed";
    return v;
  }

  function cap(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  function cellKey(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var key = cell.getAttribute("data-sort");
    return (key !== null ? key : cell.textContent).trim();
  }

  function makeSortable(table) {
    var head = table.tHead && table.tHead.rows[0];
    var body = table.tBodies[0];
    if (!head || !body) return;
    var headers = Array.prototype.slice.call(head.cells);
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      var mark = document.createElement("span");
      mark.className = "sort-mark";
      mark.setAttribute("aria-hidden", "true");
      button.appendChild(mark);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellKey(a, index), y = cellKey(b, index);
          if (x === "" && y !== "") return 1;   // empty cells last either way
          if (y === "" && x !== "") return -1;
          var c = x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
          if (c === 0) c = cellKey(a, 0).localeCompare(cellKey(b, 0), undefined, { numeric: true });
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function readFragment() {
    var wanted = {};
    var hash = window.location.hash.replace(/^#/, "");
    hash.split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 1) return;
      var key, value;
      try {
        key = decodeURIComponent(part.slice(0, eq));
        value = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, " "));
      } catch (e) { return; }
      wanted[key] = norm(value);
    });
    return wanted;
  }

  function makeFilters(table) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var groups = [];
    var linked = readFragment();
    FILTERS.forEach(function (filter) {
      var seen = {}, any = false;
      rows.forEach(function (row) {
        var v = row.getAttribute("data-" + filter.attr);
        if (v !== null && norm(v) !== "") { seen[norm(v)] = true; any = true; }
      });
      // A link may ask for a state no row is in (a dashboard count of 0):
      // offer that chip too, so the list shows none and says so.
      if (any && linked[filter.attr]) seen[linked[filter.attr]] = true;
      var values = Object.keys(seen).sort(function (a, b) {
        var i = filter.order.indexOf(a), j = filter.order.indexOf(b);
        if (i < 0) i = 99;
        if (j < 0) j = 99;
        return i !== j ? i - j : a < b ? -1 : 1;
      });
      if (values.length > 0) groups.push({ filter: filter, values: values, selected: "" });
    });
    if (groups.length === 0) return;

    var noun = table.getAttribute("data-noun") || "rows";
    var box = document.createElement("div");
    box.className = "filters";
    var status = document.createElement("p");
    status.className = "filter-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    function apply(updateFragment) {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = groups.every(function (g) {
          return g.selected === "" || norm(row.getAttribute("data-" + g.filter.attr)) === g.selected;
        });
        row.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (g) {
        g.buttons.forEach(function (button) {
          button.setAttribute("aria-pressed", button.getAttribute("data-value") === g.selected ? "true" : "false");
        });
      });
      status.textContent = "Showing " + shown + " of " + rows.length + " " + noun + ".";
      if (updateFragment) {
        var parts = groups.filter(function (g) { return g.selected !== ""; }).map(function (g) {
          return g.filter.attr + "=" + encodeURIComponent(g.selected);
        });
        var hash = parts.length ? "#" + parts.join("&") : "";
        try {
          history.replaceState(null, "", window.location.pathname + window.location.search + hash);
        } catch (e) { /* file:// in some browsers; the filter still applies */ }
      }
    }

    function addChip(g, value) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "chip";
      button.setAttribute("data-value", value);
      button.textContent = value === "" ? "All" : (g.filter.names && g.filter.names[value]) || cap(value);
      button.addEventListener("click", function () {
        g.selected = value;
        apply(true);
      });
      g.buttons.push(button);
      g.set.appendChild(button);
    }

    groups.forEach(function (g) {
      g.set = document.createElement("fieldset");
      g.set.className = "filter-group";
      var legend = document.createElement("legend");
      legend.textContent = g.filter.label;
      g.set.appendChild(legend);
      g.buttons = [];
      [""].concat(g.values).forEach(function (value) { addChip(g, value); });
      box.appendChild(g.set);
    });
    box.appendChild(status);
    var anchor = table.closest(".table-wrap") || table;
    anchor.parentNode.insertBefore(box, anchor);

    function fromFragment() {
      var wanted = readFragment();
      groups.forEach(function (g) {
        var v = wanted[g.filter.attr] || "";
        if (v && g.values.indexOf(v) < 0) {
          g.values.push(v);
          addChip(g, v);
        }
        g.selected = v;
      });
      apply(false);
    }
    window.addEventListener("hashchange", fromFragment);
    fromFragment();
  }

  function start() {
    var tables = document.querySelectorAll("table[data-sortable]");
    Array.prototype.forEach.call(tables, function (table) {
      makeSortable(table);
      makeFilters(table);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
