"""The search index: tokens, folding, the query language, build, freshness, engine.

Build: `tokens` and `segmenter` cut folded text (`folding`), `pagetext` packs each page's
items (`records`), `build` and `workers` write them into the index file (`store`,
`journal`) and the impact table (`heads`). Search: `query` parses, and `engine` runs the
stages in order: `candidates` (filters, the bigram table), `scoring` (bm25, `topk`,
`rank`), `checking` (every term literally there, with its spans), `results` (hits).
"""
