"""Translated fields (django-modeltranslation): one column per language, e.g. summary_sv.

Reading `network.summary` follows MODELTRANSLATION_FALLBACK_LANGUAGES; filter() and order_by()
on these fields read the active language's column only, so the catalogue searches every column
explicitly (NetworkQuerySet.search) and never orders by a translated field.
"""

from modeltranslation.translator import TranslationOptions, register

from networks.models import Criterion, Network, Place
from rookie.lib.languages import LANGUAGE_CODES


@register(Network)
class NetworkTranslationOptions(TranslationOptions):
    fields = ("summary", "purpose", "organiser", "audience")


@register(Criterion)
class CriterionTranslationOptions(TranslationOptions):
    fields = ("label", "question", "help_text")
    # The checklist is shown in every language; an editor may not leave one empty.
    required_languages = LANGUAGE_CODES


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name",)
    # A city's name is short and the same in most languages; an editor fills every tab.
    required_languages = LANGUAGE_CODES
