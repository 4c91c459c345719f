"""Translated fields of reconstruction projects (English required)."""

from modeltranslation.translator import TranslationOptions, register

from projects.models import Milestone, ReconstructionProject


@register(ReconstructionProject)
class ReconstructionProjectTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "address")
    required_languages = {"en": ("title", "summary")}


@register(Milestone)
class MilestoneTranslationOptions(TranslationOptions):
    fields = ("title", "text")
    required_languages = {"en": ("title",)}
