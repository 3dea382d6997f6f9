"""Vocabularies. Standard ones first (schema.org, W3C ORG, PROV-O, NIF, SKOS);
the project's own namespace holds only what no standard term covers.

Each is a ``DefinedNamespace``, so a misspelt term fails loudly instead of
minting a new IRI.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import ORG, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

__all__ = ["KG", "NIF", "ORG", "PROV", "RDF", "RDFS", "SDO", "SKOS", "XSD", "PREFIXES"]


class KG(DefinedNamespace):
    """kg: terms for news attribution that schema.org, ORG, PROV and NIF lack."""

    _NS = Namespace("https://w3id.org/kg/ns#")
    _fail = True

    cue: URIRef  # the reporting verb as written ("stated")
    cueLemma: URIRef  # its lemma ("state")
    quoteKind: URIRef  # "direct", "indirect" or "mixed"
    medium: URIRef  # where it was said: the outlet or event ("to Sky News")
    stated: URIRef  # speaker -> statement, the inverse of schema:author, for drawing and browsing
    post: URIRef  # membership -> the org:Post it is a holding of
    former: URIRef  # true when the text says the post is no longer held
    UnnamedSource: URIRef  # a speaker the text describes but does not name ("a senior official")
    contentHash: URIRef  # SHA-256 of a document's text, for incremental builds


class NIF(DefinedNamespace):
    """NLP Interchange Format 2.0 core: strings, offsets and their context."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    Sentence: URIRef
    String: URIRef
    RFC5147String: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    isString: URIRef
    referenceContext: URIRef
    sourceUrl: URIRef


PREFIXES = {"schema": SDO, "org": ORG, "prov": PROV, "nif": NIF, "skos": SKOS, "kg": KG, "rdfs": RDFS, "xsd": XSD}
