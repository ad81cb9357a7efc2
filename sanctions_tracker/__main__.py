"""``python -m sanctions_tracker``: the same command line as ``sanctions-tracker``."""

import sys

from sanctions_tracker.cli import main

if __name__ == "__main__":
    sys.exit(main())
