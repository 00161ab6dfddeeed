"""``python -m claimgraph``: the command line."""

from .cli import main

main()
