"""Public pages: the catalogue, a network's details, the side-by-side comparison and the checklist.

Each runs a fixed number of queries whatever the number of networks or evaluations: aggregates
are columns (Network.evaluation_count, score_average, CriterionStats) and "fit for me" is an
expression over the network's columns, annotated in SQL (networks/scoring.py).
tests/networks/test_queries.py pins the counts.

What is the same for every reader of a language is kept (networks/fragments.py), with or without
the page cache: a network's card, a page of results (count and ranked ids; ranked by "fit for me",
the same for every member with the same weights), the filter form and its cities, a network page's
public part. What is a member's own is computed for each request and put between those pieces:
their status, their scores, their evaluation, their fit when the page is not ranked by it (from
the averages kept with each card).
"""

import math
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Expression, F, Q
from django.http import Http404, HttpRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from networks import pagecache as network_pages
from networks.forms import CatalogueFilterForm, city_choices
from networks.fragments import cut, fragment, fragments, slot
from networks.models import (
    Criterion,
    CriterionStats,
    Evaluation,
    Membership,
    MembershipStatus,
    Network,
    Place,
    Priority,
    Score,
)
from networks.rendering import fit_term, own_score_html, status_badge
from networks.scoring import (
    Weights,
    fit_expression,
    fit_from_averages,
    fit_from_stats,
    fit_sql,
    is_personal,
    weights_for,
)
from rookie.lib.pagecache import MAX_PARAM_LENGTH, cache_anonymous_page
from rookie.lib.querystring import query_int, query_texts
from rookie.lib.sql import with_tables

PER_PAGE = 20
_NETWORKS = Network._meta.db_table
COMMENTS_SHOWN = 20
COMPARE_MIN = 2
COMPARE_MAX = 4

_BY_SCORE = F("score_average").desc(nulls_last=True)
ORDERINGS = {
    "score": [_BY_SCORE, "-evaluation_count", "name", "pk"],
    "fit": [F("fit").desc(nulls_last=True), _BY_SCORE, "name", "pk"],
    "evaluations": ["-evaluation_count", _BY_SCORE, "name", "pk"],
    "newest": ["-created_at", "-pk"],
    "name": ["name", "pk"],
}


def _filtered(networks, filters):
    if text := filters.get("q"):
        networks = networks.search(text)
    for field in ("kind", "scope"):
        if value := filters.get(field):
            networks = networks.filter(**{field: value})
    if code := filters.get("country"):
        networks = networks.in_country(code)
    if place := filters.get("city"):
        networks = networks.filter(city_id=int(place))  # a choice of the form: one of the place ids
    if code := filters.get("language"):
        networks = networks.with_language(code)
    if fee := filters.get("fee"):
        networks = networks.filter(fee_amount=0) if fee == "free" else networks.filter(fee_amount__gt=0)
    if mode := filters.get("meets"):
        networks = networks.filter(**{f"meets_{mode}": True})
    return networks


# Kept pieces (the filter form, a page of results) only for the query strings our own links and
# form produce, as the page cache does: a search text or a long value would fill the cache with
# one-off entries.
_FORM_PARAMS = frozenset(network_pages.CATALOGUE_PARAMS)


def _keepable(request: HttpRequest) -> tuple[tuple[str, str], ...] | None:
    """The query string as a key (empty values dropped, sorted), or None if it is not kept."""
    query = tuple(sorted((name, value) for name, values in request.GET.lists() for value in values if value))
    if any(name not in _FORM_PARAMS or len(value) > MAX_PARAM_LENGTH for name, value in query):
        return None
    return query


def _city_choices() -> list:
    """The filter's cities: those with approved networks, grouped and sorted for the reader."""
    return fragment(
        "cities",
        "approved",
        lambda: city_choices(Place.objects.filter(networks__status=Network.Status.APPROVED).distinct()),
    )


