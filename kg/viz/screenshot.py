"""Open a ``kg viz`` page in Debian's headless Chromium (driven by Playwright) for tests and the README picture.

Playwright is a test dependency, and its own browser download cannot work here: we launch the system
Chromium at :data:`CHROMIUM` with flags that keep it off the network (no background services).

    python -m kg.viz.screenshot out/graph.html docs/viz.png --click "Volodymyr Zelenskyy"
    python -m kg.viz.screenshot out/archive.html docs/overview.png
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 860}


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def open_page(chromium: Any, path: str | Path, timeout_ms: int = 120_000) -> tuple[Any, dict[str, list[str]]]:
    """Load the page from disk and wait until its graph is drawn.

    Returns the page and what it did: ``errors`` (console errors and uncaught exceptions) and
    ``requests`` (every URL it asked for that is not the file itself or inline data).
    """
    page = chromium.new_page(viewport=VIEWPORT)
    seen: dict[str, list[str]] = {"errors": [], "requests": []}
    url = Path(path).resolve().as_uri()
    page.on("console", lambda message: seen["errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("request", lambda request: seen["requests"].append(request.url)
            if request.url != url and not request.url.startswith(("data:", "blob:", "about:")) else None)
    page.goto(url)
    page.wait_for_function("window.kg && window.kg.ready === true", timeout=timeout_ms)
    return page, seen


def node_named(page: Any, name: str) -> str:
    """The cytoscape id of the node labelled ``name`` in the page (the overview numbers its nodes n0, n1, ...)."""
    found = page.evaluate("""(name) => {
        const i = kg.data.nodes.findIndex(n => (n.label !== undefined ? n.label : n.l) === name);
        return i < 0 ? null : kg.data.view === "overview" ? "n" + i : kg.data.nodes[i].id; }""", name)
    if not found:
        raise LookupError(f"no node labelled {name!r} in the page")
    return found


def click_node(page: Any, node: str) -> None:
    """A real mouse click on a node: bring it to the middle of the view, then click where it is drawn."""
    page.evaluate("(id) => { const n = kg.cy.getElementById(id); kg.cy.zoom(1.2); kg.cy.center(n); }", node)
    box = page.locator("#cy").bounding_box()
    at = page.evaluate("(id) => kg.cy.getElementById(id).renderedPosition()", node)
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m kg.viz.screenshot", description="Screenshot a kg viz page.")
    p.add_argument("page", help="HTML file written by kg viz")
    p.add_argument("out", help="PNG to write")
    p.add_argument("--click", metavar="NAME", help="click the node with this label first, to show its panel")
    args = p.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"kg: error: {CHROMIUM} is missing; install Debian's chromium (make browser)", file=sys.stderr)
        return 1
    with browser() as chromium:
        page, seen = open_page(chromium, args.page)
        if args.click:
            click_node(page, node_named(page, args.click))
            page.wait_for_selector("#panel:not([hidden])")
            page.wait_for_timeout(400)  # the centring animation
            page.evaluate("kg.cy.fit(kg.cy.$(':selected').closedNeighborhood(), 50)")  # the node and its neighbours
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=args.out)
    for error in seen["errors"]:
        print(f"kg: warning: page error: {error}", file=sys.stderr)
    print(f"kg: wrote {args.out}", file=sys.stderr)
    return 1 if seen["errors"] or seen["requests"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
