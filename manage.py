#!/usr/bin/env python3
"""Django's command-line utility for Körpü."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if "DJANGO_SECRET_KEY" not in os.environ:
        # A command line with no deploy configuration is a developer's machine: run in DEBUG,
        # the only mode that may start without a secret key. Servers start through wsgi.py,
        # which keeps refusing, and so does DJANGO_DEBUG=0 set on purpose.
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
