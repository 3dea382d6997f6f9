"""The manual cannot rot: every command and every Python example in README.md and docs/*.md runs here.

Conventions (docs/index.md says the same for writers):

- A fenced ``console`` block is run: each ``$ `` line is a command (a trailing ``\\`` continues it);
  the lines after it, up to the next ``$``, are its shown output, compared with what it prints
  (stdout and stderr together, as a terminal shows them; ``...`` stands for any text, as in
  doctest). A command whose shown output holds ``kg: error:`` must fail; every other must succeed.
- A command that cannot run here (a cluster, a remote server) ends with the visible marker
  ``# not run by the tests: REASON``; such commands are counted and kept rare (``MAX_NOT_RUN``).
- A ``kg`` command anywhere else in a fence (``sh``, ``bash``, ``text`` ...) fails the test:
  shown commands live in console blocks, so they are run. ``make`` targets live in ``sh`` blocks.
- Python examples are ``pycon`` blocks with ``>>>`` prompts, run with doctest; a ``python`` block
  fails the test (an example nobody runs is one that rots).
- Each page runs in a workspace of its own: a copy of ``seeds/`` and ``queries/``, and the seed
  graph already built as ``out/graph.ttl`` (built once per session: the first thing the README
  tells a reader to do). Commands run in page order, so a page may build graphs and stores and use
  them further down. ``kg serve`` is started in the background on a free port and stopped at the
  end of the page; the page's later commands and examples reach it where they say ``127.0.0.1:7878``.
  ``oxigraph serve --bind ADDRESS`` (a SPARQL server used as a store) is started the same way, and
  later commands reach it where they say ADDRESS; output shows the address the page shows.

Pages are found by globbing, so a page added to docs/ (or text folded into one) is covered without
touching this file; docs/_new/ holds other branches' drafts until they are folded into the pages, and
is not read. ``KG_DOCS_UPDATE=1 pytest tests/test_docs.py`` rewrites the shown output of
commands whose output changed, from the real run: samples are generated, never typed.
"""
from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DEFAULT_ADDRESS = "127.0.0.1:7878"
MAX_NOT_RUN = 3  # one today (a Fuseki server); room for one from the readers of issue 14 (a cluster)
NOT_RUN = re.compile(r"\s+#\s*not run by the tests:\s*(?P<reason>\S.*)$")
FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[\w+-]*)")
KG_LINE = re.compile(r"^\s*(?:\$\s+)?kg\s")
SHELL_OPERATORS = set("|&;<>")
UPDATE = os.environ.get("KG_DOCS_UPDATE") == "1"


@dataclass
class Command:
    page: Path
    line: int  # 1-based line of the "$ " in the page
    text: str
    expected: list[str]
    output_lines: tuple[int, int]  # where the shown output sits in the page (0-based, end exclusive)
    not_run: str = ""


@dataclass
class Block:
    info: str
    start: int  # 0-based line index of the first line inside the fence
    lines: list[str] = field(default_factory=list)


def blocks(text: str) -> list[Block]:
    """Fenced code blocks, with their info string and where they start."""
    found: list[Block] = []
    current: Block | None = None
    closing = ""
    for number, line in enumerate(text.splitlines()):
        match = FENCE.match(line)
        if current is None and match:
            current, closing = Block(match["info"].lower(), number + 1), match["fence"]
        elif current is not None and line.strip().startswith(closing) and not line.strip().strip(closing[0]):
            found.append(current)
            current = None
        elif current is not None:
            current.lines.append(line)
    return found


def commands(page: Path) -> list[Command]:
    """The ``$`` commands of a page's console blocks, with their shown output."""
    found: list[Command] = []
    for block in blocks(page.read_text(encoding="utf-8")):
        if block.info not in ("console", "shell-session"):
            continue
        i = 0
        while i < len(block.lines):
            line = block.lines[i]
            if not line.startswith("$ "):
                if line.strip():
                    raise AssertionError(f"{page.name}:{block.start + i + 1}: output before any command")
                i += 1
                continue
            start, text = i, line[2:]
            while text.endswith("\\") and i + 1 < len(block.lines):
                i += 1
                text = text[:-1].rstrip() + " " + block.lines[i].strip()
            i += 1
            out_start = i
            while i < len(block.lines) and not block.lines[i].startswith("$ "):
                i += 1
            expected = block.lines[out_start:i]
            while expected and not expected[-1].strip():
                expected.pop()
            marker = NOT_RUN.search(text)
            found.append(Command(page, block.start + start + 1, text.strip(), expected,
                                 (block.start + out_start, block.start + out_start + len(expected)),
                                 marker["reason"] if marker else ""))
    return found


