"""``python -m claimgraph``: the command line."""

from .entry import main

main()
