/* planfolio search: instant, client-side, over search-index.js.
   The index is a script that sets window.PLANFOLIO_SEARCH_INDEX, so search
   works from file:// (where fetch() of local JSON is refused) and from any
   sub-path. No network request, no inline script, no innerHTML. */
(function () {
  "use strict";
  var MAX_RESULTS = 50;
  var KIND_LABELS = { plan: "Plan", investigation: "Investigation", assessment: "Assessment" };
  var KIND_ORDER = { plan: 0, investigation: 1, assessment: 2 };

  var input = document.getElementById("search-q");
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) return;

  var raw = window.PLANFOLIO_SEARCH_INDEX;
  if (!raw || !raw.documents || !raw.fields) {
    status.textContent = "The search index (search-index.js) did not load, so search is not available.";
    return;
  }
  var f = {};
  raw.fields.forEach(function (name, i) { f[name] = i; });
  var systems = raw.systems || [], owners = raw.owners || [], folders = raw.folders || {};
  var docs = raw.documents.map(function (row) {
    var d = {
      kind: row[f.kind], id: row[f.id], title: row[f.title],
      system: systems[row[f.system]] || "", owner: owners[row[f.owner]] || "", text: row[f.text] || ""
    };
    d.url = (folders[d.kind] || d.kind + "s/") + d.id + ".html";
    d.idL = d.id.toLowerCase();
    d.titleL = d.title.toLowerCase();
    d.metaL = (d.system + "\n" + d.owner).toLowerCase();
    d.textL = d.text.toLowerCase();
    return d;
  });

  /* Ranking: an exact id first, then an id prefix, then title, system or
     owner, then body text. Every word of the query must match somewhere. */
  function score(d, phrase, words) {
    var s = 0;
    if (d.idL === phrase) s += 10000;
    else if (d.idL.indexOf(phrase) === 0) s += 5000;
    else if (d.idL.indexOf(phrase) >= 0) s += 3000;
    if (d.titleL.indexOf(phrase) === 0) s += 2500;
    else if (d.titleL.indexOf(phrase) >= 0) s += 2000;
    if (d.metaL.indexOf(phrase) >= 0) s += 1000;
    if (d.textL.indexOf(phrase) >= 0) s += 200;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (d.idL.indexOf(w) >= 0) s += 80;
      else if (d.titleL.indexOf(w) >= 0) s += 60;
      else if (d.metaL.indexOf(w) >= 0) s += 40;
      else if (d.textL.indexOf(w) >= 0) s += 10;
      else return 0;
    }
    return s;
  }

  function search(query) {
    var phrase = query.trim().toLowerCase().replace(/\s+/g, " ");
    if (!phrase) return [];
    var words = phrase.split(" ");
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var s = score(docs[i], phrase, words);
      if (s > 0) hits.push({ doc: docs[i], score: s });
    }
    hits.sort(function (a, b) {
      if (b.score !== a.score) return b.score - a.score;
      if (KIND_ORDER[a.doc.kind] !== KIND_ORDER[b.doc.kind]) return KIND_ORDER[a.doc.kind] - KIND_ORDER[b.doc.kind];
      return a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0;
    });
    return hits;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var announceTimer = null;
  function announce(text) {
    clearTimeout(announceTimer);
    // A short pause, so a screen reader hears the count once typing stops.
    announceTimer = setTimeout(function () { status.textContent = text; }, 250);
  }

  function render(query) {
    var hits = search(query);
    while (list.firstChild) list.removeChild(list.firstChild);
    var shown = hits.slice(0, MAX_RESULTS);
    shown.forEach(function (hit) {
      var d = hit.doc;
      var li = el("li", "search-result");
      var a = el("a", "result-link");
      a.href = d.url;
      a.appendChild(el("span", "result-kind badge tone-grey", KIND_LABELS[d.kind] || d.kind));
      a.appendChild(document.createTextNode(" "));
      a.appendChild(el("span", "result-id", d.id));
      a.appendChild(document.createTextNode(" "));
      a.appendChild(el("span", "result-title", d.title));
      li.appendChild(a);
      var meta = [d.system, d.owner].filter(Boolean).join(" · ");
      if (meta) li.appendChild(el("p", "result-meta", meta));
      if (d.text) li.appendChild(el("p", "result-text", d.text));
      list.appendChild(li);
    });
    if (!query.trim()) {
      announce("");
    } else if (hits.length === 0) {
      announce("No documents match \u201c" + query.trim() + "\u201d.");
    } else {
      var text = hits.length === 1 ? "1 document matches" : hits.length + " documents match";
      if (hits.length > shown.length) text += "; the first " + shown.length + " are shown";
      announce(text + ".");
    }
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a.result-link")); }

  input.addEventListener("input", function () { render(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var first = links()[0];
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && at + 1 < all.length) {
      event.preventDefault(); all[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (at > 0) all[at - 1].focus(); else input.focus();
    } else if (event.key === "Escape") {
      event.preventDefault(); input.focus();
    }
  });
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      render(input.value);
      try {
        history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      } catch (e) { /* some browsers refuse this on file:// URLs; the search still works */ }
      var first = links()[0];
      if (first) first.focus();
    });
  }

  var initial = "";
  try { initial = new URLSearchParams(window.location.search).get("q") || ""; } catch (e) { initial = ""; }
  if (initial) {
    input.value = initial;
    render(initial);
  }
  var headerInput = document.getElementById("pf-site-search-q");
  if (headerInput && initial) headerInput.value = initial;
  input.focus();
})();
