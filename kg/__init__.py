"""kg: build a knowledge graph of who said what and who holds which post from news text.

The pipeline runs one way:

    documents -> spaCy Doc -> extractors -> records -> RDF mapper -> graph -> queries, exports, pictures
"""

__version__ = "0.1.0"
