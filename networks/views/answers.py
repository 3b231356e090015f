"""Closing the notice of an answer to a network the member suggested (networks/answers.py)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from networks.answers import suggestion_answer_dismiss

MAX_NEXT_LENGTH = 2000


@login_required
@require_POST
def answer_dismiss(request):
    raw = request.POST.get("answer", "")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        return HttpResponseBadRequest("Bad request", content_type="text/plain")
    # Someone else's answer is a 404 exactly like a missing one.
    if not suggestion_answer_dismiss(member=request.user, answer_id=int(raw)):
        raise Http404
    # Back to the page the notice was on (the member's overview), if it is a path on this site.
    target = request.POST.get("next", "")
    if (
        len(target) <= MAX_NEXT_LENGTH
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return redirect(target)
    return redirect("networks:mine")
