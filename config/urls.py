"""Top-level URLs: the admin and the plain front door (the public site is its own issue)."""

from django.conf import settings
from django.contrib import admin
from django.urls import path
from django.views.generic import TemplateView

admin.site.site_header = "Körpü administration"
admin.site.site_title = "Körpü"
admin.site.index_title = "The record of Azerbaijan's aid to Ukraine"

urlpatterns = [
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
