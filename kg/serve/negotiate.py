"""Content negotiation: which serialisation of an answer the client's Accept header asks for.

Formats are data: a query form (SELECT and ASK give results, CONSTRUCT and
DESCRIBE give a graph) offers a list of media types, the first being the
default; each names a format that :mod:`kg.serve.engine` maps to Oxigraph's writer.
Adding a format is one line here and one there.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Offer:
    media_type: str  # what the Content-Type header says
    serializer: str  # a name in kg.serve.engine's RESULT_FORMATS or GRAPH_FORMATS
    aliases: tuple[str, ...] = ()  # other media types clients send for the same thing


RESULT_OFFERS: tuple[Offer, ...] = (
    Offer("application/sparql-results+json", "json", ("application/json",)),
    Offer("application/sparql-results+xml", "xml", ("application/xml", "text/xml")),
    Offer("text/csv", "csv"),
    Offer("text/tab-separated-values", "tsv"),
)
GRAPH_OFFERS: tuple[Offer, ...] = (
    Offer("text/turtle", "turtle", ("application/turtle", "application/x-turtle")),
    Offer("application/ld+json", "json-ld", ("application/x-json+ld",)),
    Offer("application/n-triples", "nt"),
    Offer("application/rdf+xml", "xml"),
)


def offers_for(query_type: str) -> tuple[Offer, ...]:
    """SELECT and ASK answer with results; CONSTRUCT and DESCRIBE with a graph."""
    return GRAPH_OFFERS if query_type in ("CONSTRUCT", "DESCRIBE") else RESULT_OFFERS


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their weights, best first; ties keep the client's order.

    >>> parse_accept("text/csv;q=0.5, application/sparql-results+json, */*;q=0.1")
    [('application/sparql-results+json', 1.0), ('text/csv', 0.5), ('*/*', 0.1)]
    >>> parse_accept("text/csv;q=nonsense")
    [('text/csv', 0.0)]
    """
    ranges: list[tuple[str, float]] = []
    for part in (header or "").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        if not media:
            continue
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = min(1.0, max(0.0, float(value)))
                except ValueError:
                    weight = 0.0
        ranges.append((media.lower(), weight))
    return sorted(ranges, key=lambda r: -r[1])


def _matches(media_range: str, offer: Offer) -> bool:
    if media_range == "*/*":
        return True
    kind, _, sub = media_range.partition("/")
    if sub == "*":
        return offer.media_type.startswith(kind + "/")
    return media_range == offer.media_type or media_range in offer.aliases


def choose(accept: str | None, offers: tuple[Offer, ...]) -> Offer | None:
    """The offer the Accept header prefers; the first offer when it says nothing; None when nothing fits.

    >>> choose(None, RESULT_OFFERS).media_type
    'application/sparql-results+json'
    >>> choose("text/html,application/xml;q=0.9,*/*;q=0.8", RESULT_OFFERS).media_type
    'application/sparql-results+xml'
    >>> choose("application/ld+json", GRAPH_OFFERS).serializer
    'json-ld'
    >>> choose("image/png", RESULT_OFFERS) is None
    True
    """
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    refused = {media for media, weight in ranges if weight == 0}
    for media, weight in ranges:
        if weight == 0:
            continue
        for offer in offers:
            if _matches(media, offer) and offer.media_type not in refused:
                return offer
    return None


def describe(offers: tuple[Offer, ...]) -> str:
    return ", ".join(o.media_type for o in offers)
