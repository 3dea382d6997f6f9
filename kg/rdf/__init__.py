"""RDF: the vocabulary, IRI minting, and the mapper from records to a graph. Nothing here knows of spaCy."""
