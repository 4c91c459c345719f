"""Translated fields (English, Ukrainian, Azerbaijani; English required)."""

from modeltranslation.translator import TranslationOptions, register

from editorial.models import Organization, Photo, Place


@register(Organization)
class OrganizationTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    fields = ("caption", "alt_text")
    required_languages = {"en": ("alt_text",)}
