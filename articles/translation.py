"""Translated fields (django-modeltranslation): one column per language, e.g. title_sv."""

from modeltranslation.translator import TranslationOptions, register

from articles.models import TRANSLATED_ARTICLE_FIELDS, Article, Category


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "slug")


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    # reading_minutes is derived from each version's body, so it is per language too.
    fields = TRANSLATED_ARTICLE_FIELDS
