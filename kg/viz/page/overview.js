/* kg viz, the overview of an archive: entities sized by how often they are quoted or named, coloured by
 * community, the heaviest named at load; statements, posts and articles on demand (click, expand).
 * Positions come from Python (ForceAtlas2 in networkx). Text from the graph is only ever set with
 * textContent, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var N = data.nodes, E = data.edges, S = data.statements, D = data.documents;
  var CARDS = 50;  // statements listed at once in the panel
  var UNFOLD = 200;  // statements an entity unfolds into in the picture (the panel lists them all)
  var EDGE_COLOURS = { "about": "#8a96a3", "post": "#f28e2b" };
  var kinds = {}, colours = {};
  data.kinds.forEach(function (k) { kinds[k.name] = k; });
  data.communities.forEach(function (c) { colours[c.c] = c.colour; });

  var el = kgElement;  // page/dom.js
  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }

  // -- the graph: every entity and edge is added once, hidden or shown by the scope ----------------------------
  var heaviest = Math.max.apply(null, N.map(function (n) { return n.w; }).concat([1]));
  var strongest = Math.max.apply(null, E.map(function (e) { return e.w; }).concat([1]));
  // Elements are made only when first shown: most of an archive lies below the threshold, and cytoscape
  // styles every element it holds, hidden or not.
  var nodeIn = N.map(function () { return false; }), edgeIn = E.map(function () { return false; });
  function nodeElement(i) {
    var n = N[i], share = Math.sqrt(n.w / heaviest);
    return { group: "nodes", data: { id: "n" + i, label: n.l, kind: n.k, colour: colours[n.c] || data.other,
                                     size: Math.round(26 + 100 * share), font: Math.round(11 + 14 * share) },
             position: { x: n.x, y: n.y } };
  }
  function edgeElement(j) {
    var e = E[j];
    return { group: "edges", data: { id: "e" + j, source: "n" + e.s, target: "n" + e.t, kind: e.k,
                                     colour: EDGE_COLOURS[e.k] || "#e15759", width: 0.8 + 5 * Math.sqrt(e.w / strongest) } };
  }
  function isShown(i) { return nodeIn[i] && !cy.getElementById("n" + i).hasClass("hidden"); }
  var style = [
    { selector: "node", style: {
      "label": "data(label)", "width": "data(size)", "height": "data(size)", "background-color": "data(colour)",
      "font-size": "data(font)", "min-zoomed-font-size": 9, "text-valign": "bottom", "text-margin-y": 2,
      "text-wrap": "ellipsis", "text-max-width": 200, "color": "#1d2329", "text-outline-color": "#fbfbfc",
      "text-outline-width": 2, "border-width": 1, "border-color": "rgba(0,0,0,.35)" } },
    { selector: "node.top", style: { "min-zoomed-font-size": 0, "font-weight": "bold", "z-index": 5 } },
    { selector: "node[kind = 'statement']", style: { "background-color": data.statement_colour, "shape": "round-triangle",
      "width": 12, "height": 12, "font-size": 8, "min-zoomed-font-size": 8, "color": "#6b2326" } },
    { selector: "edge", style: { "width": "data(width)", "line-color": "data(colour)", "opacity": 0.45,
      "curve-style": "bezier", "target-arrow-shape": "triangle", "target-arrow-color": "data(colour)", "arrow-scale": 0.7 } },
    { selector: "edge[kind = 'said']", style: { "line-color": data.statement_colour, "target-arrow-color": data.statement_colour,
      "opacity": 0.6, "width": 1 } },
    { selector: ".hidden", style: { "display": "none" } },
    { selector: ".faded", style: { "opacity": 0.12, "text-opacity": 0 } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#1d2329", "z-index": 10 } },
    { selector: "edge:selected", style: { "opacity": 1, "line-color": "#1d2329", "target-arrow-color": "#1d2329" } },
    { selector: ".match", style: { "border-width": 4, "border-color": "#2f6db5" } }
  ];
  data.kinds.forEach(function (k) {
    style.splice(2, 0, { selector: "node[kind = '" + k.name + "']", style: { "shape": k.shape } });
  });
  var cy = cytoscape({
    container: document.getElementById("cy"), elements: [], style: style, layout: { name: "preset", fit: false },
    minZoom: 0.02, maxZoom: 6, wheelSensitivity: 0.3, boxSelectionEnabled: false, motionBlur: false,
    textureOnViewport: true, hideEdgesOnViewport: N.length > 3000, pixelRatio: 1
  });
  window.kg = { cy: cy, data: data, ready: false };

  // -- the scope: kinds, article, publisher, dates, threshold --------------------------------------------------
  var scope = { threshold: data.threshold, kinds: {}, doc: "", publisher: "", from: "", to: "", pinned: {}, expanded: {} };
  data.kinds.forEach(function (k) { scope.kinds[k.name] = true; });
  var inScope = D.map(function () { return true; });
  var scoped = false;
  var weights = N.map(function (n) { return n.w; });
  var shown = [];

  function docsInScope() {
    scoped = !!(scope.doc || scope.publisher || scope.from || scope.to);
    inScope = D.map(function (d, i) {
      if (scope.doc !== "" && String(i) !== scope.doc) return false;
      if (scope.publisher && d.publisher !== scope.publisher) return false;
      if ((scope.from || scope.to) && !d.date) return false;  // a date range keeps only what is dated
      if (scope.from && d.date < scope.from) return false;
      if (scope.to && d.date > scope.to) return false;
      return true;
    });
  }
  function statementIn(s) { return !scoped || (S[s].d !== undefined && inScope[S[s].d]); }
  function weightOf(n) {
    if (!scoped) return n.w;
    var w = 0;
    n.s.forEach(function (s) { if (statementIn(s)) w++; });
    n.b.forEach(function (s) { if (statementIn(s)) w++; });
    n.d.forEach(function (d) { if (inScope[d]) w++; });
    return w;
  }

  function apply() {
    docsInScope();
    weights = N.map(weightOf);
    var hidden = { kind: 0, scope: 0, threshold: 0 };
    var visible = N.map(function (n, i) {
      if (!scope.kinds[n.k]) { hidden.kind++; return false; }
      if (scoped && weights[i] === 0) { hidden.scope++; return false; }
      if (weights[i] < scope.threshold && !scope.pinned[i]) { hidden.threshold++; return false; }
      return true;
    });
    var links = 0;
    var fresh = [];
    var wanted = E.map(function (e) { return visible[e.s] && visible[e.t] && (!scoped || !e.st || e.st.some(statementIn)); });
    visible.forEach(function (v, i) { if (v && !nodeIn[i]) { fresh.push(nodeElement(i)); nodeIn[i] = true; } });
    wanted.forEach(function (on, j) { if (on && !edgeIn[j]) { fresh.push(edgeElement(j)); edgeIn[j] = true; } });
    cy.batch(function () {
      if (fresh.length) cy.add(fresh);
      N.forEach(function (n, i) {
        if (!nodeIn[i]) return;
        var node = cy.getElementById("n" + i);
        if (visible[i]) node.removeClass("hidden"); else node.addClass("hidden");
        node.removeClass("top");
      });
      E.forEach(function (e, j) {
        if (wanted[j]) links++;
        if (!edgeIn[j]) return;
        var edge = cy.getElementById("e" + j);
        if (wanted[j]) edge.removeClass("hidden"); else edge.addClass("hidden");
      });
      shown = [];
      visible.forEach(function (v, i) { if (v) shown.push(i); });
      shown.sort(function (a, b) { return weights[b] - weights[a] || a - b; });
      shown.slice(0, data.labels).forEach(function (i) { cy.getElementById("n" + i).addClass("top"); });
    });
    Object.keys(scope.expanded).forEach(function (i) { if (!visible[i]) fold(Number(i)); });
    rescale();
    var parts = [];
    if (hidden.threshold) parts.push(plural(hidden.threshold, "entity").replace("entitys", "entities") +
                                     " quoted or named fewer than " + scope.threshold + " times");
    if (hidden.scope) parts.push(hidden.scope.toLocaleString("en") + " not in the chosen " +
                                 (scope.from || scope.to ? "dates" : "articles"));
    if (hidden.kind) parts.push(hidden.kind.toLocaleString("en") + " of the kinds unticked");
    var undated = D.filter(function (d) { return !d.date; }).length;
    document.getElementById("status").textContent = "Showing " + shown.length.toLocaleString("en") + " of " +
      plural(N.length, "entity").replace("entitys", "entities") + " and " + plural(links, "link") +
      (parts.length ? ". Hidden: " + parts.join("; ") + "." : ".") +
      ((scope.from || scope.to) && undated ? " " + plural(undated, "article") + " without a date left out." : "");
    window.kg.shown = shown.length;
    return shown.length;
  }

  // The heaviest visible entities keep a readable label at any zoom: 13 px on screen when zoomed out.
  function rescale() {
    var z = cy.zoom();
    cy.batch(function () {
      cy.nodes(".top").forEach(function (node) {
        node.style({ "font-size": Math.max(node.data("font"), 12 / z), "text-max-width": Math.max(200, 180 / z) });
      });
      cy.nodes().not(".top").removeStyle("font-size text-max-width");
    });
  }
  cy.on("zoom", rescale);

  // -- controls ----------------------------------------------------------------------------------------------
  var threshold = document.getElementById("threshold"), range = document.getElementById("threshold-range");
  var top = Math.max.apply(null, weights.concat([1]));
  threshold.max = range.max = String(Math.min(top, 500));
  threshold.value = range.value = String(scope.threshold);
  function setThreshold(value) {
    scope.threshold = Math.max(1, Math.floor(Number(value) || 1));
    threshold.value = range.value = String(scope.threshold);
    return apply();
  }
  threshold.addEventListener("change", function () { setThreshold(threshold.value); });
  range.addEventListener("input", function () { setThreshold(range.value); });
  var kindNav = document.getElementById("kinds");
  data.kinds.forEach(function (k) {
    var box = el("input", { type: "checkbox", value: k.name, "data-kind": k.name });
    box.checked = true;
    box.addEventListener("change", function () { scope.kinds[k.name] = box.checked; apply(); });
    kindNav.appendChild(el("label", { title: k.title }, box, k.title + " (" + k.count.toLocaleString("en") + ")"));
  });
  var docSelect = document.getElementById("document");
  D.map(function (d, i) { return i; }).sort(function (a, b) {
    return (D[b].date || "").localeCompare(D[a].date || "") || D[a].id.localeCompare(D[b].id);
  }).forEach(function (i) {
    var d = D[i];
    docSelect.appendChild(el("option", { value: String(i), text: (d.date ? d.date + " " : "") + (d.title || d.id) }));
  });
  var publishers = {};
  D.forEach(function (d) { if (d.publisher) publishers[d.publisher] = (publishers[d.publisher] || 0) + 1; });
  var pubSelect = document.getElementById("publisher");
  Object.keys(publishers).sort().forEach(function (p) {
    pubSelect.appendChild(el("option", { value: p, text: p + " (" + publishers[p] + ")" }));
  });
  pubSelect.disabled = Object.keys(publishers).length === 0;
  var dates = D.map(function (d) { return d.date; }).filter(Boolean).sort();
  var from = document.getElementById("from"), to = document.getElementById("to");
  if (dates.length) { from.min = to.min = dates[0]; from.max = to.max = dates[dates.length - 1]; }
  else { from.disabled = to.disabled = true; from.title = to.title = "no article has a date"; }
  docSelect.addEventListener("change", function () { scope.doc = docSelect.value; apply(); });
  pubSelect.addEventListener("change", function () { scope.publisher = pubSelect.value; apply(); });
  from.addEventListener("change", function () { scope.from = from.value; apply(); });
  to.addEventListener("change", function () { scope.to = to.value; apply(); });
  document.getElementById("reset").addEventListener("click", function () {
    scope.doc = scope.publisher = scope.from = scope.to = "";
    docSelect.value = pubSelect.value = from.value = to.value = "";
    scope.pinned = {};
    Object.keys(scope.kinds).forEach(function (k) { scope.kinds[k] = true; });
    kindNav.querySelectorAll("input").forEach(function (box) { box.checked = true; });
    setThreshold(data.threshold);
    fit();
  });
  var legend = document.getElementById("legend");
  legend.appendChild(el("span", { text: "Communities (Louvain):" }));
  data.communities.slice(0, 10).forEach(function (c) {
    legend.appendChild(el("span", { class: "community", title: plural(c.size, "entity").replace("entitys", "entities") },
                          el("span", { class: "swatch", style: "background:" + c.colour }), c.leader + " …"));
  });

  // -- search --------------------------------------------------------------------------------------------------
  var search = document.getElementById("search"), results = document.getElementById("results");
  var names = N.map(function (n) { return [n.l].concat(n.a || []).join("\u0001").toLowerCase(); });
  var found = [];
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results.textContent = "";
    found = [];
    if (!q) { results.hidden = true; return; }
    names.forEach(function (text, i) { if (text.indexOf(q) >= 0) found.push(i); });
    function rank(i) { var l = N[i].l.toLowerCase(); return l === q ? 0 : l.indexOf(q) === 0 ? 1 : 2; }
    found.sort(function (a, b) { return rank(a) - rank(b) || a - b; });  // the very name, names that start so, then the heaviest
    found.slice(0, 30).forEach(function (i, j) {
      var item = el("li", { role: "option", "data-node": N[i].id, "aria-selected": j === 0 ? "true" : "false" }, N[i].l,
                    el("span", { class: "kind", text: (kinds[N[i].k] || {}).title + " · " + N[i].w }));
      item.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
      results.appendChild(item);
    });
    if (!found.length) results.appendChild(el("li", { text: "no match" }));
    results.hidden = false;
  }
  function pick(i) { results.hidden = true; show(i); }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && found.length) pick(found[0]);
    if (ev.key === "Escape") { search.value = ""; runSearch(); }
  });
  search.addEventListener("blur", function () { results.hidden = true; });

  // -- the panel: details on demand ----------------------------------------------------------------------------
  var panel = document.getElementById("panel"), body = document.getElementById("panel-body");
  document.getElementById("close").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && ev.target !== search) closePanel(); });
  function closePanel() {
    panel.hidden = true;
    cy.elements().removeClass("faded");
    cy.elements(":selected").unselect();
    cy.resize();
  }
  function open() { panel.hidden = false; panel.scrollTop = 0; cy.resize(); }
  function nodeLink(i) {
    var a = el("a", { href: "#", "data-node": N[i].id, text: N[i].l });
    a.addEventListener("click", function (ev) { ev.preventDefault(); show(i); });
    return a;
  }
  function docLink(d) {
    var doc = D[d];
    var a = el("a", { href: "#", "data-document": doc.id, text: doc.title || doc.id });
    a.addEventListener("click", function (ev) { ev.preventDefault(); showDocument(d); });
    var bits = [doc.date, doc.publisher].filter(Boolean).join(", ");
    var span = el("span", { class: "article" }, "in ", a, bits ? " (" + bits + ")" : "");
    if (/^https?:\/\//.test(doc.url || "")) span.appendChild(el("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer", text: " ↗" }));
    return span;
  }
  function quote(s) {
    var st = S[s];
    return st.o ? st.s.slice(st.o[0], st.o[1]) : (st.t || "");
  }
  function card(s) {
    var st = S[s];
    var meta = el("div", { class: "meta" });
    if (st.by.length) { meta.appendChild(document.createTextNode("— ")); st.by.forEach(function (i, j) { if (j) meta.appendChild(document.createTextNode(", ")); meta.appendChild(nodeLink(i)); }); }
    var bits = [st.c ? "cue: " + st.c : "", st.k || "", st.m ? "to " + st.m : ""].filter(Boolean);
    if (bits.length) meta.appendChild(document.createTextNode(" · " + bits.join(" · ")));
    if (st.d !== undefined) { meta.appendChild(document.createTextNode(" · ")); meta.appendChild(docLink(st.d)); }
    var box = el("div", { class: "statement", "data-statement": data.base + st.id },
                 el("blockquote", { text: "“" + quote(s) + "”" }), meta);
    if (st.s) box.appendChild(el("div", { class: "sentence", title: "the source sentence (prov:wasDerivedFrom, nif:anchorOf)" },
                                 el("strong", { text: "Source: " }), st.s));
    return box;
  }
  function cards(title, list, id) {
    var mine = list.filter(statementIn);
    if (!mine.length) return null;
    var box = el("div", { class: "section", id: id }, el("h3", { text: title + " (" + mine.length +
                 (scoped && mine.length !== list.length ? " of " + list.length + ", in the chosen articles" : "") + ")" }));
    var more = el("button", { type: "button", class: "more", text: "show more" });
    var done = 0;
    function page() {
      mine.slice(done, done + CARDS).forEach(function (s) { box.insertBefore(card(s), more); });
      done = Math.min(done + CARDS, mine.length);
      if (done >= mine.length) more.remove(); else more.textContent = "show " + Math.min(CARDS, mine.length - done) + " more of " + (mine.length - done);
    }
    more.addEventListener("click", page);
    box.appendChild(more);
    page();
    return box;
  }
  function ties(i) {
    var out = [], into = [];
    E.forEach(function (e, j) { if (e.s === i) out.push(j); else if (e.t === i) into.push(j); });
    function list(title, items, other) {
      if (!items.length) return null;
      items.sort(function (a, b) { return E[b].w - E[a].w || a - b; });
      var ul = el("ul", { class: "ties" });
      items.slice(0, 25).forEach(function (j) {
        var e = E[j];
        var a = el("a", { href: "#", "data-edge": String(j), text: e.k + " " + N[other(e)].l + " (" + e.w + ")" });
        a.addEventListener("click", function (ev) { ev.preventDefault(); showEdge(j); });
        ul.appendChild(el("li", {}, a));
      });
      if (items.length > 25) ul.appendChild(el("li", { text: "… and " + (items.length - 25) + " more" }));
      return el("div", { class: "section" }, el("h3", { text: title + " (" + items.length + ")" }), ul);
    }
    return [list("Ties from it", out, function (e) { return e.t; }), list("Ties to it", into, function (e) { return e.s; })];
  }
  function render(i) {
    var n = N[i];
    body.textContent = "";
    body.appendChild(el("h2", { text: n.l }));
    var community = data.communities[n.c];
    body.appendChild(el("div", { class: "badge" }, (kinds[n.k] || {}).title || n.k,
                        community ? " · community of " + community.leader : ""));
    body.appendChild(el("div", { class: "iri", text: n.id }));
    body.appendChild(el("div", { class: "weights", text: "Quoted " + plural(n.q, "time") + "; named " + plural(n.n, "time") +
                                 " (in " + plural(n.b.length, "statement") + " and " + plural(n.d.length, "article") + ")" }));
    if (n.a) body.appendChild(el("div", { class: "section" }, el("h3", { text: "Also called" }), el("div", { text: n.a.join(", ") })));
    if (n.p) {
      var ul = el("ul");
      n.p.forEach(function (p) {
        ul.appendChild(el("li", {}, p[0], p[2] ? " (former)" : "", p[1] >= 0 ? " — " : "", p[1] >= 0 ? nodeLink(p[1]) : null));
      });
      body.appendChild(el("div", { class: "section", id: "posts" }, el("h3", { text: "Posts" }), ul));
    }
    if (n.s.length) {
      var expand = el("button", { type: "button", class: "expand", "data-expand": String(i),
                                  text: scope.expanded[i] ? "Fold its statements away" : "Show its statements in the picture" +
                                        (n.s.length > UNFOLD ? " (the first " + UNFOLD + " of " + n.s.length + ")" : "") });
      expand.addEventListener("click", function () { if (scope.expanded[i]) fold(i); else unfold(i); render(i); });
      body.appendChild(expand);
    }
    [cards("Statements", n.s, "statements"), cards("Statements about " + n.l, n.b, "about")].forEach(function (box) {
      if (box) body.appendChild(box);
    });
    ties(i).forEach(function (part) { if (part) body.appendChild(part); });
    if (n.d.length) {
      var docs = el("ul");
      n.d.slice(0, 30).forEach(function (d) { docs.appendChild(el("li", {}, docLink(d))); });
      if (n.d.length > 30) docs.appendChild(el("li", { text: "… and " + (n.d.length - 30) + " more" }));
      body.appendChild(el("div", { class: "section" }, el("h3", { text: "Articles (" + n.d.length + ")" }), docs));
    }
  }
  function focus(collection) {
    cy.batch(function () {
      cy.elements().addClass("faded");
      collection.removeClass("faded");
    });
  }
  function show(i) {
    if (typeof i === "string") i = N.findIndex(function (n) { return n.id === i; });
    if (i < 0 || !N[i]) return;
    var node = cy.getElementById("n" + i);
    if (!isShown(i)) {
      scope.pinned[i] = true;
      scope.kinds[N[i].k] = true;
      var box = document.querySelector('input[data-kind="' + N[i].k + '"]');
      if (box) box.checked = true;
      apply();
      node = cy.getElementById("n" + i);
    }
    render(i);
    open();
    cy.elements(":selected").unselect();
    node.select();
    var near = node.closedNeighborhood().filter(function (x) { return !x.hasClass("hidden"); });
    focus(near.union(near.edgesWith(near)));
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.8) }, { duration: 200 });
  }
  function showEdge(j) {
    var e = E[j], a = N[e.s], b = N[e.t];
    body.textContent = "";
    if (e.k === "about") {
      body.appendChild(el("h2", {}, "What ", nodeLink(e.s), " said about ", nodeLink(e.t)));
      body.appendChild(el("div", { class: "weights", text: plural(e.st.length, "statement") }));
      var behind = cards("Statements", e.st, "edge-statements");
      body.appendChild(behind || el("p", { text: "None in the chosen articles." }));
    } else if (e.k === "post") {
      body.appendChild(el("h2", {}, nodeLink(e.s), "’s posts in ", nodeLink(e.t)));
      body.appendChild(el("ul", { id: "edge-posts" }, ...(e.p || []).map(function (p) { return el("li", { text: p }); })));
    } else {
      body.appendChild(el("h2", {}, nodeLink(e.s), " " + e.k + " ", nodeLink(e.t)));
      body.appendChild(el("div", { class: "weights", text: plural(e.w, "event") + " in the text" }));
    }
    open();
    var edge = cy.getElementById("e" + j);
    cy.elements(":selected").unselect();
    edge.select();
    focus(edge.union(edge.connectedNodes()));
    window.kg.edge = j;
    return a.l + " → " + b.l;
  }
  function showDocument(d) {
    var doc = D[d];
    body.textContent = "";
    body.appendChild(el("h2", { text: doc.title || doc.id }));
    body.appendChild(el("div", { class: "badge", text: [doc.date, doc.publisher, doc.id].filter(Boolean).join(" · ") }));
    if (/^https?:\/\//.test(doc.url || "")) body.appendChild(el("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer", text: doc.url }));
    var only = el("button", { type: "button", class: "more", text: "Show only this article" });
    only.addEventListener("click", function () { scope.doc = docSelect.value = String(d); apply(); fit(); });
    body.appendChild(only);
    var list = [];
    S.forEach(function (st, s) { if (st.d === d) list.push(s); });
    var wasScoped = scoped; scoped = false;
    var box = cards("Statements", list, "document-statements");
    scoped = wasScoped;
    if (box) body.appendChild(box);
    open();
  }

  // -- a node unfolded into its statements, in place ----------------------------------------------------------
  function unfold(i) {
    var n = N[i], centre = cy.getElementById("n" + i).position(), added = [];
    var mine = n.s.filter(statementIn).slice(0, UNFOLD);
    var gap = cy.getElementById("n" + i).data("size") / 2 + 18;
    mine.forEach(function (s, k) {
      var r = gap + 14 * Math.sqrt(k + 0.5), angle = k * Math.PI * (3 - Math.sqrt(5));
      var id = "s" + s + "-" + i;
      added.push({ group: "nodes", data: { id: id, label: "“" + quote(s).slice(0, 40) + (quote(s).length > 40 ? "…”" : "”"), kind: "statement", statement: s },
                   position: { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) } });
      added.push({ group: "edges", data: { id: "said-" + id, source: "n" + i, target: id, kind: "said" } });
      S[s].ab.forEach(function (t) {
        if (isShown(t)) {
          added.push({ group: "edges", data: { id: "about-" + id + "-" + t, source: id, target: "n" + t, kind: "about",
                                               colour: EDGE_COLOURS.about, width: 0.8 } });
        }
      });
    });
    scope.expanded[i] = cy.add(added);
    return mine.length;
  }
  function fold(i) {
    if (scope.expanded[i]) { cy.remove(scope.expanded[i]); delete scope.expanded[i]; }
  }
  function showStatement(s, i) {
    body.textContent = "";
    body.appendChild(el("h2", { text: "Statement" }));
    body.appendChild(card(s));
    if (S[s].ab.length) {
      var ul = el("ul");
      S[s].ab.forEach(function (t) { ul.appendChild(el("li", {}, nodeLink(t))); });
      body.appendChild(el("div", { class: "section" }, el("h3", { text: "About" }), ul));
    }
    open();
  }

  cy.on("tap", "node", function (ev) {
    var node = ev.target;
    if (node.data("kind") === "statement") showStatement(node.data("statement"));
    else show(Number(node.id().slice(1)));
  });
  cy.on("tap", "edge", function (ev) {
    var id = ev.target.id();
    if (/^e\d+$/.test(id)) showEdge(Number(id.slice(1)));
  });
  cy.on("tap", function (ev) { if (ev.target === cy) closePanel(); });

  // -- what tests and the README picture read ------------------------------------------------------------------
  function fit() {
    var visible = cy.nodes(":visible");
    cy.fit(visible.length ? visible : undefined, 40);
    rescale();
  }
  // The labels a reader can see now: drawn (not hidden or faded), large enough for cytoscape to draw, in view.
  function labelled() {
    var z = cy.zoom(), w = cy.width(), h = cy.height();
    return cy.nodes(":visible").filter(function (node) {
      if (!node.data("label") || Number(node.style("text-opacity")) === 0) return false;
      var size = parseFloat(node.style("font-size")) * z;
      if (size < parseFloat(node.style("min-zoomed-font-size"))) return false;
      var p = node.renderedPosition();
      return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
    }).map(function (node) { return node.data("label"); });
  }
  Object.assign(window.kg, { show: show, showEdge: showEdge, showDocument: showDocument, unfold: unfold, fold: fold,
                             apply: apply, setThreshold: setThreshold, labelled: labelled, fit: fit, scope: scope });
  apply();
  fit();
  window.kg.ready = true;
  document.body.setAttribute("data-ready", "true");
})();
