"""SPARQL text as an engine's lexer sees it: where strings, IRIs, comments and names are.

Three places read query text without parsing it: the endpoint's checks for ``SERVICE`` and
``FROM`` (:mod:`kg.serve.sandbox`) and ``kg query --store --param``, which writes a binding
into the query's outer group (:func:`kg.store.local.prebind`). All must skip what is inside a
string, an IRI or a comment, or a word there is taken for syntax (issue 18, D1 and D8).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Strings (long ones first) with backslash escapes, IRIs (IRIREF has no spaces, quotes, braces or
# angle brackets), comments to the end of a line, and a name's escape (``ex:a\#b``, ``ex:a\'b``:
# PN_LOCAL_ESC, which starts neither a comment nor a string). Escapes are not expanded: SPARQL's
# \u escapes stand only inside these tokens as Oxigraph reads them.
OPAQUE = re.compile(r'''(?P<escape>\\[_~.\-!$&'()*+,;=/?#@%])'''
                    r'''|"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z)|'\'\'(?:[^'\\]|\\.|'(?!''))*(?:'\'\'|\Z)'''
                    r'''|"(?:[^"\\\n\r]|\\.)*(?:"|\Z)|'(?:[^'\\\n\r]|\\.)*(?:'|\Z)'''
                    r'''|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n\r]*''', re.DOTALL)


def masked(text: str) -> str:
    """The text with every string, IRI and comment blanked to spaces: same length, same offsets.

    A name's escape (``\\#`` in ``ex:a\\#b``) stays part of the name, as two name characters.

    >>> masked('SELECT * WHERE { ?s ?p "WHERE {" } # WHERE {')
    'SELECT * WHERE { ?s ?p           }          '
    >>> masked("SELECT * WHERE { ?s ex:a\\\\#b ?o }")
    'SELECT * WHERE { ?s ex:a__b ?o }'
    """
    return OPAQUE.sub(lambda m: "__" if m.group("escape") else " " * len(m.group()), text)


# What is left once masked: variables, blank node labels, language tags, numbers, names (a word
# such as SELECT, or a prefixed name such as ex:a), and single punctuation characters.
_NAME_CHARS = r"\w\u00B7\u0300-\u036F\u203F\u2040"
_TOKEN = re.compile(
    rf"(?P<var>[?$][{_NAME_CHARS}]*)"
    rf"|(?P<bnode>_:[{_NAME_CHARS}.\-]*)"
    r"|(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)"
    r"|(?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)"
    rf"|(?P<name>(?:[^\W\d_][{_NAME_CHARS}.\-]*)?:[{_NAME_CHARS}.\-:%]*|[^\W\d_][{_NAME_CHARS}]*)"
    r"|(?P<punct>\S)")


class Token(NamedTuple):
    kind: str  # var, bnode, lang, number, name or punct
    text: str


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a query outside its strings, IRIs and comments, as a lexer would split them.

    >>> [t.text for t in tokens('SELECT ?x WHERE { ?x ex:p "a b" . }')]
    ['SELECT', '?x', 'WHERE', '{', '?x', 'ex:p', '.', '}']
    """
    for match in _TOKEN.finditer(masked(text)):
        yield Token(match.lastgroup or "punct", match.group())


_BRACKET = re.compile(r"[{}()\[\]]")


def nesting(text: str) -> int:
    """How deep brackets (``{``, ``(``, ``[``) nest outside strings, IRIs and comments.

    >>> nesting('SELECT * WHERE { ?s ?p [ ?q "{{{" ] FILTER((?o)) }')
    3
    """
    depth = deepest = 0
    for match in _BRACKET.finditer(masked(text)):
        if match.group() in "{([":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest
