"""Helper scripts of the repository (screenshots, browser set-up); not part of the package."""