# -- running -------------------------------------------------------------------------------------
@dataclass
class Workspace:
    """One page's working folder, and the servers its commands started."""

    path: Path
    servers: list[subprocess.Popen] = field(default_factory=list)
    address: str = DEFAULT_ADDRESS  # where the page's `kg serve` listens, once started
    oxigraph: dict[str, str] = field(default_factory=dict)  # address a page's `oxigraph serve` shows -> real one

    def to_real(self, text: str) -> str:
        text = text.replace(DEFAULT_ADDRESS, self.address)
        for shown, real in self.oxigraph.items():
            text = text.replace(shown, real)
        return text

    def to_shown(self, text: str) -> str:
        for shown, real in self.oxigraph.items():
            text = text.replace(real, shown)
        return text

    def stop(self) -> None:
        for server in self.servers:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def kg_executable() -> str:
    return str(Path(sys.executable).parent / "kg")


def needs_shell(text: str) -> bool:
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    tokens = list(lexer)
    return any(t and set(t) <= SHELL_OPERATORS for t in tokens) or "$" in text or "`" in text


def run_in_process(argv: list[str], cwd: Path) -> tuple[int, str]:
    """``kg ARGS`` through its entry point, in this process (the model and libraries stay loaded)."""
    from kg.cli import main

    out = io.StringIO()
    here, handler, columns = Path.cwd(), signal.getsignal(signal.SIGTERM), os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"  # --help is wrapped to the terminal: the pages show it at 80 columns
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                status = main(argv)
            except SystemExit as exit_:  # argparse: --help, misuse
                status = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        os.chdir(here)
        signal.signal(signal.SIGTERM, handler)
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns
    return status, out.getvalue()


