from django.test import Client


def test_admin_pages_load_our_admin_style_sheet(admin_client: Client) -> None:
    assert b"css/admin.css" in admin_client.get("/admin/").content
