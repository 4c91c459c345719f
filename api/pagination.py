"""Pages of a partner API list: their size, their bounds (a page past the end, or a size
past the largest, is a 400), and the Link header to the next and previous pages."""

from __future__ import annotations

import re
from typing import Any

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response


def _is_whole_number(value: Any) -> bool:
    # Not str.isdigit(): it accepts '²', which int() then refuses.
    return bool(re.fullmatch(r"[0-9]{1,9}", str(value)))


class PartnerPagination(PageNumberPagination):
    """50 per page by default, at most 200 (`?page_size=`); a larger size is refused, not
    silently cut, so a client never mistakes a short page for the whole list."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    page_size_query_description = "Objects per page, from 1 to 200 (default 50)."

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not _is_whole_number(raw) or not 1 <= int(raw) <= self.max_page_size:
            message = f"Must be a whole number from 1 to {self.max_page_size}."
            raise ValidationError({self.page_size_query_param: [message]})
        return int(raw)

    def get_page_number(self, request: Request, paginator: Any) -> str:
        number = super().get_page_number(request, paginator)
        if number not in self.last_page_strings and not (_is_whole_number(number) and int(number)):
            raise ValidationError({self.page_query_param: ["Must be a whole number from 1."]})
        return number

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        # The bounds get_page_size() and get_page_number() hold to, so the schema says them.
        bounds = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        ]
        if links:
            response["Link"] = ", ".join(links)
        return response
