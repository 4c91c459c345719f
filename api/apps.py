from django.apps import AppConfig


class ApiConfig(AppConfig):
    """What the partner API shares: its base viewsets, parameters, pages, formats, answer
    cache, CSV and IATI files. No models yet."""

    name = "api"
