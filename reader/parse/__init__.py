"""Page text to a `Page`: decoding and normalising, line facts, stories."""
