"""Readers of the shapes news comes in besides plain files: web pages, web archives and feeds.

Each format is one module with one ``read_*`` generator of documents and problems, as
:mod:`kg.documents` reads text, Markdown and JSONL; :func:`kg.documents.read_documents`
picks the reader by a file's name (or, for a file named directly, by its first bytes).
The libraries do the parsing: trafilatura (pages), warcio (archives), feedparser (feeds).
"""
