"""Relais knowledge base: Markdown articles, their validation, index and semantic search.

Nothing heavy happens at import time: embedding models load on first use, and every path or
model name is an argument (this package never reads the environment).
"""

from knowledge_base.documents import Article, Hit, Passage, Section
from knowledge_base.loader import ArticleError, load_articles
from knowledge_base.search import KnowledgeBase, SearchResult

__all__ = [
    "Article",
    "ArticleError",
    "Hit",
    "KnowledgeBase",
    "Passage",
    "SearchResult",
    "Section",
    "load_articles",
]
