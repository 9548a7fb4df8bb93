import sys

from frontlines.cli import main

sys.exit(main())
