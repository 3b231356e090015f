"""Guide search, in the version each reader is shown (their language or its fallback).

PostgreSQL: full-text search with each language's own configuration (a Swedish version is stemmed
as Swedish, a Finnish one as Finnish), ranked, title above description above text. Other
databases (the SQLite default): a case-insensitive substring match (rookie/lib/lookups.py makes it
fold every alphabet's case, not only A–Z), newest first.
Vectors are computed per query; at Rookie's size (tens of guides) that is cheaper than keeping
indexed columns in step with four languages.
"""

from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When

from articles.languages import fallback_chain
from articles.models import Article

SEARCH_CONFIGS: dict[str, str] = {"en": "english", "sv": "swedish", "da": "danish", "fi": "finnish"}
MAX_QUERY_LENGTH = 200


def search_articles(queryset: QuerySet[Article], query: str, language: str) -> QuerySet[Article]:
    """Filter (and on PostgreSQL rank) `queryset`, already annotated with `shown_language`."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        return _full_text(queryset, query, language)
    return _substring(queryset, query, language)


def _full_text(queryset: QuerySet[Article], query: str, language: str) -> QuerySet[Article]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    matches, ranks = Q(), []
    for code in fallback_chain(language):
        config = SEARCH_CONFIGS.get(code, "simple")
        vector = (
            SearchVector(f"title_{code}", weight="A", config=config)
            + SearchVector(f"description_{code}", f"keywords_{code}", weight="B", config=config)
            + SearchVector(f"body_{code}", weight="C", config=config)
        )
        search_query = SearchQuery(query, config=config, search_type="websearch")
        queryset = queryset.annotate(**{f"search_{code}": vector})
        matches |= Q(shown_language=code, **{f"search_{code}": search_query})
        ranks.append(When(shown_language=code, then=SearchRank(F(f"search_{code}"), search_query)))
    rank = Case(*ranks, default=Value(0.0), output_field=FloatField())
    return queryset.filter(matches).annotate(rank=rank).order_by("-rank", "-published_at", "-pk")


def _substring(queryset: QuerySet[Article], query: str, language: str) -> QuerySet[Article]:
    matches = Q()
    for code in fallback_chain(language):
        text = Q(
            *[Q(**{f"{name}_{code}__icontains": query}) for name in ("title", "description", "keywords", "body")],
            _connector=Q.OR,
        )
        matches |= Q(shown_language=code) & text
    return queryset.filter(matches).order_by("-published_at", "-pk")
