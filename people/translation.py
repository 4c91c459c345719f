"""Translated fields of groups and partnerships (English required)."""

from modeltranslation.translator import TranslationOptions, register

from people.models import PartnershipActivity, RehabilitationGroup, SisterCityPartnership


@register(RehabilitationGroup)
class RehabilitationGroupTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"en": ("title", "summary")}


@register(SisterCityPartnership)
class SisterCityPartnershipTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"en": ("title", "summary")}


@register(PartnershipActivity)
class PartnershipActivityTranslationOptions(TranslationOptions):
    fields = ("title", "text")
    required_languages = {"en": ("title",)}
