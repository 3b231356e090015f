"""The tracker's home, /<lang>/me/: what needs doing now, at a glance, with quick-add forms."""

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.tracker import queries
from accounts.tracker.dashboard_panels import GRID, TOP, render_panels
from accounts.tracker.quick_add import lazy_quick_add_fields
from accounts.tracker.views.followups import snooze_choices
from rookie.lib.pagecache import cache_member_page

# Larger than any primary key: stands for the pk in a URL reversed once for a whole list.
_PK_MARKER = 2_147_483_647


class PkUrl:
    """reverse(name, args=[pk]) for every row of a list at the cost of one reverse: the rows'
    links were a third of the page's rendering."""

    def __init__(self, name: str) -> None:
        self.head, self.tail = reverse(name, args=[_PK_MARKER]).split(str(_PK_MARKER))

    def __call__(self, pk: int) -> str:
        return f"{self.head}{int(pk)}{self.tail}"


def link_rows(data: queries.Dashboard, here: str) -> None:
    """Puts each row's links on it (`urls`), for the template to print."""
    contact, done, snooze, edit = (
        PkUrl(f"tracker:{name}") for name in ("contact_detail", "followup_done", "followup_snooze", "followup_edit")
    )
    back = f"?next={quote(here)}"
    for follow_up in (*data.overdue, *data.due_this_week):
        follow_up.urls = {  # type: ignore[attr-defined]
            "contact": contact(follow_up.contact_id) if follow_up.contact_id else "",
            "done": done(follow_up.pk),
            "snooze": snooze(follow_up.pk),
            "edit": edit(follow_up.pk) + back,
        }
    log = PkUrl("tracker:interaction_add_for_contact")
    for person in data.losing_touch:
        person.urls = {"contact": contact(person.pk), "log": log(person.pk)}  # type: ignore[attr-defined]
    goal, progress = PkUrl("tracker:goal_detail"), PkUrl("tracker:goal_progress")
    for item in data.goals:
        item.urls = {"goal": goal(item.pk), "progress": progress(item.pk)}  # type: ignore[attr-defined]
    for interaction in data.interactions:
        interaction.urls = {"contact": contact(interaction.contact_id)}  # type: ignore[attr-defined]


@login_required
@require_safe
# Cached for this member only; any change to what it shows makes it stale (accounts/signals.py).
@cache_member_page()
def dashboard(request):
    today = timezone.localdate()
    data = queries.dashboard_for(request.user, today=today)
    # Every row's actions come back here.
    here = reverse("tracker:dashboard")
    link_rows(data, here)
    # The contact fields search (accounts/tracker/contact_picker.py): no list of every contact here.
    return render(
        request,
        "tracker/dashboard.html",
        {
            "data": data,
            "today": today,
            # Registered boxes (the first steps on top, coaching's feedback among the sections):
            # accounts/tracker/dashboard_panels.py.
            "top_panels": render_panels(request, TOP),
            "panels": render_panels(request, GRID),
            "here": here,
            # The one-tap snoozes post their date as the pressed button's value.
            "snooze_choices": [(label, day.isoformat()) for label, day in snooze_choices(today)],
            # The same for every member today: rendered when the section's memo is missing only.
            "quick_add": lazy_quick_add_fields(request.user, today),
        },
    )
