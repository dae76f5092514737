"""reader: a terminal reader for Chinese newspaper issues."""

__version__ = "0.1.0"
