"""Explainer generator: news articles in seeds/ -> a cross-linked MkDocs Material site."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
