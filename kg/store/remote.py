"""A remote store: any SPARQL 1.1 Graph Store Protocol endpoint, with its query endpoint.

Each document is sent as one named graph with ``PUT <gsp>?graph=<doc IRI>`` (N-Triples);
transient failures (5xx, 408, 429, dropped connections, time-outs) are retried with a
bounded exponential back-off; anything else fails at once with the server's answer. At
the end the writer counts the triples of every graph it sent (a SPARQL query) and fails
if one differs, so nothing is lost silently.

The query endpoint is derived from the GSP URL for the servers we know (override with
``--store-query``):

=========================  =============================================  ===========================
server                     Graph Store Protocol URL (``--store``)         query endpoint
=========================  =============================================  ===========================
Oxigraph                   ``http://host:7878/store``                     ``http://host:7878/query``
Apache Jena Fuseki         ``http://host:3030/DATASET/data``              ``http://host:3030/DATASET/query``
GraphDB                    ``http://host:7200/repositories/R/rdf-graphs/service``  ``.../repositories/R``
Virtuoso                   ``http://host:8890/sparql-graph-crud-auth``    ``http://host:8890/sparql``
=========================  =============================================  ===========================
"""
from __future__ import annotations

import time
from urllib.parse import urlsplit, urlunsplit

import requests

from kg.export import ntriples
from kg.rdf.graphs import NamedGraph, graph_quads
from kg.store import COUNTS_QUERY, HASHES_QUERY, StoreError

RETRY_STATUS = {408, 429, 500, 502, 503, 504}
ATTEMPTS = 6
BACKOFF = 0.25  # seconds, doubled after each failure, at most MAX_BACKOFF
MAX_BACKOFF = 8.0
TIMEOUT = 60.0


def query_endpoint_for(gsp: str) -> str:
    """The SPARQL query URL that goes with a Graph Store Protocol URL.

    Examples:
        >>> query_endpoint_for("http://localhost:7878/store")
        'http://localhost:7878/query'
        >>> query_endpoint_for("http://localhost:3030/news/data")
        'http://localhost:3030/news/query'
        >>> query_endpoint_for("http://localhost:7200/repositories/news/rdf-graphs/service")
        'http://localhost:7200/repositories/news'
        >>> query_endpoint_for("http://localhost:8890/sparql-graph-crud-auth")
        'http://localhost:8890/sparql'
    """
    parts = urlsplit(gsp)
    path = parts.path.rstrip("/")
    if path.endswith("/rdf-graphs/service"):
        path = path[: -len("/rdf-graphs/service")]
    elif path.endswith(("/sparql-graph-crud", "/sparql-graph-crud-auth")):
        path = path.rsplit("/", 1)[0] + "/sparql"
    elif path.endswith(("/store", "/data")):
        path = path.rsplit("/", 1)[0] + "/query"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class RemoteStore:
    """Writes named graphs to a GSP endpoint and reads hashes and counts from its query endpoint."""

    def __init__(self, gsp: str, query_endpoint: str | None = None, attempts: int = ATTEMPTS,
                 backoff: float = BACKOFF, timeout: float = TIMEOUT) -> None:
        self.gsp = gsp
        self.query_url = query_endpoint or query_endpoint_for(gsp)
        self.attempts, self.backoff, self.timeout = attempts, backoff, timeout
        self.session = requests.Session()
        self.retries = 0  # transient failures survived, for the report and the tests

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        """One HTTP request, retried on transient failures with a bounded back-off."""
        delay = self.backoff
        for attempt in range(1, self.attempts + 1):
            try:
                response = self.session.request(method, url, timeout=self.timeout, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as err:
                failure = f"{type(err).__name__}"
            else:
                if response.status_code < 400:
                    return response
                failure = f"HTTP {response.status_code}: {' '.join(response.text.split())[:200]}"
                if response.status_code not in RETRY_STATUS:
                    raise StoreError(f"{method} {url}: {failure}")
            if attempt == self.attempts:
                raise StoreError(f"{method} {url}: {failure} (gave up after {attempt} attempts)")
            self.retries += 1
            time.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF)
        raise AssertionError("unreachable")

    def select(self, query: str) -> list[dict[str, str]]:
        response = self.request("POST", self.query_url, data={"query": query},
                                headers={"Accept": "application/sparql-results+json"})
        try:
            bindings = response.json()["results"]["bindings"]
            # Every row an object of objects with a "value": '[]', a bare list or a binding without a
            # value is no SPARQL JSON result, whatever the status said (issue 18 D22).
            return [{name: str(value["value"]) for name, value in row.items()} for row in bindings]
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise StoreError(f"{self.query_url}: not a SPARQL JSON result ({type(err).__name__}: {err}); is it the "
                             "query endpoint? Pass --store-query URL") from None

    def hashes(self) -> dict[str, str]:
        return {row["doc"]: row["hash"] for row in self.select(HASHES_QUERY)}

    def replace_graphs(self, graphs: list[NamedGraph]) -> None:
        for graph in graphs:
            iri = graph.identifier
            body = ntriples(graph_quads([graph]))
            self.request("PUT", self.gsp, params={"graph": str(iri)}, data=body,
                         headers={"Content-Type": "application/n-triples"})

    def graph_counts(self) -> dict[str, int]:
        return {row["g"]: int(row["n"]) for row in self.select(COUNTS_QUERY)}

    def dump_nquads(self) -> bytes:
        """Every named graph as N-Quads (one GSP GET per graph)."""
        chunks = []
        for name in self.graph_counts():
            data = self.request("GET", self.gsp, params={"graph": name}, headers={"Accept": "application/n-triples"})
            suffix = f"<{name}> .\n".encode("utf-8")
            for line in data.content.splitlines():  # N-Triples: one triple a line, ending " ."
                line = line.strip()
                if line and not line.startswith(b"#"):
                    chunks.append(line[:-1].rstrip() + b" " + suffix)
        return b"".join(chunks)

    def close(self) -> None:
        self.session.close()
