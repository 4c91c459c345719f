"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

from config.warmup import load_what_requests_need  # noqa: E402 (needs the apps loaded)

load_what_requests_need()
