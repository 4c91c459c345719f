"""Translated fields of aid records (English required)."""

from modeltranslation.translator import TranslationOptions, register

from aid.models import AidItem, AidPackage, ReportedFigure


@register(AidPackage)
class AidPackageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "legal_basis")
    required_languages = {"en": ("title", "summary")}


@register(AidItem)
class AidItemTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(ReportedFigure)
class ReportedFigureTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"en": ("title",)}
