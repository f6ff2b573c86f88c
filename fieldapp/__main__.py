"""``python -m fieldapp``, and the entry point of the frozen app (``build.spec``)."""

import sys

from fieldapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
