"""Reading the sitemap as a crawler does: the index, then every page it lists."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlsplit

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_pages(client: Any) -> list[Any]:
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    pages = []
    for loc in ET.fromstring(index.content).iter(f"{SITEMAP}loc"):
        address = urlsplit(loc.text)
        page = client.get(f"{address.path}?{address.query}" if address.query else address.path)
        assert page.status_code == 200, loc.text
        pages.append(page)
    return pages