def _filters_html(request: HttpRequest, form: CatalogueFilterForm, filters: dict) -> SafeString:
    def render() -> str:
        context = {
            "form": form,
            "filtered": any(key != "sort" for key in filters),
            "narrowed": any(key not in ("q", "sort") for key in filters),
        }
        return render_to_string("networks/partials/catalogue_filters.html", context)

    query = _keepable(request)
    if query is None:
        return render()
    part = (request.user.is_authenticated, tuple(item for item in query if item[0] != "page"))
    return mark_safe(fragment("filters", part, render))  # noqa: S308 (rendered by our template)


@dataclass
class Listed:
    """A network on a page of the catalogue: its card, with the reader's own parts in."""

    pk: int
    name: str
    slug: str
    fit: float | None
    card: SafeString


Ranking = tuple[int, int, list[tuple[int, float | None]]]


def _rank(filters: dict, sort: str, fit: Expression | None, number: int, *, keep_count: bool) -> Ranking:
    """(number of matching networks, the page's number, [(pk, fit)] on that page), ranked on the
    sort keys alone: sorting every matching network's full (wide, translated) row costs twice as
    much in the database. keep_count: the number, the same for every reader and sort, is kept."""
    matching = _filtered(Network.objects.published(), filters)
    ranked = matching.annotate(fit=fit) if fit is not None else matching
    fields = ("pk", "fit") if fit is not None else ("pk",)
    paginator = Paginator(ranked.order_by(*ORDERINGS[sort]).values_list(*fields), PER_PAGE)
    if keep_count:
        paginator.count = fragment("count", tuple(sorted(filters.items())), matching.count)
    page = paginator.get_page(number)
    return paginator.count, page.number, [(row[0], row[1] if fit is not None else None) for row in page]


def _rank_by_fit(filters: dict, weights: Weights, number: int | None) -> Ranking:
    """A page of results ranked by the fit for these (personal) weights, written out in SQL (see
    scoring.fit_sql). Like every other ranking it is the same for every reader who asks for it,
    here every member with these weights, so it is kept under the networks' generation, keyed by
    the weights as by the filters: a new evaluation or a changed priority ranks anew. What is the
    member's own (their status, the page around it) is not part of it."""
    matching = _filtered(Network.objects.published(), filters)
    count = fragment("count", tuple(sorted(filters.items())), matching.count)
    number = min(number or 1, max(1, math.ceil(count / PER_PAGE)))
    key = (tuple(sorted(weights.items())), tuple(sorted(filters.items())), number)
    return count, number, fragment("fit-ranking", key, lambda: _fit_rows(matching, filters, weights, number))


def _fit_rows(matching, filters: dict, weights: Weights, number: int) -> list[tuple[int, float | None]]:
    fit, fit_params = fit_sql(weights, _NETWORKS, connection.vendor)
    narrowed, narrowed_params = "", []
    if any(key != "sort" for key in filters):
        inner, narrowed_params = matching.values("pk").query.sql_with_params()
        narrowed = f'AND "{_NETWORKS}"."id" IN ({inner})'
    # Only table names and our own SQL are interpolated; every value is a parameter.
    sql = f"""
        SELECT "{_NETWORKS}"."id", {fit} AS fit FROM "{_NETWORKS}"
        WHERE "{_NETWORKS}"."status" = %s {narrowed}
        ORDER BY 2 DESC NULLS LAST, "{_NETWORKS}"."score_average" DESC NULLS LAST, "{_NETWORKS}"."name", 1
        LIMIT %s OFFSET %s
    """  # noqa: S608
    params = [*fit_params, Network.Status.APPROVED.value, *narrowed_params, PER_PAGE, (number - 1) * PER_PAGE]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(pk, fit_value) for pk, fit_value in cursor.fetchall()]


def _card(network: Network) -> tuple[str, ...]:
    context = {"network": network, "status_slot": slot("status"), "fit_slot": slot("fit")}
    return cut(render_to_string("networks/partials/network_card.html", context), ["status", "fit"])


