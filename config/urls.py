"""Top-level URLs: the public site under /<lang>/, the admin, the API, sitemap and robots."""

from typing import Any

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from editorial.admin.autocomplete import autocomplete_view
from editorial.admin.dashboard import workflow_dashboard
from editorial.admin.view_on_site import view_on_site
from editorial.private_media import serve_private
from ops.views import healthz

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
admin.site.autocomplete_view = autocomplete_view

urlpatterns = [
    # Before the admin's own shortcut at the same address, which checks no permission.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="view-on-site",
    ),
    # Private files (photo originals, renditions not yet public), after a permission check.
    path("admin/media/<path:name>", serve_private, name="private-media"),
    # The second sign-in step (staff/): after the password, before the rest of the admin.
    path("admin/", include("staff.urls")),
    path("admin/", admin.site.urls),
    path(f"{settings.API_PREFIX.lstrip('/')}v1/", include("config.api", namespace="api")),
    # Operations: for load balancers and monitors, outside the language prefix.
    path("healthz", healthz, name="healthz"),
    path("", include("public.urls_root")),
]

# `/` has no page of its own: LocaleMiddleware redirects it to /<lang>/ by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("public.urls")),
    path("aid/", include("aid.urls")),
    path("projects/", include("projects.urls")),
    path("rehabilitation/", include("people.urls_rehabilitation")),
    path("partnerships/", include("people.urls_partnerships")),
)

# Operations: a database outage raised outside a view answers 503, not 500 (ops/views.py).
handler500 = "ops.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    from editorial.storage import PUBLIC_DIR

    # What the web server serves in production: public copies only (editorial/storage.py).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT / PUBLIC_DIR)
