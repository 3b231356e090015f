"""Translated fields (django-modeltranslation): one column per language, e.g. body_sv."""

from modeltranslation.translator import TranslationOptions, register

from sitepages.models import SitePage


@register(SitePage)
class SitePageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
