"""How every page in accounts answers a form: one rule, so tests, monitoring and browsers see one thing.

A page with a form, blank or re-rendered after an invalid submission with the form bound and its
errors shown, answers 200. That is what Django's own views answer (log-in, password change and
reset, the admin), which accounts could change only by wrapping each one; and a proxy set up to
replace 4xx bodies with its own error page cannot swallow the member's input and the error
messages. A request that is not a form a person filled in (a forged hidden field, a bad signed
link) is still a 4xx.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_form(request: HttpRequest, template: str, context: Mapping[str, Any]) -> HttpResponse:
    """The page with its form, blank or with the errors of an invalid submission: always 200."""
    return render(request, template, dict(context))
