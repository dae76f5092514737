"""`python -m reader` runs the command line."""

from reader.cli import main

# The guard matters: the index build's worker processes re-import the main module
# (as `__mp_main__`), and must not run the command line again.
if __name__ == "__main__":
    main()