def _shared_cards(pks: list[int]) -> dict[int, dict[str, Any]]:
    """Each network's card as every reader sees it, with what the page needs to finish it: its
    name, slug and per-criterion averages (a member's fit is computed from them)."""

    def render(missing: list[int]) -> dict[int, dict[str, Any]]:
        networks = Network.objects.filter(pk__in=missing).select_related("city")
        return {
            network.pk: {
                "parts": _card(network),
                "name": network.name,
                "slug": network.slug,
                "averages": network.criterion_averages,
            }
            for network in networks
        }

    return fragments("card", pks, render)


def _listed(
    rows: list[tuple[int, float | None]], weights: dict | None, fit_ranked: bool, statuses: dict
) -> list[Listed]:
    """The page's cards, the member's status and fit put in the slots (weights None: anonymous)."""
    shared = _shared_cards([pk for pk, _fit in rows])
    listed = []
    for pk, ranked_fit in rows:
        if pk not in shared:
            continue  # deleted since it was ranked
        card = shared[pk]
        head, middle, tail = card["parts"]
        fit, badge, term = None, "", ""
        if weights is not None:
            # The number the page was ranked by, when it was; else the same sum from the columns.
            fit = ranked_fit if fit_ranked else fit_from_averages(card["averages"], weights)
            term = fit_term(card["slug"], fit)
            if status := statuses.get(pk):
                badge = status_badge(MembershipStatus(status).label)
        # Kept HTML of ours around the member's badge and fit, both written escaped (rendering.py).
        html = mark_safe(f"{head}{badge}{middle}{term}{tail}")  # noqa: S308
        listed.append(Listed(pk=pk, name=card["name"], slug=card["slug"], fit=fit, card=html))
    return listed


# A member's weights and their status in each network they have one in, in one statement: both are
# needed on every page of their catalogue, the weights before the page is ranked. A member belongs
# to, considers or has left a few dozen networks at most.
_MEMBER_STATE = with_tables(
    """
    SELECT "criterion_id", "weight", CAST(NULL AS TEXT) FROM "{priorities}" WHERE "member_id" = %s
    UNION ALL
    SELECT "network_id", NULL, "status" FROM "{memberships}" WHERE "member_id" = %s
    """,
    priorities=Priority,
    memberships=Membership,
)


def _member_state(user: Any) -> tuple[Weights, dict[int, str]]:
    """(weights as scoring.weights_for gives them, {network id: status}); nothing for a visitor."""
    if not user.is_authenticated:
        return {}, {}
    with connection.cursor() as cursor:
        cursor.execute(_MEMBER_STATE, [user.pk, user.pk])
        rows = cursor.fetchall()
    weights = {row_id: weight for row_id, weight, status in rows if status is None}
    return weights, {row_id: status for row_id, _weight, status in rows if status is not None}


@require_safe
# A search (q) is rendered each time: free text would fill the cache with one-off pages.
@cache_anonymous_page(network_pages.GROUP, params=network_pages.CATALOGUE_PARAMS)
def network_list(request):
    user = request.user
    member = user.is_authenticated
    weights, statuses = _member_state(user)
    form = CatalogueFilterForm(request.GET or None, city_options=_city_choices(), can_fit=member)
    filters = form.filters() if form.is_bound else {}
    sort = filters.get("sort") or "score"
    number = query_int(request, "page", minimum=1)
    # Ranked for this member only when sorted by their fit with weights of their own; every other
    # page of results is the same for every reader, and kept.
    fit_ranked = sort == "fit"
    fit = fit_expression(weights) if fit_ranked else None
    query = _keepable(request)
    if query is None:
        count, number, rows = _rank(filters, sort, fit, number, keep_count=False)
    elif fit_ranked and is_personal(weights):
        count, number, rows = _rank_by_fit(filters, weights, number)
    else:
        key = (sort, tuple(sorted(filters.items())), number)
        count, number, rows = fragment("ranking", key, lambda: _rank(filters, sort, fit, number, keep_count=True))
    paginator = Paginator([], PER_PAGE)
    paginator.count = count  # counted with the ranking
    page = Page(_listed(rows, weights if member else None, fit_ranked, statuses), number, paginator)
    # The cards joined here rather than in a template loop: twenty finished pieces of HTML each.
    cards = mark_safe("".join(f"<li>{listed.card}</li>" for listed in page))  # noqa: S308 (each card is our rendered HTML)
    context = {"form": form, "filters_form": _filters_html(request, form, filters), "page_obj": page, "cards": cards}
    return render(request, "networks/list.html", context)


