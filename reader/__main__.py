"""`python -m reader` runs the `reader` script."""

from reader.cli.entry import main

# The guard matters: the index build's worker processes re-import the main module
# (as `__mp_main__`), and must not run the command line again.
if __name__ == "__main__":
    main()
