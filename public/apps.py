from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public site's shared pages: home, search, feeds, sitemap, robots.txt, errors.

    The content apps (aid, projects, people) own their list and detail pages; this app holds
    what spans all of them, so it depends on them and none of them on it.
    """

    name = "public"
    verbose_name = "Public site"
