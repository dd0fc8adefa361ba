"""`python -m irviewer`: the same entry point as the `irviewer` script."""

from irviewer.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
