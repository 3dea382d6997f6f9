"""Keep a query's process off the network, whatever the query says.

Two fences, because a check that reads the query differently from the engine
can be fooled (issue 18, D1: ``"\\u0022 ... #"`` is a comment to rdflib, which
expands ``\\u`` escapes before parsing, and a string to Oxigraph, which does not):

- :func:`mentions_service` reads the text as Oxigraph's lexer does (no escape
  expansion; strings, IRIs and comments skipped, :mod:`kg.rdf.sparqltext`) and finds a ``SERVICE``
  keyword there. :func:`kg.serve.worker.prepare` asks both it and rdflib's
  parser, and refuses when either sees one.
- :func:`forbid_network` installs a seccomp filter in the forked child so that
  the kernel refuses to create any socket but a Unix one. Oxigraph makes its
  HTTP requests from Rust, below Python's audit hooks, so only the kernel can
  stop it. The filter cannot be removed by the process that installed it, and
  it dies with that process (the server itself is not filtered).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import platform
import re
import struct

from kg.rdf.sparqltext import masked

# seccomp(2) and filter(2) constants, from <linux/seccomp.h>, <linux/filter.h> and <linux/audit.h>.
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
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


def forbid_network() -> bool:
    """From now on this process cannot open a network socket; False where the kernel or machine cannot say so."""
    arch = _ARCHES.get(platform.machine())
    libc_name = ctypes.util.find_library("c")
    if arch is None or libc_name is None or platform.system() != "Linux":
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    program = _program(*arch)
    fprog = _Filter(len(program) // 8, program)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) == 0


_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)


def mentions_service(text: str) -> bool:
    """True when ``SERVICE`` stands as a keyword in the text as Oxigraph reads it.

    >>> mentions_service('SELECT * WHERE { BIND("\\\\u0022 AS ?x) #" AS ?y) SERVICE <http://h/> { ?s ?p ?o } }')
    True
    >>> mentions_service('SELECT * WHERE { ?s ?p "Secret Service" } # no SERVICE here')
    False
    """
    return bool(_SERVICE.search(masked(text)))
