"""The home page's weight: what a page fetches, from which hosts, and how images are offered."""

from __future__ import annotations

from bench.weight import css_references, is_other_host, page_parts, weigh

BASE = "http://127.0.0.1:8020/en/"
PAGE = b"""<!doctype html><html><head>
<link rel="stylesheet" href="/static/css/site.abc.css">
<link rel="icon" href="/static/img/favicon.svg">
<script src="/static/js/menu.js" defer></script>
</head><body>
<img src="/media/a.jpg" srcset="/media/a-480.webp 480w, /media/a-960.webp 960w" alt="">
<img src="/media/b.jpg" alt="">
</body></html>"""
ASSETS = {
    "http://127.0.0.1:8020/static/css/site.abc.css": b"body{color:#000}" * 10,
    "http://127.0.0.1:8020/static/js/menu.js": b"x=1;",
}


def test_page_parts_finds_stylesheets_scripts_and_images() -> None:
    parts = page_parts(PAGE.decode())
    assert parts.stylesheets == ["/static/css/site.abc.css"]
    assert parts.scripts == ["/static/js/menu.js"]
    assert (parts.images, parts.images_with_srcset) == (2, 1)
    assert "/media/a-960.webp" in parts.references


def test_only_stylesheets_and_undeferred_scripts_block_rendering() -> None:
    parts = page_parts(
        '<link rel="stylesheet" href="/a.css"><link rel="stylesheet" media="print" href="/p.css">'
        '<script src="/s.js"></script><script src="/d.js" defer></script>'
        '<script type="module" src="/m.js"></script><script async src="/x.js"></script>'
    )
    assert parts.blocking == ["/a.css", "/s.js"]


def test_weigh_adds_html_css_and_js_before_compression() -> None:
    weight = weigh(PAGE, base_url=BASE, fetch=ASSETS.__getitem__)
    assert (weight.html, weight.css, weight.js) == (len(PAGE), 160, 4)
    assert weight.total == len(PAGE) + 164
    assert weight.other_hosts == []


def test_weigh_names_requests_to_other_hosts_and_does_not_fetch_them() -> None:
    page = (
        b'<link rel="stylesheet" href="https://fonts.example.com/css">'
        b'<img src="//cdn.example.net/x.png" srcset="//cdn.example.net/x2.png 2x">'
    )
    weight = weigh(page, base_url=BASE, fetch=ASSETS.__getitem__)
    assert weight.blocking_other_hosts == ["https://fonts.example.com/css"]
    assert weight.other_hosts == [
        "//cdn.example.net/x.png",
        "//cdn.example.net/x2.png",
        "https://fonts.example.com/css",
    ]


def test_weigh_finds_other_hosts_inside_our_stylesheets() -> None:
    css = b"@import url('https://fonts.example.com/f.css'); .a{background:url(/static/a.png)}"
    page = b'<link rel="stylesheet" href="/static/css/site.abc.css">'
    fetch = {"http://127.0.0.1:8020/static/css/site.abc.css": css}.__getitem__
    assert weigh(page, base_url=BASE, fetch=fetch).other_hosts == [
        "https://fonts.example.com/f.css"
    ]


def test_data_uris_and_relative_addresses_are_our_own() -> None:
    assert not is_other_host("data:image/png;base64,AAAA", BASE)
    assert not is_other_host("../static/x.css", BASE)
    assert is_other_host("http://localhost:8020/x.css", BASE)


def test_css_references_reads_imports_and_urls() -> None:
    assert css_references('@import "a.css"; b{background:url( "b.png" )}') == ["a.css", "b.png"]
