"""The partner API's CSV: one row per object, flattened from what its serializer produced, so
CSV and JSON never disagree. A page of a list (`?format=csv`, `CSVRenderer`) and a whole list
streamed (`/export.csv`, `stream_csv`) are written by the same functions: the same columns,
the same cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import translation
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer


def _csv_safe(value: Any) -> Any:
    # A cell starting like a formula is run by spreadsheet programs: quote it as text. A
    # leading minus starts a formula too, unless the cell is a number (decimals come as text).
    if not isinstance(value, str) or not value:
        return value
    if value[0] in ("=", "+", "@", "\t", "\r") or (value[0] == "-" and not _is_number(value)):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return True


def _summary(value: Any) -> str:
    """One list element as a short text: items and milestones by their label or date and
    title, organisations and places by name, photos by their address."""
    if not isinstance(value, Mapping):
        return str(value)
    if value.get("label"):
        return str(value["label"])
    dated = " ".join(str(value[key]) for key in ("date", "title") if value.get(key))
    return dated or str(value.get("name") or value.get("url") or "")


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """One CSV row: nested objects become dotted columns, lists one '; '-separated cell."""
    row: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            row.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            row[name] = _csv_safe("; ".join(_summary(element) for element in value))
        else:
            row[name] = "" if value is None else _csv_safe(value)
    return row


def csv_columns(serializer: serializers.Serializer, prefix: str = "") -> list[str]:
    """The CSV header for a serializer's objects: every column `flatten` can make of one.

    Taken from the serializer, not from the rows, so that every page of a list has the same
    columns in the same order, and a page with no rows still has its header.
    """
    columns: list[str] = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer):
            columns += csv_columns(field, f"{prefix}{name}.")
        elif parts := getattr(field, "csv_parts", ()):
            columns += [f"{prefix}{name}.{part}" for part in parts]
        else:
            columns.append(f"{prefix}{name}")
    return columns


def csv_text(columns: list[str], rows: Iterable[Mapping[str, Any]], *, header: bool) -> str:
    """Flattened rows as CSV lines under `columns`, after the header row if `header`. A column
    a row lacks is left empty."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=columns, restval="", extrasaction="ignore", lineterminator="\r\n"
    )
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


class CSVRenderer(BaseRenderer):
    """A page of a list endpoint as CSV: a header, then one row per object.

    Written here rather than taken from djangorestframework-csv, which is unmaintained: all it
    needs is to flatten what the serializer already produced, so CSV and JSON never disagree.
    An empty nested object (no recipient, no date) leaves its columns empty.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        records = data.get("results", data) if isinstance(data, Mapping) else data
        if isinstance(records, Mapping):
            records = [records]
        rows = [flatten(record) for record in records]
        context = renderer_context or {}
        view, response = context.get("view"), context.get("response")
        if view is not None and hasattr(view, "get_serializer"):
            columns = csv_columns(view.get_serializer())
        else:
            columns = list({name: None for row in rows for name in row})
        if response is not None and view is not None and response.status_code == 200:
            name = getattr(view, "basename", None) or "export"
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return csv_text(columns, rows, header=True).encode(self.charset)


def stream_csv(
    columns: list[str],
    chunks: Iterable[list[Any]],
    represent: Callable[[Any], Mapping[str, Any]],
    *,
    language: str,
) -> Iterator[bytes]:
    """A whole list as CSV, the header, then the objects a chunk at a time: each object as
    `represent` (a serializer's `to_representation`) makes it, flattened and written before the
    next is made, so memory holds one chunk's objects and one row. UTF-8, as `CSVRenderer`.

    The body is read after every middleware has returned, PartnerApiMiddleware's `?lang=`
    included, so each chunk is written in `language` here; and only while it is written, so the
    language is never left active in the thread between two chunks.
    """
    yield csv_text(columns, [], header=True).encode()
    for chunk in chunks:
        with translation.override(language):
            text = csv_text(columns, (flatten(represent(obj)) for obj in chunk), header=False)
        yield text.encode()
