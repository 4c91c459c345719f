"""URLs outside the language prefix: the sitemap and robots.txt."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from public import views
from public.sitemaps import sitemaps

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps()}, name="sitemap"),
]
