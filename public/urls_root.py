"""URLs outside the language prefix: the sitemap index, its sections and robots.txt."""

from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from public import views
from public.sitemaps import sitemaps

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        index,
        {"sitemaps": sitemaps(), "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": sitemaps()}, name="sitemap-section"),
]
