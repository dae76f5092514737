"""PDF and text pages into the library: reading order, sources, writing pages."""
