"""The search index: tokens, folding, the query language, build, freshness, engine."""