def _breakdown(criteria, stats, own_scores=None):
    """One row per criterion: the network's average and count, and the member's own score."""
    own_scores = own_scores or {}
    rows = []
    for criterion in criteria:
        row = stats.get(criterion.pk)
        rows.append(
            {
                "criterion": criterion,
                "average": row.average if row else None,
                "count": row.score_count if row else 0,
                "own": own_scores.get(criterion.pk),
            }
        )
    return rows


def _network_public(network: Network) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A network's page as everyone sees it, cut at the slots for what is the member's own: the
    slots' names (fit, each criterion's own score, "you") and the parts around them."""
    criteria = list(Criterion.objects.all())
    stats = {row.criterion_id: row for row in CriterionStats.objects.filter(network=network)}
    comments = list(
        network.evaluations.exclude(comment="").select_related("member").order_by("-updated_at")[:COMMENTS_SHOWN]
    )
    rows = _breakdown(criteria, stats)
    for row in rows:
        row["own_slot"] = slot(f"own-{row['criterion'].pk}")
    names = ("fit", *(f"own-{criterion.pk}" for criterion in criteria), "yours")
    context = {
        "network": network,
        "comments": comments,
        "rows": rows,
        "summary_language": network.summary_language(),
        "slots": {"fit": slot("fit"), "yours": slot("yours")},
    }
    return names, cut(render_to_string("networks/partials/network_public.html", context), names)


def _kept_page(slug: str) -> dict[str, Any] | None:
    """A network's page as every reader sees it, looked up by its address: the public part cut at
    the slots, and what the view needs besides (who may see it, its title, its averages for a
    member's fit). None if there is no such network. Whether this reader may see it is checked on
    each request (see _visible); a network nobody may see is kept too, and is a 404 all the same."""

    def render(_slugs: list[str]) -> dict[str, dict[str, Any]]:
        network = Network.objects.select_related("city").filter(slug=slug).first()
        if network is None:
            return {}
        names, parts = _network_public(network)
        page = {
            "pk": network.pk,
            "slug": network.slug,
            "name": network.name,
            "summary": network.summary,
            "status": network.status,
            "submitted_by_id": network.submitted_by_id,
            "averages": network.criterion_averages,
        }
        return {slug: {**page, "names": names, "parts": parts}}

    return fragments("page", [slug], render).get(slug)


def _visible(page: dict[str, Any], user: Any) -> bool:
    """What NetworkQuerySet.visible_to lets this user see."""
    if page["status"] == Network.Status.APPROVED or (user.is_authenticated and user.is_staff):
        return True
    return user.is_authenticated and page["status"] == Network.Status.PENDING and page["submitted_by_id"] == user.pk


@require_safe
@cache_anonymous_page(network_pages.GROUP)
def network_detail(request, slug):
    user = request.user
    page = _kept_page(slug)
    if page is None or not _visible(page, user):
        # A network the reader may not see is a 404 exactly like a missing one (views/access.py).
        raise Http404
    names, parts = page["names"], page["parts"]
    personal = dict.fromkeys(names, "")
    # The templates read the network's address, name and summary: kept, no need to fetch it.
    context: dict[str, Any] = {"network": page}
    if user.is_authenticated:
        weights = weights_for(user)
        context["evaluation"] = Evaluation.objects.filter(member=user, network_id=page["pk"]).first()
        for score in Score.objects.filter(evaluation__member=user, evaluation__network_id=page["pk"]):
            personal[f"own-{score.criterion_id}"] = own_score_html(score)
        context["membership"] = Membership.objects.filter(member=user, network_id=page["pk"]).first()
        fit = {"fit": fit_from_averages(page["averages"], weights), "has_priorities": bool(weights)}
        personal["fit"] = render_to_string("networks/partials/network_fit.html", fit, request)
    personal["yours"] = render_to_string("networks/partials/network_you.html", context, request)
    html = [parts[0]]
    for name, part in zip(names, parts[1:], strict=True):
        html += [conditional_escape(personal[name]), part]
    context["public"] = mark_safe("".join(html))  # noqa: S308 (our rendered pieces, the personal ones escaped)
    return render(request, "networks/detail.html", context)


def _compare_selection(request):
    """The distinct slugs asked for, in order, and an error message if the count is wrong."""
    slugs = query_texts(request, "n", max_count=COMPARE_MAX, max_length=140)
    if not request.GET:
        return slugs, None
    if len(slugs) < COMPARE_MIN:
        return slugs, _("Choose at least two networks to compare.")
    if len(slugs) > COMPARE_MAX:
        return slugs, _("You can compare at most four networks at a time; choose fewer.")
    return slugs, None


@require_safe
def network_compare(request):
    user = request.user
    slugs, error = _compare_selection(request)
    networks, rows = [], []
    if slugs and error is None:
        found = {
            network.slug: network
            for network in Network.objects.visible_to(user).filter(slug__in=slugs).select_related("city")
        }
        networks = [found[slug] for slug in slugs if slug in found]
        missing = len(slugs) - len(networks)
        if missing:
            error = ngettext(
                "One of the chosen networks is not in the catalogue.",
                "%(count)d of the chosen networks are not in the catalogue.",
                missing,
            ) % {"count": missing}
            if len(networks) < COMPARE_MIN:
                networks = []
    if networks:
        rows = _compare_rows(user, networks)
    picker = _compare_picker(user, networks)
    return render(
        request,
        "networks/compare.html",
        {"networks": networks, "rows": rows, "error": error, "picker": picker, "selected": set(slugs)},
    )


def _compare_rows(user, networks):
    """Per network: its breakdown, fit, and the member's own scores and membership. Fixed queries."""
    criteria = list(Criterion.objects.all())
    stats, own, memberships, weights = {}, {}, {}, {}
    for row in CriterionStats.objects.filter(network__in=networks):
        stats.setdefault(row.network_id, {})[row.criterion_id] = row
    if user.is_authenticated:
        weights = weights_for(user)
        for score in Score.objects.filter(evaluation__member=user, evaluation__network__in=networks).select_related(
            "evaluation"
        ):
            own.setdefault(score.evaluation.network_id, {})[score.criterion_id] = score
        memberships = {m.network_id: m for m in Membership.objects.filter(member=user, network__in=networks)}
    columns = []
    for network in networks:
        network_stats = stats.get(network.pk, {})
        columns.append(
            {
                "network": network,
                "rows": _breakdown(criteria, network_stats, own.get(network.pk)),
                "fit": fit_from_stats(network_stats.values(), weights) if user.is_authenticated else None,
                "membership": memberships.get(network.pk),
            }
        )
    # The template walks criteria down and networks across.
    return {
        "criteria": [
            {"criterion": criterion, "cells": [column["rows"][i] for column in columns]}
            for i, criterion in enumerate(criteria)
        ],
        "columns": columns,
    }


def _compare_picker(user, chosen):
    """Networks to tick: the ones chosen, plus the member's own (considered, joined, evaluated)."""
    query = Q(pk__in=[network.pk for network in chosen])
    if user.is_authenticated:
        query |= Q(memberships__member=user) | Q(evaluations__member=user)
    return list(Network.objects.visible_to(user).filter(query).distinct().order_by("name"))


@require_safe
def checklist(request):
    """The five criteria with their help texts: what guides link to when they explain how to choose."""
    return render(request, "networks/checklist.html", {"criteria": Criterion.objects.all()})
