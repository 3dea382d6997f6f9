"""SPARQL 1.1 Query Results TSV (W3C, 2013): rdflib 7 reads it but cannot write it, so here is the writer.

Unlike CSV, TSV keeps RDF terms whole: IRIs in ``<...>``, literals quoted with
their language tag or datatype, blank nodes as ``_:label``; a header of
``?var`` names; an unbound value is an empty field.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import re

from rdflib.namespace import XSD
from rdflib.term import BNode, Identifier, Literal, URIRef, Variable

# Numbers and booleans are written bare when their lexical form is Turtle's (as Oxigraph writes them),
# so ``kg query --graph`` and ``kg query --store`` print the same bytes.
_BARE = {
    XSD.integer: re.compile(r"[+-]?[0-9]+"),
    XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD.double: re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+"),
    XSD.boolean: re.compile(r"true|false"),
}
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def term(value: Identifier | None) -> str:
    """One field: the term in Turtle syntax, with tabs and line breaks escaped.

    >>> term(URIRef("https://example.org/a"))
    '<https://example.org/a>'
    >>> term(Literal("two\\tcolumns\\nand lines", lang="en"))
    '"two\\\\tcolumns\\\\nand lines"@en'
    >>> term(Literal(12))
    '12'
    >>> term(None)
    ''
    """
    if value is None:
        return ""
    if isinstance(value, BNode):
        return f"_:{value}"
    if isinstance(value, URIRef):
        return f"<{value}>"
    if isinstance(value, Literal):
        bare = _BARE.get(value.datatype)
        if bare is not None and bare.fullmatch(str(value)):
            return str(value)
        text = '"' + str(value).translate(_ESCAPES) + '"'
        if value.language:
            return f"{text}@{value.language}"
        return f"{text}^^<{value.datatype}>" if value.datatype and value.datatype != XSD.string else text
    return str(value).translate(_ESCAPES)


def write_tsv(names: Sequence[Variable], rows: Iterable[Mapping[Variable, Identifier]]) -> bytes:
    """A whole SELECT answer as TSV bytes (UTF-8).

    >>> x = Variable("x")
    >>> write_tsv([x], [{x: Literal(1)}, {}]).decode()
    '?x\\n1\\n\\n'
    """
    lines = ["\t".join(f"?{name}" for name in names)]
    lines += ["\t".join(term(row.get(name)) for name in names) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")
