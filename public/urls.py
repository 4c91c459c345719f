"""The public site's shared pages, under /<lang>/."""

from django.urls import path

from public import feeds, home, views

app_name = "public"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.LatestFeed(), name="feed"),
]
