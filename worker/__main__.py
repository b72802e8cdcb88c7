"""`python -m worker`: run the background worker until stopped (see worker.outbox)."""

import sys

from worker.outbox import main

sys.exit(main())
