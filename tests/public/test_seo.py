"""`{% open_graph obj %}` and `{% json_ld obj %}` on a detail page's object."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.db.models import Prefetch
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from aid.models import AidPackage
from editorial import photo_files
from editorial.models import Photo
from editorial.renditions import ensure_renditions
from tests.factories import AidPackageFactory, PhotoFactory, ReconstructionProjectFactory

pytestmark = pytest.mark.django_db

TAGS = Template("{% load seo %}{% open_graph obj %}\n{% json_ld obj %}")


def render(obj, language: str = "en") -> str:
    request = RequestFactory().get("/")
    with translation.override(language):
        return TAGS.render(Context({"obj": obj, "request": request}))


def meta(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', html))


def structured_data(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def detail(obj) -> AidPackage:
    return type(obj).objects.published().for_detail().get(pk=obj.pk)


def test_open_graph_describes_an_article():
    published_at = timezone.now() - dt.timedelta(days=3)
    package = AidPackageFactory(
        published=True, title="Generators", summary="For hospitals.", published_at=published_at
    )

    properties = meta(render(detail(package)))

    assert properties["og:type"] == "article"
    assert properties["og:title"] == "Generators"
    assert properties["og:description"] == "For hospitals."
    assert properties["article:published_time"] == published_at.isoformat()
    assert properties["article:modified_time"] == package.updated_at.isoformat()
    assert "og:image" not in properties


def test_open_graph_shows_the_first_public_photo_as_an_absolute_url():
    package = AidPackageFactory(published=True)
    for order, alt in enumerate(["Transformers on a quay", "Second"]):
        photo = PhotoFactory(content_object=package, order=order, alt_text=alt)
        ensure_renditions(photo)
        photo_files.sync([photo])

    properties = meta(render(detail(package)))

    assert re.fullmatch(r"http://testserver/media/renditions/.+\.jpg", properties["og:image"])
    assert properties["og:image:width"] == "8"
    assert properties["og:image:height"] == "6"
    assert properties["og:image:alt"] == "Transformers on a quay"


def test_a_photo_without_renditions_is_not_shared():
    # Its original is not the public's (it would only answer 404 to a link preview).
    package = AidPackageFactory(published=True)
    PhotoFactory(content_object=package, renditions=False)

    html = render(detail(package))

    assert "og:image" not in meta(html)
    assert "image" not in structured_data(html)


def test_open_graph_prefers_a_jpeg_rendition():
    package = AidPackageFactory(published=True)
    photo = PhotoFactory(content_object=package)
    ensure_renditions(photo)
    photo_files.sync([photo])

    properties = meta(render(detail(package)))

    assert re.fullmatch(r"http://testserver/media/renditions/.+\.jpg", properties["og:image"])


def test_no_photo_of_minors_without_consent_is_shared():
    package = AidPackageFactory(published=True)
    photos = [
        PhotoFactory(content_object=package, order=0, shows_minors=True, consent_on_file=False),
        PhotoFactory(
            content_object=package,
            order=1,
            alt_text="Consented",
            shows_minors=True,
            consent_on_file=True,
        ),
    ]
    for photo in photos:
        ensure_renditions(photo)
    photo_files.sync(photos)

    html = render(detail(package))

    assert meta(html)["og:image:alt"] == "Consented"
    assert structured_data(html)["image"]["caption"] == "Consented"


def test_no_photo_of_minors_without_consent_even_when_all_photos_were_loaded():
    package = AidPackageFactory(published=True)
    PhotoFactory(content_object=package, shows_minors=True, consent_on_file=False)
    everything = Prefetch("photos", queryset=Photo.objects.prefetch_related("renditions"))
    loaded = AidPackage.objects.prefetch_related(everything).get(pk=package.pk)

    html = render(loaded)

    assert "og:image" not in meta(html)
    assert "image" not in structured_data(html)


def test_json_ld_is_an_article_with_publisher():
    project = ReconstructionProjectFactory(
        published=True, slug="irpin-lyceum", title="Lyceum", summary="Restored."
    )
    photo = PhotoFactory(content_object=project, alt_text="The lyceum")
    ensure_renditions(photo)
    photo_files.sync([photo])

    data = structured_data(render(detail(project)))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Lyceum"
    assert data["description"] == "Restored."
    assert data["url"] == "http://testserver/en/projects/irpin-lyceum/"
    assert data["inLanguage"] == "en"
    assert data["publisher"] == {"@type": "Organization", "name": "Körpü"}
    assert data["image"]["url"].startswith("http://testserver/media/renditions/")
    assert data["dateModified"].startswith(str(project.updated_at.date()))


def test_json_ld_names_the_language_of_the_text():
    translated = AidPackageFactory(published=True, title="Fuel", title_uk="Пальне")
    english_only = AidPackageFactory(published=True, title="Cable")

    assert structured_data(render(detail(translated), "uk"))["inLanguage"] == "uk"
    assert structured_data(render(detail(translated), "uk"))["headline"] == "Пальне"
    assert structured_data(render(detail(english_only), "uk"))["inLanguage"] == "en"


def test_json_ld_cannot_be_broken_out_of():
    title = '</script><script>alert("x")</script><!--'
    package = AidPackageFactory(published=True, title=title, summary="a & b")

    html = render(detail(package))

    assert html.count("</script>") == 1
    assert "<script>alert" not in html
    assert "<!--" not in html
    data = structured_data(html)
    assert data["headline"] == title
    assert data["description"] == "a & b"


def test_open_graph_escapes_text():
    package = AidPackageFactory(published=True, title='"><script>x</script>')

    html = render(detail(package))

    assert "<script>x" not in html
    assert 'content="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


def test_seo_tags_cost_no_queries(django_assert_num_queries):
    package = AidPackageFactory(published=True, photos=2)
    loaded = detail(package)

    with django_assert_num_queries(0):
        render(loaded)
