"""Keep a query's process to its own graph and off the network, whatever the query says.

Two fences, because a check that reads the query differently from the engine
can be fooled (issue 18, D1: ``"\\u0022 ... #"`` is a comment to rdflib, which
expands ``\\u`` escapes before parsing, and a string to Oxigraph, which does not):

- :func:`mentions_service` and :func:`mentions_dataset` read the text as Oxigraph,
  the engine that answers, does (no escape expansion; strings, IRIs and comments
  skipped, :mod:`kg.rdf.sparqltext`; keywords matched without a word boundary) and
  find a ``SERVICE`` or a ``FROM`` there. They run before Oxigraph sees the query
  (:func:`kg.serve.engine.check`), and err on the side of refusing.
- :func:`forbid_network` installs a seccomp filter in every query process so that
  the kernel refuses to create any socket but a Unix one. Oxigraph makes its
  HTTP requests from Rust, below Python's audit hooks, so only the kernel can
  stop it. The filter cannot be removed by the process that installed it, and
  it dies with that process (the server itself is not filtered).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import platform
import signal
import struct
from collections.abc import Iterator

from kg.rdf.sparqltext import Token, tokens

# seccomp(2) and filter(2) constants, from <linux/seccomp.h>, <linux/filter.h> and <linux/audit.h>.
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_PR_SET_PDEATHSIG = 1
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_EACCES = 13
_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE_K = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_RET_K = 0x06  # BPF_RET | BPF_K
_AF_UNIX = 1
_X32_SYSCALL_BIT = 0x40000000
# machine -> (AUDIT_ARCH_*, the socket(2) system call's number)
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198), "arm64": (0xC00000B7, 198)}


class _Filter(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]


def _program(arch: int, socket_nr: int) -> bytes:
    """BPF: on this architecture, socket(domain != AF_UNIX) fails with EACCES; everything else is allowed."""

    def op(code: int, jt: int, jf: int, k: int) -> bytes:
        return struct.pack("=HBBI", code, jt, jf, k)

    deny = _RET_ERRNO | _EACCES
    return b"".join([
        op(_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        op(_JEQ_K, 1, 0, arch),
        op(_RET_K, 0, 0, deny),  # another ABI (i386 on x86_64): nothing a query needs
        op(_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
        op(_JGE_K, 0, 1, _X32_SYSCALL_BIT),
        op(_RET_K, 0, 0, deny),  # the x32 ABI
        op(_JEQ_K, 0, 3, socket_nr),
        op(_LD_W_ABS, 0, 0, 16),  # seccomp_data.args[0], low word: the address family
        op(_JEQ_K, 1, 0, _AF_UNIX),
        op(_RET_K, 0, 0, deny),
        op(_RET_K, 0, 0, _RET_ALLOW),
    ])


@functools.cache
def libc() -> ctypes.CDLL | None:
    """The C library, found once (``find_library`` runs ``ldconfig``): call it before forking query processes."""
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name, use_errno=True) if name is not None and platform.system() == "Linux" else None


def forbid_network() -> bool:
    """From now on this process cannot open a network socket; False where the kernel or machine cannot say so."""
    arch = _ARCHES.get(platform.machine())
    lib = libc()
    if arch is None or lib is None:
        return False
    program = _program(*arch)
    fprog = _Filter(len(program) // 8, program)
    if lib.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return lib.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) == 0


def die_with_parent(parent: int) -> bool:
    """Have the kernel kill this process when its parent (the server) ends, however it ends; False if it has."""
    lib = libc()
    if lib is not None:
        lib.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    return os.getppid() == parent  # the parent may have gone before the request was made


def _names(text: str) -> list[tuple[str, str, str]]:
    """(name, the token before, the token after) for every name token of the text, as Oxigraph reads it."""
    found = list(tokens(text))
    return [(tok.text, found[i - 1].text if i else "", found[i + 1].text if i + 1 < len(found) else "")
            for i, tok in enumerate(found) if tok.kind == "name"]


def mentions_service(text: str) -> bool:
    """True when Oxigraph could read a ``SERVICE`` keyword in the text.

    Oxigraph's grammar matches keywords without a word boundary, so ``SERVICEex:g {`` and
    ``SERVICESILENT<http://h/>`` call a service too: any bare word holding SERVICE counts, and
    a prefixed name whose prefix holds it counts before a ``{`` (but after ``GRAPH``). The
    price is a rare false alarm (a prefix named ``service`` as the last term before a group).

    >>> mentions_service('SELECT * WHERE { BIND("\\\\u0022 AS ?x) #" AS ?y) SERVICE <http://h/> { ?s ?p ?o } }')
    True
    >>> mentions_service('PREFIX : <http://h/> SELECT * WHERE { SERVICE:g { ?s ?p ?o } }')
    True
    >>> mentions_service('SELECT * WHERE { ?s ?p "Secret Service" } # no SERVICE here')
    False
    >>> mentions_service('PREFIX service: <http://e/> SELECT * WHERE { ?s service:p ?o }')
    False
    """
    if "service" not in text.lower():  # the cheap answer for nearly every query
        return False
    for name, before, after in _names(text):
        prefix, colon, _local = name.partition(":")
        if "service" in prefix.lower() and (not colon or (after == "{" and before.upper() != "GRAPH")):
            return True
    return False


def mentions_dataset(text: str) -> bool:
    """True when Oxigraph could read a ``FROM`` or ``FROM NAMED`` clause in the text.

    Read as :func:`mentions_service` reads SERVICE: any bare word holding FROM, and a prefixed
    name whose prefix holds it outside every brace and parenthesis (``FROMex:g`` is FROM ex:g),
    but not where it is declared (``PREFIX from: <...>``).

    >>> mentions_dataset('SELECT*FROM<http://e/g>{?s ?p ?o}'), mentions_dataset('PREFIX : <http://e/> ASK FROM:g {}')
    (True, True)
    >>> mentions_dataset('PREFIX from: <http://e/> SELECT ?d WHERE { ?s prov:wasDerivedFrom ?d ; from:p ?o }')
    False
    """
    if "from" not in text.lower():
        return False
    depth = 0
    for token, before in _tokens_with_before(text):
        if token.kind == "punct":
            depth += {"{": 1, "(": 1, "}": -1, ")": -1}.get(token.text, 0)
        elif token.kind == "name":
            prefix, colon, _local = token.text.partition(":")
            if "from" in prefix.lower() and (not colon or (depth == 0 and before.upper() != "PREFIX")):
                return True
    return False


def _tokens_with_before(text: str) -> Iterator[tuple[Token, str]]:
    before = ""
    for token in tokens(text):
        yield token, before
        before = token.text
