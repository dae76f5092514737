"""The commands of the `reader` CLI, one module per group; heavy imports stay inside."""
