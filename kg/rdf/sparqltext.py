"""SPARQL text as an engine's lexer sees it: where strings, IRIs and comments are.

Two places read query text without parsing it: the endpoint's second look for ``SERVICE``
(:mod:`kg.serve.sandbox`) and ``kg query --store --param``, which writes a binding into the
query's outer group (:func:`kg.store.local.prebind`). Both must skip what is inside a
string, an IRI or a comment, or a word there is taken for syntax (issue 18, D1 and D8).
"""
from __future__ import annotations

import re

# Strings (long ones first) with backslash escapes, IRIs (IRIREF has no spaces, quotes, braces or
# angle brackets), comments to the end of a line. Escapes are not expanded: SPARQL's \u escapes
# stand only inside these tokens as Oxigraph reads them.
OPAQUE = re.compile(r'''"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z)|'\'\'(?:[^'\\]|\\.|'(?!''))*(?:'\'\'|\Z)'''
                    r'''|"(?:[^"\\\n\r]|\\.)*(?:"|\Z)|'(?:[^'\\\n\r]|\\.)*(?:'|\Z)'''
                    r'''|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n\r]*''', re.DOTALL)


def masked(text: str) -> str:
    """The text with every string, IRI and comment blanked to spaces: same length, same offsets.

    >>> masked('SELECT * WHERE { ?s ?p "WHERE {" } # WHERE {')
    'SELECT * WHERE { ?s ?p           }          '
    """
    return OPAQUE.sub(lambda m: " " * len(m.group()), text)
