"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a graph file or a store, with a query page.

A graph file is loaded once, at start, into Oxigraph, which answers every query
(:mod:`kg.serve.engine`). Safe by default: bound to 127.0.0.1, SPARQL Update,
SERVICE and FROM refused, each query answered in a sandboxed worker process
that is killed (and replaced) after ``--timeout`` seconds, answers cut at
``--max-rows``, requests over ``--max-request-bytes`` refused. Starlette and
uvicorn are imported only when the command runs, so ``kg --help`` stays fast.
"""
from __future__ import annotations

import argparse
import ipaddress
import os
import socket
import sys
from pathlib import Path

from kg.cli import Failure, command, warn

MAX_TIMEOUT = 86_400
# Workers: one a core, and two more, so that a slow query or two leave every core to the others.
DEFAULTS = {"host": "127.0.0.1", "port": 7878, "timeout": 10.0, "max_rows": 10_000, "max_request_bytes": 65_536,
            "jobs": (os.cpu_count() or 2) + 2}


def _serve_args(p: argparse.ArgumentParser) -> None:
    p.description = ("Serve a graph as a read-only SPARQL endpoint at /sparql (GET ?query=, POST "
                     "application/sparql-query or a form), with a query page at /.")
    p.epilog = ("Answers follow the Accept header: SPARQL results as JSON (default), XML, CSV or TSV; "
                "CONSTRUCT and DESCRIBE as Turtle (default), JSON-LD, N-Triples or RDF/XML. "
                "Example: kg serve --graph out/graph.ttl, then open http://127.0.0.1:7878/")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--graph", "-g", metavar="FILE", help="graph file (.ttl, .nt, .nq, .trig, .jsonld), loaded once")
    source.add_argument("--store", "-s", metavar="DIR",
                        help="store built with kg build --store DIR, queried read-only by Oxigraph")
    p.add_argument("--host", default=DEFAULTS["host"],
                   help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 opens it to the network)")
    p.add_argument("--port", type=int, default=DEFAULTS["port"], help="port (default: 7878; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=DEFAULTS["timeout"], metavar="SECONDS",
                   help="stop a query after this long and answer 503 (default: 10)")
    p.add_argument("--max-rows", type=int, default=DEFAULTS["max_rows"], metavar="N",
                   help="cut answers at N rows or triples, saying so in the X-KG-Truncated header (default: 10000)")
    p.add_argument("--max-request-bytes", type=int, default=DEFAULTS["max_request_bytes"], metavar="N",
                   help="refuse larger query strings and bodies with 413 (default: 65536)")
    p.add_argument("--jobs", "-j", type=int, default=DEFAULTS["jobs"], metavar="N",
                   help="worker processes, each answering one query at a time (default: the number of cores + 2, "
                        f"{DEFAULTS['jobs']} here)")
    p.add_argument("--queries", default=None, metavar="DIR",
                   help="folder of .rq files offered as examples on the page (default: the shipped queries/)")
    p.add_argument("--quiet", "-q", action="store_true", help="log only warnings, not every request")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def listen(host: str, port: int) -> socket.socket:
    """Bind the listening socket ourselves: a taken port is a clear error, and no resolver thread is started."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as err:
        raise Failure(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as err:
        sock.close()
        raise Failure(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    sock.setblocking(False)
    return sock


def _check(args: argparse.Namespace) -> None:
    if not 0 <= args.port <= 65535:
        raise Failure(f"--port {args.port}: expected 0 to 65535")
    if not args.timeout > 0:
        raise Failure("--timeout must be more than 0 seconds")
    if not args.timeout <= MAX_TIMEOUT:  # inf and nan too: the query process's alarm takes whole seconds
        raise Failure(f"--timeout must be at most {MAX_TIMEOUT:,} seconds (a day); a query that runs longer "
                      "is better run with kg query")
    for name in ("max_rows", "max_request_bytes", "jobs"):
        if getattr(args, name) < 1:
            raise Failure(f"--{name.replace('_', '-')} must be at least 1")
    if args.queries and not Path(args.queries).is_dir():
        raise Failure(f"--queries {args.queries}: no such folder")


@command("serve", _serve_args)
def run(args: argparse.Namespace) -> int:
    import asyncio
    import gc

    import uvicorn

    from kg.serve.app import Limits, create_app, default_queries_folder, load_examples
    from kg.serve.source import Source
    from kg.serve.worker import Pool

    _check(args)
    try:
        if args.store:
            if args.store.startswith(("http://", "https://")):
                raise Failure("--store takes a directory; to serve a remote store, query its own endpoint")
            source = Source.from_store(args.store)
        elif not Path(args.graph).is_file():
            raise Failure(f"{args.graph}: no such graph file")
        else:
            source = Source.from_file(args.graph)
    except (ValueError, FileNotFoundError) as err:
        raise Failure(str(err)) from None
    except Failure:
        raise
    except Exception as err:  # a parser error names the file and what is wrong
        raise Failure(f"{args.graph}: cannot parse graph ({type(err).__name__}: {str(err).splitlines()[0][:200]})") from None
    limits = Limits(timeout=args.timeout, max_rows=args.max_rows, max_request_bytes=args.max_request_bytes,
                    jobs=args.jobs)
    source.warm_up()
    gc.freeze()  # the loaded graph moves out of the collector's sight: workers do not copy it by touching it
    pool = Pool(source.handle, limits.timeout, limits.jobs).start()
    check = asyncio.run(pool.run(source.query("ASK {}", None, 1)))  # a worker opens the store and answers: before serving
    if check.status != 200:
        pool.stop()
        raise Failure(f"cannot query {source.name}: {check.body.decode('utf-8', 'replace').strip()[:300]}")
    examples = load_examples(Path(args.queries) if args.queries else default_queries_folder())
    loopback = is_loopback(args.host)
    app = create_app(source, pool, limits, examples, loopback_only=loopback)
    try:
        sock = listen(args.host, args.port)
    except Failure:
        pool.stop()
        raise
    port = sock.getsockname()[1]
    shown = f"[{args.host.strip('[]')}]" if ":" in args.host.strip("[]") else args.host
    if not loopback:
        warn(f"listening on {args.host}: anyone who can reach this machine can query the graph")
    print(f"kg: serving {source.name} at http://{shown}:{port}/ (SPARQL at /sparql); "
          "Ctrl-C stops", file=sys.stderr, flush=True)
    config = uvicorn.Config(app, http="h11", loop="asyncio", lifespan="on", log_level="warning" if args.quiet else "info",
                            access_log=not args.quiet, server_header=False, timeout_graceful_shutdown=2,
                            limit_concurrency=64, h11_max_incomplete_event_size=max(16_384, args.max_request_bytes + 8_192))
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        pool.stop()
    return 0
