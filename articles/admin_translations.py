"""The editors' view of translation status (articles/translation_status.py) in the admin: the
overview of missing and stale translations, "mark as updated", the list filters and the report on
a guide's change page. ArticleAdmin (articles/admin.py) mounts the views and uses the rest."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.db.models.fields.json import KT
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles.models import Article
from articles.translation_status import CURRENT, MISSING, SOURCE, STALE
from rookie.lib.languages import LANGUAGE_CODES, language_names

STATUS_LABELS = {
    SOURCE: _("source"),
    CURRENT: _("up to date"),
    STALE: _("needs updating"),
    MISSING: _("missing"),
}


def _written(code):
    return Q(**{f"title_{code}__gt": ""})


def stale_q(code):
    """Guides whose `code` version was translated from another source text than the current one."""
    return (
        _written(code)
        & ~Q(source_language=code)
        & Q(**{f"translated_from__{code}__isnull": False})
        & ~Q(**{f"stale_{code}": F("source_digest")})
    )


def with_stale_columns(queryset):
    return queryset.annotate(**{f"stale_{code}": KT(f"translated_from__{code}") for code in LANGUAGE_CODES})


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translations")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        names = language_names()
        choices = []
        for code in LANGUAGE_CODES:
            choices.append((f"missing-{code}", _("Missing translation (%(language)s)") % {"language": names[code]}))
            choices.append((f"stale-{code}", _("Stale translation (%(language)s)") % {"language": names[code]}))
        return choices

    def queryset(self, request, queryset):
        kind, _sep, code = (self.value() or "").partition("-")
        if code not in LANGUAGE_CODES:
            return queryset
        if kind == "missing":
            return queryset.exclude(_written(code))
        if kind == "stale":
            return with_stale_columns(queryset).filter(stale_q(code))
        return queryset


def translation_report(article, request=None):
    """Each language's state on the change page, a stale one with the source's changes since, and
    a link to the overview to mark it updated."""
    if article is None or not article.pk:
        return "—"
    states = article.translation_states(with_diffs=True)
    names = language_names()
    rows = [{"state": state, "name": names[state.language], "label": STATUS_LABELS[state.status]} for state in states]
    context = {"rows": rows, "pk": article.pk, "stale": any(state.is_stale for state in states)}
    # The template autoescapes every diff line: a source text is shown as text, never as HTML.
    return mark_safe(render_to_string("admin/articles/translation_report.html", context, request=request))


def overview_view(model_admin):
    def view(request):
        if not model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        articles = Article.objects.defer(
            *[f"{name}_{code}" for name in ("body_html", "body_toc") for code in LANGUAGE_CODES]
        ).order_by("-updated_at", "-pk")
        names = language_names()
        rows = []
        counts = {STALE: 0, MISSING: 0}
        for article in articles:
            states = article.translation_states(with_diffs=True)
            if not any(state.status in (STALE, MISSING) for state in states):
                continue
            for state in states:
                counts[state.status] = counts.get(state.status, 0) + 1
            rows.append({"article": article, "states": states})
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.model._meta,
            "title": gettext("Translation status"),
            "rows": rows,
            "languages": [(code, names[code]) for code in LANGUAGE_CODES],
            "labels": STATUS_LABELS,
            "counts": counts,
            "can_change": model_admin.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/articles/translation_overview.html", context)

    return view


def mark_updated_view(model_admin):
    @require_POST
    def view(request, pk, language):
        # The permission first, whatever the id (rookie/lib/admin_access.py's rule).
        if not model_admin.has_change_permission(request):
            raise PermissionDenied
        if language not in LANGUAGE_CODES:
            raise Http404
        article = get_object_or_404(Article, pk=pk)
        if not model_admin.has_change_permission(request, article):
            raise Http404
        if article.has_version(language) and language != article.source_language:
            records = dict(article.translated_from or {})
            records[language] = article.source_digest
            article.translated_from = records
            article.save(update_fields=["translated_from", "updated_at"])
            model_admin.message_user(
                request,
                gettext("The %(language)s version of “%(guide)s” is marked as up to date with its source.")
                % {"language": language_names()[language], "guide": article},
                messages.SUCCESS,
            )
        target = request.POST.get("next") or reverse("admin:articles_article_change", args=[article.pk])
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("admin:articles_article_change", args=[article.pk])
        return HttpResponseRedirect(target)

    return view
