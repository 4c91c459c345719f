"""Public pages of aid packages: list and detail under /<lang>/aid/."""

from django.urls import path

from aid import views

app_name = "aid"

urlpatterns = [
    path("", views.AidPackageListView.as_view(), name="list"),
    path("<slug:slug>/", views.AidPackageDetailView.as_view(), name="detail"),
]
