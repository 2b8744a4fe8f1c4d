"""`python -m generator` is the `explainer` command."""

import sys

from .cli import main

sys.exit(main())
