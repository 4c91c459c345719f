"""Public pages of reconstruction projects: list and detail under /<lang>/projects/."""

from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("", views.ReconstructionProjectListView.as_view(), name="list"),
    path("<slug:slug>/", views.ReconstructionProjectDetailView.as_view(), name="detail"),
]
