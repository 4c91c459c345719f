"""The home page's weight for a reader on a phone: HTML, CSS and JS before compression, any
request it makes to another host, and whether its images offer `srcset`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

KB = 1024
# Absolute URLs inside a stylesheet: @import and url(...), which the browser fetches too.
CSS_REFERENCE = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)|url\(\s*['"]?([^'")\s]+)""")


@dataclass
class PageParts:
    """What a page asks the browser to fetch."""

    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    # Every address in src, href (of link), srcset: the page's requests, for the host check.
    references: list[str] = field(default_factory=list)
    # Addresses that block rendering: stylesheets, and scripts without async, defer or module.
    blocking: list[str] = field(default_factory=list)
    images: int = 0
    images_with_srcset: int = 0


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts = PageParts()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "link" and attributes.get("href"):
            href = attributes["href"]
            self.parts.references.append(href)
            if "stylesheet" in attributes.get("rel", "").split():
                self.parts.stylesheets.append(href)
                if attributes.get("media", "all") in ("all", "screen", ""):
                    self.parts.blocking.append(href)
        elif tag == "script" and attributes.get("src"):
            src = attributes["src"]
            self.parts.scripts.append(src)
            self.parts.references.append(src)
            deferred = {"async", "defer"} & attributes.keys() or attributes.get("type") == "module"
            if not deferred:
                self.parts.blocking.append(src)
        elif tag in ("img", "source", "iframe", "video", "audio", "embed"):
            if attributes.get("src"):
                self.parts.references.append(attributes["src"])
            for candidate in attributes.get("srcset", "").split(","):
                if candidate.strip():
                    self.parts.references.append(candidate.split()[0])
            if tag == "img":
                self.parts.images += 1
                self.parts.images_with_srcset += bool(attributes.get("srcset"))


def page_parts(html: str) -> PageParts:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.parts


def is_other_host(url: str, base_url: str) -> bool:
    """True for an address on another host than the page's (data: URIs are in the page)."""
    absolute = urlsplit(urljoin(base_url, url))
    if absolute.scheme in ("data", "blob"):
        return False
    return absolute.netloc != urlsplit(base_url).netloc


def css_references(css: str) -> list[str]:
    return [first or second for first, second in CSS_REFERENCE.findall(css)]


@dataclass(frozen=True)
class PageWeight:
    html: int
    css: int
    js: int
    other_hosts: list[str]
    blocking_other_hosts: list[str]
    images: int
    images_with_srcset: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def weigh(html: bytes, *, base_url: str, fetch: Callable[[str], bytes]) -> PageWeight:
    """Weigh a page: `fetch` gets an asset's uncompressed bytes by its absolute address (only
    those on the page's own host are fetched)."""
    parts = page_parts(html.decode("utf-8"))
    other = [url for url in parts.references if is_other_host(url, base_url)]
    blocking_other = [url for url in parts.blocking if is_other_host(url, base_url)]
    sizes = {"css": 0, "js": 0}
    for kind, urls in (("css", parts.stylesheets), ("js", parts.scripts)):
        for url in urls:
            if is_other_host(url, base_url):
                continue
            absolute = urljoin(base_url, url)
            body = fetch(absolute)
            sizes[kind] += len(body)
            if kind == "css":
                found = css_references(body.decode("utf-8", "replace"))
                other += [ref for ref in found if is_other_host(ref, absolute)]
    return PageWeight(
        html=len(html),
        css=sizes["css"],
        js=sizes["js"],
        other_hosts=sorted(set(other)),
        blocking_other_hosts=sorted(set(blocking_other)),
        images=parts.images,
        images_with_srcset=parts.images_with_srcset,
    )
