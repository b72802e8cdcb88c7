"""`python -m worker`: run the background worker until stopped (see worker.main)."""

import sys

from worker.main import main

sys.exit(main())
