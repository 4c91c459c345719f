"""A dated entry in a record's timeline: a project's milestones, a partnership's activities."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimelineEntry(models.Model):
    date = models.DateField(_("date"), help_text=_("When it happened."))
    title = models.CharField(
        _("title"), max_length=200, help_text=_("What happened, in a few words.")
    )
    text = models.TextField(_("text"), blank=True, help_text=_("Details, if any."))

    class Meta:
        abstract = True
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%d %b %Y}: {self.title}"
