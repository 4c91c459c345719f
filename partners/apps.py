from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partner API keys")

    def ready(self) -> None:
        # Registers the OpenAPI security scheme (a drf-spectacular extension registers itself
        # when its class is defined) and the check of the configured rates.
        from partners import authentication, throttling  # noqa: F401
