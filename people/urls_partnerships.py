"""Public pages of sister-city partnerships: list and detail under /<lang>/partnerships/."""

from django.urls import path

from people import views

app_name = "partnerships"

urlpatterns = [
    path("", views.SisterCityPartnershipListView.as_view(), name="list"),
    path("<slug:slug>/", views.SisterCityPartnershipDetailView.as_view(), name="detail"),
]