def run_in_shell(text: str, cwd: Path) -> tuple[int, str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-c", text], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=600)
    return done.returncode, done.stdout.decode("utf-8", "replace")


def start_server(argv: list[str], workspace: Workspace) -> tuple[int, str]:
    """``kg serve ...`` in the background on a free port; returns once it answers (or has died)."""
    argv = list(argv)
    if "--port" in argv:
        argv[argv.index("--port") + 1] = "0"
    else:
        argv += ["--port", "0"]
    server = subprocess.Popen([kg_executable(), *argv, "--quiet"], cwd=workspace.path, stderr=subprocess.PIPE,
                              stdout=subprocess.DEVNULL)
    workspace.servers.append(server)
    line = server.stderr.readline().decode("utf-8", "replace")  # "kg: serving ... at http://H:P/ ..." or an error
    while line.startswith("kg: warning"):
        line = server.stderr.readline().decode("utf-8", "replace")
    match = re.search(r"at http://([^/\s]+)/", line)
    if not match:
        server.wait(timeout=20)
        return server.returncode or 1, line + server.stderr.read().decode("utf-8", "replace")
    workspace.address = match[1]
    return 0, line.replace(match[1], DEFAULT_ADDRESS)  # the line a reader sees, at the address the page shows


def start_oxigraph(argv: list[str], workspace: Workspace) -> tuple[int, str]:
    """``oxigraph serve --bind HOST:PORT ...`` (a SPARQL server to use as a store) in the background on a free port."""
    import socket
    import time

    shown = argv[argv.index("--bind") + 1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    argv[argv.index("--bind") + 1] = f"127.0.0.1:{port}"
    binary = str(Path(sys.executable).parent / "oxigraph")
    server = subprocess.Popen([binary, *argv[1:]], cwd=workspace.path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    workspace.servers.append(server)
    for _ in range(200):
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            workspace.oxigraph[shown] = f"127.0.0.1:{port}"
            host = shown.split(":")[0]
            if host in ("127.0.0.1", "localhost"):  # both spellings of loopback reach it
                workspace.oxigraph[shown.replace(host, "localhost" if host == "127.0.0.1" else "127.0.0.1")] = \
                    f"127.0.0.1:{port}"
            return 0, ""
        if server.poll() is not None:
            return server.returncode or 1, "oxigraph serve exited"
        time.sleep(0.1)
    return 1, "oxigraph serve did not listen within 20 s"


def run_command(command: Command, workspace: Workspace, cache: dict[str, tuple[int, str, bytes]]) -> tuple[int, str]:
    text = workspace.to_real(command.text)
    if text.startswith("oxigraph serve "):
        return start_oxigraph(shlex.split(text), workspace)
    if needs_shell(text):
        return run_in_shell(text, workspace.path)
    argv = shlex.split(text)
    if argv[0] != "kg":
        return run_in_shell(text, workspace.path)
    if argv[1:2] == ["serve"] and not {"--help", "-h"} & set(argv):
        return start_server(argv[1:], workspace)
    key = cacheable_build(argv)
    if key and key in cache:  # the same build of the unchanged seed: its file and its summary, not a rebuild
        status, output, data = cache[key]
        out = workspace.path / argv[argv.index("--out") + 1]
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        return status, output
    status, output = run_in_process(argv[1:], workspace.path)
    if key and status == 0:
        cache[key] = (status, output, (workspace.path / argv[argv.index("--out") + 1]).read_bytes())
    return status, output


def cacheable_build(argv: list[str]) -> str:
    """A ``kg build PATHS --out FILE`` of the shipped seed alone gives the same bytes every time (tested
    elsewhere), so it runs once a session; anything reading other inputs runs every time."""
    if argv[1:2] != ["build"] or "--out" not in argv or "--store" in argv:
        return ""
    out = argv[argv.index("--out") + 1]
    inputs = [a for a in argv[2:] if not a.startswith("-") and a != out]
    options = {a for a in argv[2:] if a.startswith("-")}
    if not inputs or any(not (a == "seeds" or a.startswith("seeds/")) for a in inputs) or options - {"--out", "--quiet", "-q"}:
        return ""
    return " ".join(argv)


def matches(expected: list[str], actual: str) -> bool:
    want = "\n".join(line.rstrip() for line in expected) + "\n"
    got = "\n".join(line.rstrip() for line in actual.rstrip("\n").splitlines()) + "\n"
    return doctest.OutputChecker().check_output(want, got, doctest.ELLIPSIS)


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``kg build seeds --out out/graph.ttl``, once a session: the graph every page may start from."""
    folder = tmp_path_factory.mktemp("seed-graph")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    status, output = run_in_process(["build", "seeds", "--out", "out/graph.ttl", "--quiet"], folder)
    assert status == 0, output
    return folder / "out" / "graph.ttl"


@pytest.fixture(scope="session")
def build_cache() -> dict[str, tuple[int, str, bytes]]:
    return {}


@pytest.fixture
def workspace(tmp_path: Path, seed_graph: Path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "queries", tmp_path / "queries")
    (tmp_path / "out").mkdir()
    shutil.copy(seed_graph, tmp_path / "out" / "graph.ttl")
    space = Workspace(tmp_path)
    yield space
    space.stop()


def page_id(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def doctest_examples(page: Path, address: str) -> doctest.DocTest | None:
    text = page.read_text(encoding="utf-8").replace(DEFAULT_ADDRESS, address)
    text = re.sub(r"^ {0,3}(?:`{3,}|~{3,}).*$", "", text, flags=re.MULTILINE)  # a closing fence ends the output
    test = doctest.DocTestParser().get_doctest(text, {"__name__": "__docs__"}, page_id(page), str(page), 0)
    return test if test.examples else None


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_command_and_example_in_the_page_runs(page: Path, workspace: Workspace, build_cache) -> None:
    """Each console command runs and prints what the page shows; then the page's doctests pass."""
    failures: list[str] = []
    rewrites: list[tuple[Command, str]] = []
    for command in commands(page):
        if command.not_run:
            continue
        status, output = run_command(command, workspace, build_cache)
        output = workspace.to_shown(output)
        expect_failure = any("kg: error:" in line for line in command.expected)
        where = f"{page_id(page)}:{command.line}: $ {command.text}"
        if (status != 0) != expect_failure:
            failures.append(f"{where}\n  exit status {status}" + (" (expected a failure)" if expect_failure else "")
                            + "\n  " + output.strip()[-1500:].replace("\n", "\n  "))
        elif command.expected and not matches(command.expected, output):
            rewrites.append((command, output))
            failures.append(f"{where}\n  shown:\n    " + "\n    ".join(command.expected)
                            + "\n  printed:\n    " + output.rstrip().replace("\n", "\n    "))
    if UPDATE and rewrites:
        rewrite(page, rewrites)
    test = doctest_examples(page, workspace.address)
    if test is not None:
        here = Path.cwd()
        os.chdir(workspace.path)
        try:
            report = io.StringIO()
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            runner.run(test, out=report.write)
            if runner.failures:
                failures.append(report.getvalue())
        finally:
            os.chdir(here)
    assert not failures, "\n\n".join(failures)


def rewrite(page: Path, rewrites: list[tuple[Command, str]]) -> None:
    """Put what the commands really printed in place of what the page showed (KG_DOCS_UPDATE=1)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    for command, output in sorted(rewrites, key=lambda r: -r[0].output_lines[0]):
        start, end = command.output_lines
        lines[start:end] = [line.rstrip() for line in output.rstrip("\n").splitlines()]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- the conventions themselves ------------------------------------------------------------------
def test_kg_commands_live_only_in_console_blocks_and_python_only_in_doctests() -> None:
    """A command or example outside the blocks this module runs would be shown and never checked."""
    stray = []
    for page in PAGES:
        for block in blocks(page.read_text(encoding="utf-8")):
            if block.info in ("console", "shell-session", "pycon"):
                continue
            if block.info in ("python", "py"):
                stray.append(f"{page_id(page)}:{block.start}: a python block; write it as a pycon doctest (>>>)")
            for offset, line in enumerate(block.lines):
                if KG_LINE.match(line):
                    stray.append(f"{page_id(page)}:{block.start + offset + 1}: {line.strip()!r} is in a "
                                 f"{block.info or 'plain'} block; put it in a console block so that it is run")
    assert not stray, "\n".join(stray)


def test_commands_not_run_are_marked_with_a_reason_and_rare() -> None:
    not_run = [c for page in PAGES for c in commands(page) if c.not_run]
    assert len(not_run) <= MAX_NOT_RUN, "\n".join(f"{page_id(c.page)}:{c.line}: {c.text}" for c in not_run)
    every = [c for page in PAGES for c in commands(page)]
    assert len(every) - len(not_run) >= 20, "the manual shows few commands: is the extraction still finding them?"


def test_every_page_says_what_it_is_for_and_the_readme_links_them_all() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 12_000, "the README is a front door: at most 12,000 characters"
    for page in PAGES[1:]:
        head = page.read_text(encoding="utf-8").splitlines()
        assert head[0].startswith("# ") and head[2].strip(), f"{page_id(page)}: a title, then a one-line purpose"
        assert f"({page_id(page)})" in readme, f"README.md does not link {page_id(page)}"


def test_links_between_pages_point_at_files_that_exist() -> None:
    broken = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page_id(page)}: {target}")
    assert not broken, "\n".join(broken)


def test_the_extraction_reads_console_blocks_as_documented(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("\n".join([
        "# A page", "", "What it is for.", "",
        "```console", "$ kg query q.rq \\", "    --graph g.ttl", "a  b", "", "$ kg build x --out y.ttl",
        "$ kg build big/ --store http://h:3030/d/data  # not run by the tests: needs a Fuseki server", "```",
        "", "```sh", "make run", "```"]), encoding="utf-8")
    found = commands(page)
    assert [c.text for c in found][:2] == ["kg query q.rq --graph g.ttl", "kg build x --out y.ttl"]
    assert found[0].expected == ["a  b"] and found[0].line == 6 and found[1].expected == []
    assert found[2].not_run == "needs a Fuseki server"
    assert matches(["kg: wrote ...: 1 documents, ..."], "kg: wrote out/g.ttl: 1 documents, 19 entities\n")
    assert not matches(["(3 rows)"], "(4 rows)\n")
    assert needs_shell("kg query q.rq --graph g.ttl --format csv > a.csv") and not needs_shell("kg query 'a|b' -g x")


def test_commands_named_in_the_prose_use_real_subcommands_and_options() -> None:
    """`kg build --store` in a sentence is a reference, not a command to run; it must still name what exists."""
    import argparse

    from kg.cli import parser

    top = parser()
    sub = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    wrong = []
    for page in PAGES:
        for mention in re.findall(r"`(kg [^`]+)`", page.read_text(encoding="utf-8")):
            try:
                words = shlex.split(mention)
            except ValueError:
                words = mention.split()
            if words[1] in ("--help", "--version"):
                continue
            if words[1] not in sub.choices:
                wrong.append(f"{page_id(page)}: `{mention}`: no command {words[1]!r}")
                continue
            known = {s for action in sub.choices[words[1]]._actions for s in action.option_strings}
            wrong += [f"{page_id(page)}: `{mention}`: kg {words[1]} has no option {w.split('=')[0]}"
                      for w in words[2:] if w.startswith("--") and w.split("=")[0] not in known]
    assert not wrong, "\n".join(wrong)
