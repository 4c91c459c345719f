"""URLs outside the language prefix: the sitemap index, its sections and robots.txt."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from public import sitemaps, views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path(
        "sitemap-<section>.xml", sitemap, {"sitemaps": sitemaps.sitemaps()}, name="sitemap-section"
    ),
]
