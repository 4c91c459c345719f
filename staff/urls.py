"""The second step's pages, mounted under the admin's address (config/urls.py)."""

from django.contrib import admin
from django.urls import path

from staff import views

app_name = "staff"

urlpatterns = [
    # Open before the second step (staff/middleware.py), so not wrapped in admin_view.
    path("login/code/", views.code_view, name="code"),
    path("login/set-up/", views.enrol_view, name="enrol"),
    path("login/missing/", views.missing_view, name="missing"),
    path("two-step/", admin.site.admin_view(views.two_step_view), name="two_step"),
]
