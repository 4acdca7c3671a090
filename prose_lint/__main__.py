import sys

from prose_lint.cli import main

sys.exit(main())
