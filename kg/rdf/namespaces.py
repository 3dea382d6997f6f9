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
    contentSegment: URIRef  # one piece of a statement's text that a cue splits ("A," he said, "B.")
    stated: URIRef  # speaker -> statement, the inverse of schema:author, for drawing and browsing
    post: URIRef  # membership -> the org:Post it is a holding of
    former: URIRef  # true when the text says the post is no longer held
    UnnamedSource: URIRef  # a speaker the text describes but does not name ("a senior official")
    contentHash: URIRef  # SHA-256 of a document's text, for incremental builds

    # Events (schema:Event nodes, typed further by schema:additionalType one of PLOVER's top-level types)
    trigger: URIRef  # the event's verb or noun as written ("contacted", "meeting")
    triggerLemma: URIRef  # its lemma ("contact")
    dateExpression: URIRef  # the date the sentence gives, as written ("on Wednesday")
    negated: URIRef  # true for an event the text says did not happen (kept only on request)
    modality: URIRef  # why an event is not asserted ("could", "if", "intended"; kept only on request)
    Agree: URIRef  # PLOVER AGREE: agree to, sign, settle
    Consult: URIRef  # PLOVER CONSULT: meet, visit, talk, call, negotiate
    Support: URIRef  # PLOVER SUPPORT: endorse, praise, defend
    Concede: URIRef  # PLOVER CONCEDE: yield, apologise, release
    Cooperate: URIRef  # PLOVER COOPERATE: work with, ally, recognise
    Aid: URIRef  # PLOVER AID: help, fund, arm
    Retreat: URIRef  # PLOVER RETREAT: withdraw
    Request: URIRef  # PLOVER REQUEST: urge, appeal, call on
    Accuse: URIRef  # PLOVER ACCUSE: accuse, blame, criticise, sue, investigate
    Reject: URIRef  # PLOVER REJECT: reject, oppose, defy
    Threaten: URIRef  # PLOVER THREATEN
    Protest: URIRef  # PLOVER PROTEST: protest, demonstrate, boycott
    Sanction: URIRef  # PLOVER SANCTION: sanction, expel, suspend
    Mobilize: URIRef  # PLOVER MOBILIZE: mobilise forces
    Coerce: URIRef  # PLOVER COERCE: arrest, detain, deport
    Assault: URIRef  # PLOVER ASSAULT: attack, invade, kill, occupy
    # direct edges subject -> object, one per type, for simple queries and drawing
    agreedWith: URIRef
    consulted: URIRef
    supported: URIRef
    concededTo: URIRef
    cooperatedWith: URIRef
    aided: URIRef
    retreatedFrom: URIRef
    requested: URIRef
    accused: URIRef
    rejected: URIRef
    threatened: URIRef
    protestedAgainst: URIRef
    sanctioned: URIRef
    mobilizedAgainst: URIRef
    coerced: URIRef
    assaulted: URIRef


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
