"""``python -m api.cli``: the same program as the ``samarbejdskort`` command."""

from api.cli import main

main()
