from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site: the database-outage answer, /healthz, a cache that may fail, and
    the backup and restore commands. No models."""

    name = "ops"
    verbose_name = "Operations"
