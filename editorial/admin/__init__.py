"""The editorial admin, one job a module:

- publishable.py: the admin of a publishable item (fieldsets, form, save path), which the
  apps' admins extend; workflow_views.py, workflow_actions.py, history_views.py and
  photo_upload.py add its transition, review, preview, history and upload pages, on the steps
  item_pages.py shares;
- photos.py, children.py: photos, and children edited on their own pages;
- shared_records.py: organisations, places and sources;
- languages.py, lists.py, autocomplete.py: what the apps' admins use for translated fields,
  lists and autocomplete fields;
- dashboard.py, view_on_site.py: the index's workflow dashboard and the "view on site"
  shortcut, which config/urls.py puts in place.

Importing this package registers the models of `editorial` with the admin site.
"""

from editorial.admin import photos, shared_records  # noqa: F401  (they register their models)
