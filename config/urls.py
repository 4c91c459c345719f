"""Top-level URLs: the admin and the plain front door (the public site is its own issue)."""

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.generic import TemplateView

from editorial.dashboard import workflow_dashboard

admin.site.site_header = "Körpü administration"
admin.site.site_title = "Körpü"
admin.site.index_title = "The record of Azerbaijan's aid to Ukraine"


def admin_index(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """The admin's index with the workflow dashboard (templates/admin/index.html shows it)."""
    context = {"workflow_dashboard": workflow_dashboard(request.user), **(extra_context or {})}
    return AdminSite.index(admin.site, request, extra_context=context)


# The default site is Django's own class (settings install django.contrib.admin), so its index
# is replaced here rather than by a subclass; `admin.site.urls` wraps it in the login check.
admin.site.index = admin_index

urlpatterns = [
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api", namespace="api")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
