from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and synthetic data; depends on every content app, nothing depends on it."""

    name = "demo"
    verbose_name = "Demo content"
