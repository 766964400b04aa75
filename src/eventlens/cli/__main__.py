"""``python -m eventlens.cli`` runs the command-line interface."""

from eventlens.cli import main

main()
