"""``python -m eventlens`` runs the command-line interface, like the ``eventlens`` command."""

from eventlens.cli import main

main()
