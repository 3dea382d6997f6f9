"""Markup to text: kg's own HTML tag stripper and Markdown unmarker.

Both run in time linear in their input (issue 18 D6): the HTML stripper turns a ``<``
that opens no tag into text before html.parser sees it, and each Markdown rule stops its
search at the next marker. The stripper reads feed entries (fragments of an article) and
the pages too small for trafilatura to find an article in (see :mod:`kg.readers.html`).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser


class _HTMLText(HTMLParser):
    """The readable text of an HTML page: a paragraph a line, scripts and styles dropped."""

    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
             "section", "article", "header", "footer", "aside", "nav", "main", "figure", "figcaption", "table", "tr",
             "pre", "hr", "address", "details", "summary", "title", "body", "form", "fieldset", "caption"}
    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping: list[str] = []
        self.in_title = False
        self.title_parts: list[str] = []

    def _break(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            # The page's title only: an inline <svg>'s <title> names an icon (issue 18 D19), and a second
            # <title> adds nothing to the first.
            self.in_title = not self.title_parts and not any(t in ("svg", "math", "object") for t in self.skipping)
        elif tag in self.SKIP and tag not in ("br", "hr"):
            self.skipping.append(tag)
        if tag in self.BLOCK and not self.skipping:
            self._break()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in self.BLOCK and not self.skipping:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in self.SKIP and tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
        if tag in self.BLOCK and not self.skipping:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skipping:
            self.current.append(data)

    def result(self) -> tuple[str, str]:
        self.close()
        self._break()
        return "\n".join(self.lines), " ".join("".join(self.title_parts).split())


# A "<" that no ">" closes before the next "<" opens no tag: as text, it spares html.parser a rescan of
# the rest of the page at every such mark (150 KB of "<a " took minutes, issue 18 D6).
_STRAY_LT = re.compile(r"<(?=[^<>]*(?:<|\Z))")


def html_to_text(html: str) -> tuple[str, str]:
    """An HTML page's text (a paragraph a line) and its ``<title>``.

    Examples:
        >>> html_to_text("<title>Row</title><p>“No,” said <b>Ann&nbsp;Lee</b>.</p><script>x=1</script><p>Next</p>")
        ('“No,” said Ann Lee.\\nNext', 'Row')
    """
    parser = _HTMLText()
    parser.feed(_STRAY_LT.sub("&lt;", html))
    return parser.result()


_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^ {0,3}(```|~~~).*$", re.M), ""),  # code fences (the code itself is kept)
    (re.compile(r"^ {0,3}([-*_])( *\1){2,} *$", re.M), ""),  # horizontal rules
    (re.compile(r"^ {0,3}(=+|-+) *$", re.M), ""),  # setext heading underlines
    (re.compile(r"^ {0,3}\[[^\]\n]+\]: *\S+.*$", re.M), ""),  # link reference definitions
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^(?: {0,3}> ?)+", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?", re.M), ""),  # list markers
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)"), r"\1"),  # inline links: their text
    (re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1"),  # reference links
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    (re.compile(r"`+([^`\n]+?)`+"), r"\1"),  # inline code
    # Emphasis spans hold no marker of their own kind and stay within a line and 300 characters: a
    # lazy ".+?" tried every later marker from every marker, quadratic on "*a *a *a …" (issue 18 D6).
    (re.compile(r"\*\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*\*"), r"\1"),  # strong with **
    (re.compile(r"__(?=\S)([^_\n]{1,300}?)(?<=\S)__"), r"\1"),  # strong with __
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # emphasis with *
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_])_(?![\w_])"), r"\1"),  # emphasis with _
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),  # backslash escapes
]


def markdown_to_text(markdown: str) -> str:
    """Markdown reduced to its words: headings, emphasis, lists and quotes unmarked, links to their text.

    Examples:
        >>> markdown_to_text("# Talks\\n\\n**Jean-Luc** said: “[Peace](https://x.org) is *near*.”\\n\\n- O'Brien_s item")
        "Talks\\n\\nJean-Luc said: “Peace is near.”\\n\\nO'Brien_s item"
    """
    text = markdown
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
