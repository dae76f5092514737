"""The `reader` command line: the entry point, the typer commands and their output."""
