"""Public pages of rehabilitation groups: list and detail under /<lang>/rehabilitation/."""

from django.urls import path

from people import views

app_name = "rehabilitation"

urlpatterns = [
    path("", views.RehabilitationGroupListView.as_view(), name="list"),
    path("<slug:slug>/", views.RehabilitationGroupDetailView.as_view(), name="detail"),
]
