from django.test import Client


def test_front_door_links_to_the_admin(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert b'href="/admin/"' in response.content
