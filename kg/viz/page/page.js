/* kg viz: draw the graph that `kg viz` embedded in this page, with search, filters and a side panel.
 * Positions come from Python (networkx); the browser runs physics only on small graphs.
 * Text from the graph is always set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var kinds = {};
  data.kinds.forEach(function (k) { kinds[k.name] = k; });
  var big = data.nodes.length > 1500;
  var CARDS = 100;  // statements shown at once in the side panel
  var EDGE_COLOURS = { "said": "#e15759", "holds": "#b07aa1", "held": "#b07aa1", "post in": "#f28e2b", "about": "#76b7b2" };

  var el = kgElement;  // page/dom.js

  // -- the graph ---------------------------------------------------------------------------------
  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: { id: n.id, label: n.label, kind: n.kind, size: n.size },
                    position: { x: n.x, y: n.y } });
  });
  data.edges.forEach(function (e, i) {
    elements.push({ group: "edges", data: { id: "e" + i, source: e.source, target: e.target, label: e.label,
                                            colour: EDGE_COLOURS[e.label] || "#9aa5b1" } });
  });
  var style = [
    { selector: "node", style: {
      "label": "data(label)", "width": "data(size)", "height": "data(size)", "font-size": 11,
      "min-zoomed-font-size": 7, "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis",
      "text-max-width": 170, "color": "#1d2329", "text-outline-color": "#fbfbfc", "text-outline-width": 2,
      "border-width": 1, "border-color": "rgba(0,0,0,.35)" } },
    { selector: "node[kind = 'statement']", style: { "font-size": 9, "min-zoomed-font-size": 9, "color": "#6b2326" } },
    { selector: "edge", style: {
      "width": 1.2, "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
      "arrow-scale": 0.8, "curve-style": big ? "straight" : "bezier", "opacity": 0.75, "label": "data(label)",
      "font-size": 9, "min-zoomed-font-size": 11, "text-rotation": "autorotate", "color": "#5f6b76",
      "text-background-color": "#fbfbfc", "text-background-opacity": 0.8, "text-background-padding": 1 } },
    { selector: "node.named", style: { "min-zoomed-font-size": 0, "font-weight": "bold", "z-index": 5 } },
    { selector: ".faded", style: { "opacity": 0.12, "text-opacity": 0 } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#1d2329", "z-index": 10 } },
    { selector: ".match", style: { "border-width": 4, "border-color": "#2f6db5" } }
  ];
  data.kinds.forEach(function (k) {
    style.splice(2, 0, { selector: "node[kind = '" + k.name + "']", style: { "background-color": k.color, "shape": k.shape } });
  });
  var cy = cytoscape({
    container: document.getElementById("cy"), elements: elements, style: style, layout: { name: "preset", fit: true },
    minZoom: 0.02, maxZoom: 4, wheelSensitivity: 0.3, boxSelectionEnabled: false,
    textureOnViewport: big, hideEdgesOnViewport: big, motionBlur: false, pixelRatio: big ? 1 : "auto"
  });
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  window.kg = { cy: cy, data: data, ready: false, show: show };

  // The first view names who is in it: entities (the best connected NAMED of them in a big graph) keep a label
  // of at least 12 px on screen however far the view is zoomed out.
  var NAMED = 60;
  var ENTITY_KIND = { person: true, organisation: true, place: true, source: true };
  var named = cy.nodes().filter(function (n) { return ENTITY_KIND[n.data("kind")]; });
  if (named.length > NAMED) {
    named = named.sort(function (a, b) { return b.degree() - a.degree() || (a.id() < b.id() ? -1 : 1); }).slice(0, NAMED);
  }
  named.addClass("named");
  function rescale() {
    var z = cy.zoom();
    cy.batch(function () {
      named.forEach(function (node) {
        node.style({ "font-size": Math.max(11, 12 / z), "text-max-width": Math.max(170, 160 / z) });
      });
    });
  }
  cy.on("zoom", rescale);
  // The labels a reader can see now: drawn (not hidden or faded), large enough for cytoscape to draw, in view.
  function labelled() {
    var z = cy.zoom(), w = cy.width(), h = cy.height();
    return cy.nodes(":visible").filter(function (node) {
      if (!node.data("label") || Number(node.style("text-opacity")) === 0) return false;
      if (parseFloat(node.style("font-size")) * z < parseFloat(node.style("min-zoomed-font-size"))) return false;
      var p = node.renderedPosition();
      return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
    }).map(function (node) { return node.data("label"); });
  }
  window.kg.labelled = labelled;

  function finish() {
    rescale();
    window.kg.ready = true;
    document.body.setAttribute("data-ready", "true");
  }
  if (data.physics) {
    var physics = cy.layout({ name: "cose", randomize: false, animate: false, fit: true, padding: 30,
                              nodeDimensionsIncludeLabels: true, componentSpacing: 60, gravity: 0.5,
                              idealEdgeLength: function () { return 70; }, nodeRepulsion: function () { return 60000; },
                              nodeOverlap: 20, numIter: 2000 });
    physics.one("layoutstop", finish);
    physics.run();
  } else {
    cy.fit(undefined, 30);
    finish();
  }

  // -- filters -----------------------------------------------------------------------------------
  var kindBoxes = {};
  var nav = document.getElementById("kinds");
  data.kinds.forEach(function (k) {
    var box = el("input", { type: "checkbox", value: k.name, "data-kind": k.name });
    box.checked = true;
    box.addEventListener("change", applyFilters);
    kindBoxes[k.name] = box;
    nav.appendChild(el("label", { title: k.title }, box, el("span", { class: "swatch", style: "background:" + k.color }),
                       k.title + " (" + k.count + ")"));
  });
  // Edges by label (said, holds, about, and each kind of event): a box each, so event types can be filtered.
  var edgeBoxes = {};
  var edgeCounts = {};
  data.edges.forEach(function (e) { edgeCounts[e.label] = (edgeCounts[e.label] || 0) + 1; });
  var edgeNav = document.getElementById("edges");
  Object.keys(edgeCounts).sort().forEach(function (label) {
    var box = el("input", { type: "checkbox", value: label, "data-edge": label });
    box.checked = true;
    box.addEventListener("change", applyFilters);
    edgeBoxes[label] = box;
    edgeNav.appendChild(el("label", {}, box, el("span", { class: "swatch", style: "background:" + (EDGE_COLOURS[label] || "#9aa5b1") }),
                           label + " (" + edgeCounts[label] + ")"));
  });
  var docSelect = document.getElementById("document");
  data.documents.forEach(function (d) {
    docSelect.appendChild(el("option", { value: d.id, text: d.title && d.title !== d.id ? d.title + " (" + d.id + ")" : d.id }));
  });
  if (data.documents.length < 2) docSelect.disabled = data.documents.length === 0;
  docSelect.addEventListener("change", applyFilters);

  function visible(n) {
    var doc = docSelect.value;
    return kindBoxes[n.kind].checked && (!doc || n.documents.indexOf(doc) >= 0);
  }
  function applyFilters() {
    cy.batch(function () {
      cy.nodes().forEach(function (node) { node.style("display", visible(byId[node.id()]) ? "element" : "none"); });
      cy.edges().forEach(function (edge) {
        var box = edgeBoxes[edge.data("label")];
        edge.style("display", !box || box.checked ? "element" : "none");
      });
    });
    status();
  }
  function status() {
    var nodes = cy.nodes().filter(function (n) { return n.style("display") !== "none"; });
    var edges = nodes.edgesWith(nodes);
    document.getElementById("status").textContent = nodes.length + " nodes, " + edges.length + " edges shown";
  }
  status();

  // -- search ------------------------------------------------------------------------------------
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  var names = data.nodes.map(function (n) {
    return { id: n.id, text: [n.label].concat(n.aliases).join("\u0001").toLowerCase() };
  });
  var current = [];
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results.textContent = "";
    cy.nodes(".match").removeClass("match");
    current = [];
    if (!q) { results.hidden = true; return; }
    names.forEach(function (n) { if (n.text.indexOf(q) >= 0) current.push(byId[n.id]); });
    current.sort(function (a, b) {
      var ea = ENTITY[a.kind] ? 0 : 1, eb = ENTITY[b.kind] ? 0 : 1;
      var sa = a.label.toLowerCase().indexOf(q) === 0 ? 0 : 1, sb = b.label.toLowerCase().indexOf(q) === 0 ? 0 : 1;
      return ea - eb || sa - sb || a.label.localeCompare(b.label);
    });
    cy.batch(function () { current.slice(0, 200).forEach(function (n) { cy.getElementById(n.id).addClass("match"); }); });
    current.slice(0, 30).forEach(function (n, i) {
      var item = el("li", { role: "option", "data-node": n.id, "aria-selected": i === 0 ? "true" : "false" },
                    n.label, el("span", { class: "kind", text: kinds[n.kind] ? kinds[n.kind].title : n.kind }));
      item.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(n.id); });
      results.appendChild(item);
    });
    if (!current.length) results.appendChild(el("li", { text: "no match" }));
    results.hidden = false;
  }
  var ENTITY = { person: true, organisation: true, place: true, source: true };
  function pick(id) {
    results.hidden = true;
    show(id);
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && current.length) pick(current[0].id);
    if (ev.key === "Escape") { search.value = ""; runSearch(); }
  });
  search.addEventListener("blur", function () { results.hidden = true; });
  search.addEventListener("focus", function () { if (search.value) runSearch(); });

  // -- the side panel ----------------------------------------------------------------------------
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  document.getElementById("close").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && ev.target !== search) closePanel(); });

  function closePanel() {
    panel.hidden = true;
    cy.elements().removeClass("faded");
    cy.nodes(":selected").unselect();
    cy.resize();
  }
  function link(id, text) {
    var a = el("a", { href: "#" + encodeURIComponent(id), "data-node": id, text: text || (byId[id] ? byId[id].label : id) });
    a.addEventListener("click", function (ev) { ev.preventDefault(); show(id); });
    return a;
  }
  function neighbours(id, label, out) {
    var edges = out ? cy.getElementById(id).outgoers("edge") : cy.getElementById(id).incomers("edge");
    return edges.filter(function (e) { return !label || e.data("label") === label; })
                .map(function (e) { return { id: out ? e.data("target") : e.data("source"), label: e.data("label") }; });
  }
  function section(title, items) {
    if (!items.length) return null;
    var ul = el("ul");
    items.forEach(function (item) { ul.appendChild(el("li", {}, item)); });
    return el("div", { class: "section" }, el("h3", { text: title }), ul);
  }
  function first(n, key) { return n.details && n.details[key] && n.details[key].length ? n.details[key][0] : ""; }
  function statementCard(id) {
    var s = byId[id];
    var meta = [];
    if (first(s, "cue")) meta.push("cue: " + first(s, "cue"));
    if (first(s, "quote kind")) meta.push(first(s, "quote kind"));
    if (first(s, "medium")) meta.push("to " + first(s, "medium"));
    if (first(s, "document")) meta.push("in " + first(s, "document"));
    var card = el("div", { class: "statement", "data-statement": id },
                  el("blockquote", { text: "“" + (first(s, "text") || s.label) + "”" }),
                  el("div", { class: "meta" }, meta.join(" · ") + " · ", link(id, "show statement")));
    if (first(s, "sentence")) {
      card.appendChild(el("div", { class: "sentence", title: "the source sentence (prov:wasDerivedFrom, nif:anchorOf)" },
                          el("strong", { text: "Source: " }), first(s, "sentence")));
    }
    return card;
  }
  function detailsTable(n, skip) {
    var keys = Object.keys(n.details || {}).filter(function (k) { return !skip[k]; });
    if (!keys.length) return null;
    var table = el("table", { class: "details" });
    keys.sort().forEach(function (k) {
      table.appendChild(el("tr", {}, el("th", { text: k }), el("td", { text: n.details[k].join(" | ") })));
    });
    return el("div", {}, el("h3", { text: "Details" }), table);
  }

  function render(n) {
    body.textContent = "";
    body.appendChild(el("h2", { text: n.label }));
    body.appendChild(el("div", { class: "badge", text: kinds[n.kind] ? kinds[n.kind].title : n.kind }));
    body.appendChild(el("div", { class: "iri", text: n.iri }));
    if (n.aliases.length) body.appendChild(section("Also called", n.aliases));
    var skip = { "rdf:type": data.view === "people" };
    if (n.kind === "statement") {
      var speakers = neighbours(n.id, "said", false);
      body.appendChild(section("Said by", speakers.map(function (x) { return link(x.id); })) || el("span"));
      body.appendChild(statementCard(n.id));
      body.appendChild(section("About", neighbours(n.id, "about", true).map(function (x) { return link(x.id); })) || el("span"));
      ["text", "cue", "quote kind", "medium", "document", "sentence", "speaker"].forEach(function (k) { skip[k] = true; });
    } else if (data.view === "people") {
      var posts = neighbours(n.id, "holds", true).concat(neighbours(n.id, "held", true)).map(function (x) {
        var orgs = neighbours(x.id, "post in", true).map(function (o) { return byId[o.id].label; });
        return el("span", {}, link(x.id), x.label === "held" ? " (former)" : "", orgs.length ? " — " + orgs.join(", ") : "");
      });
      body.appendChild(section("Posts", posts) || el("span"));
      body.appendChild(section("Held by", neighbours(n.id, "holds", false).concat(neighbours(n.id, "held", false))
                                 .map(function (x) { return link(x.id); })) || el("span"));
      body.appendChild(section("Post in", neighbours(n.id, "post in", true).map(function (x) { return link(x.id); })) || el("span"));
      body.appendChild(section("Posts in it", neighbours(n.id, "post in", false).map(function (x) { return link(x.id); })) || el("span"));
      var said = neighbours(n.id, "said", true);
      if (said.length) {
        var box = el("div", { class: "section", id: "statements" }, el("h3", { text: "Statements (" + said.length + ")" }));
        said.sort(function (a, b) { return a.id.localeCompare(b.id, undefined, { numeric: true }); });
        var addCards = function (from, to) {
          said.slice(from, to).forEach(function (x) { box.insertBefore(statementCard(x.id), more); });
        };
        var more = el("button", { type: "button", text: "show all " + said.length + " statements" });
        more.addEventListener("click", function () { addCards(CARDS, said.length); more.remove(); });
        box.appendChild(more);
        addCards(0, CARDS);  // thousands of cards at once would stall the page
        if (said.length <= CARDS) more.remove();
        body.appendChild(box);
      }
      var about = neighbours(n.id, "about", false);
      body.appendChild(section("Statements about " + n.label + " (" + about.length + ")",
                               about.map(function (x) { return link(x.id); })) || el("span"));
    } else {
      var groups = {};
      neighbours(n.id, null, true).forEach(function (x) { (groups[x.label + " →"] = groups[x.label + " →"] || []).push(x); });
      neighbours(n.id, null, false).forEach(function (x) { (groups["← " + x.label] = groups["← " + x.label] || []).push(x); });
      Object.keys(groups).sort().forEach(function (g) {
        body.appendChild(section(g, groups[g].map(function (x) { return link(x.id); })));
      });
    }
    if (n.documents.length) body.appendChild(section("Documents", n.documents));
    var table = detailsTable(n, skip);
    if (table) body.appendChild(table);
  }

  function show(id) {
    var n = byId[id];
    if (!n) return;
    var node = cy.getElementById(id);
    node.style("display", "element");
    render(n);
    panel.hidden = false;
    cy.resize();
    cy.batch(function () {
      cy.nodes(":selected").unselect();
      node.select();
      if (big) return;  // restyling every element costs seconds at thousands of nodes
      var near = node.closedNeighborhood();
      cy.elements().addClass("faded");
      near.removeClass("faded");
      near.connectedEdges().filter(function (e) { return near.contains(e.source()) && near.contains(e.target()); }).removeClass("faded");
    });
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: big ? 0 : 250 });
  }
  cy.on("tap", "node", function (ev) { show(ev.target.id()); });
  cy.on("tap", function (ev) { if (ev.target === cy) closePanel(); });
})();
