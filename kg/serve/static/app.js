// The query page: pick or write a query, POST it to /sparql, show the answer.
// Everything is built with textContent, never innerHTML, so no value from the graph can run as code.
"use strict";

const ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";
const $ = (id) => document.getElementById(id);
let info = { headers: { truncated: "X-KG-Truncated", rows: "X-KG-Rows", max_rows: "X-KG-Max-Rows" } };

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function setStatus(text, bad) {
  const status = $("status");
  status.textContent = text;
  status.className = bad ? "bad" : "";
}

async function loadExamples() {
  const response = await fetch("/examples.json");
  info = await response.json();
  if (!info.draw) $("hint").textContent = "Ctrl+Enter runs · click an IRI in the results to list its neighbourhood";
  $("graph").textContent = `${info.graph} · queries stop after ${info.limits.timeout} s · answers cut at ${info.limits.max_rows} rows`;
  const select = $("examples");
  for (const example of info.examples) {
    const option = element("option", example.name);
    option.value = example.name;
    option.title = example.description;
    select.append(option);
  }
  select.addEventListener("change", () => {
    const example = info.examples.find((e) => e.name === select.value);
    if (!example) return;
    $("query").value = example.query;
    $("example-help").textContent = example.description;
  });
}

function neighbourhoodQuery(iri) {
  return `# Everything said about, and pointing at, one entity\nSELECT ?subject ?predicate ?object WHERE {\n  { BIND(<${iri}> AS ?subject) <${iri}> ?predicate ?object }\n  UNION\n  { ?subject ?predicate <${iri}> BIND(<${iri}> AS ?object) }\n}\nLIMIT 500`;
}

function showDrawing(title) {
  $("drawing").hidden = false;
  $("drawing-title").textContent = title;
}

function drawQuery(query) {
  // POST the query as a form into the frame: the server answers with kg viz's page for the CONSTRUCT result.
  const form = element("form");
  form.method = "post";
  form.action = "/graph";
  form.target = "graph-frame";
  form.hidden = true;
  const field = element("input");
  field.type = "hidden";
  field.name = "query";
  field.value = query;
  form.append(field);
  document.body.append(form);
  form.submit();
  form.remove();
  showDrawing("The answer as a graph");
}

function neighbourhood(iri) {
  // The IRI came from the graph; '>' and whitespace cannot occur in a valid IRI, but refuse them anyway.
  if (/[<>"\s{}|\\^`]/.test(iri)) return;
  if (info.draw) {
    $("graph-frame").src = `/graph?focus=${encodeURIComponent(iri)}&depth=1`;
    showDrawing(`Neighbourhood of ${iri}`);
  }
  $("query").value = neighbourhoodQuery(iri);
  run(null, true);
}

function cell(term) {
  const td = element("td");
  if (!term) return td;
  if (term.type === "uri") {
    const button = element("button", term.value, "iri");
    button.type = "button";
    button.title = "show this entity's neighbourhood";
    button.addEventListener("click", () => neighbourhood(term.value));
    td.append(button);
  } else {
    td.append(document.createTextNode(term.type === "bnode" ? `_:${term.value}` : term.value));
    const meta = term["xml:lang"] ? `@${term["xml:lang"]}` : term.datatype ? term.datatype.replace(/^.*[#/]/, "") : "";
    if (meta) td.append(element("span", meta, "meta"));
  }
  return td;
}

function showResults(data) {
  const results = $("results");
  if ("boolean" in data) {
    results.append(element("p", `ASK: ${data.boolean}`));
    return 1;
  }
  const names = data.head.vars || [];
  const table = element("table");
  const head = element("tr");
  names.forEach((name) => head.append(element("th", name)));
  const thead = element("thead");
  thead.append(head);
  table.append(thead);
  const body = element("tbody");
  for (const row of data.results.bindings) {
    const tr = element("tr");
    names.forEach((name) => tr.append(cell(row[name])));
    body.append(tr);
  }
  table.append(body);
  results.append(table);
  return data.results.bindings.length;
}

async function run(event, keepDrawing) {
  if (event) event.preventDefault();
  if (!keepDrawing) $("drawing").hidden = true;
  const results = $("results");
  const button = $("run");
  button.disabled = true;
  setStatus("running…");
  const started = performance.now();
  const query = $("query").value;
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: ACCEPT },
      body: query,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    results.replaceChildren();
    if (!response.ok) {
      results.append(element("p", await response.text(), "error"));
      setStatus(`${response.status} ${response.statusText} · ${seconds} s`, true);
      return;
    }
    const type = response.headers.get("Content-Type") || "";
    const truncated = response.headers.get(info.headers.truncated) === "true";
    if (truncated) {
      results.append(element("p", `Answer cut at ${response.headers.get(info.headers.max_rows)} rows (the server's --max-rows).`, "warning"));
    }
    let count;
    if (type.startsWith("application/sparql-results+json")) {
      count = showResults(await response.json());
    } else {
      results.append(element("pre", await response.text()));
      count = Number(response.headers.get(info.headers.rows) || 0);
      if (info.draw && count > 0) drawQuery(query);
    }
    setStatus(`${count} ${type.includes("turtle") ? "triples" : "rows"}${truncated ? " (cut)" : ""} · ${seconds} s`);
  } catch (error) {
    results.replaceChildren(element("p", `request failed: ${error}`, "error"));
    setStatus("failed", true);
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("editor").addEventListener("submit", run);
  $("query").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(event);
  });
  loadExamples().catch((error) => setStatus(`could not load examples: ${error}`, true));
});
