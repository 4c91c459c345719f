"""Pages that span all content: search and robots.txt. (The feed is in public/feeds.py.)"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.core.validators import ProhibitNullCharactersValidator
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from public.search import MAX_QUERY_LENGTH, load_results, search_keys


class SearchView(TemplateView):
    """/<lang>/search/?q=: published items of every kind, best match first, 20 a page.

    No query gives a page that says what can be searched; a query over 200 characters gives
    400 with the reason, since no real search needs one and ranking it would cost the most.
    A query with a null character gives 400 too: no text has one, and PostgreSQL refuses
    any text that does.
    """

    template_name = "public/search.html"
    paginate_by = 20

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        query = " ".join(request.GET.get("q", "").split())
        has_null = "\x00" in query
        context = self.get_context_data(
            search_query=query.replace("\x00", ""), too_long=False, has_null=has_null
        )
        if has_null:
            context["null_message"] = ProhibitNullCharactersValidator.message
            return self.render_to_response(context, status=400)
        if len(query) > MAX_QUERY_LENGTH:
            context["too_long"] = True
            return self.render_to_response(context, status=400)
        if query:
            paginator = Paginator(search_keys(query), self.paginate_by)
            page = paginator.get_page(request.GET.get("page"))
            context.update(
                paginator=paginator,
                page_obj=page,
                results=load_results(page.object_list),
            )
        return self.render_to_response(context)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["max_query_length"] = MAX_QUERY_LENGTH
        return context


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """The whole public site may be crawled; the admin, the API and search results not."""
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        # Partners read the API on purpose; crawlers have the pages and the sitemap.
        "Disallow: /api/",
        # A result page for every possible query is not a page of its own.
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
