"""Goals: list, add (also from a template of the guides' advice), edit, progress, status, delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import Goal, GoalStatus
from accounts.responses import render_form
from accounts.tracker import access, counting, services
from accounts.tracker.forms import GoalForm, GoalProgressForm, GoalStatusForm, GoalTemplateForm
from accounts.tracker.goal_templates import GOAL_TEMPLATES
from accounts.tracker.queries import GOAL_ORDER
from accounts.tracker.views.common import confirm_delete, redirect_next
from rookie.lib.querystring import query_choice, query_int

PAGE_SIZE = 50
# Points shown in a goal's history table (newest last); older ones stay stored for charts.
HISTORY_LIMIT = 60


@login_required
@require_safe
def goal_list(request):
    status = query_choice(request, "status", GoalStatus.values, default=GoalStatus.ACTIVE)
    goals = Goal.objects.filter(owner=request.user, status=status).select_related("event").order_by(*GOAL_ORDER)
    page = Paginator(goals, PAGE_SIZE).get_page(query_int(request, "page", minimum=1))
    counting.count_goals(page.object_list, today=timezone.localdate())
    return render(
        request,
        "tracker/goal_list.html",
        {"page": page, "status": status, "statuses": GoalStatus.choices},
    )


def _confirmed(request):
    return request.POST.get("confirm_duplicate") == "1"


def _ask_about_duplicate(request, duplicate, *, form, action):
    """The page that asks before adding a goal like an active one: it posts the same fields again,
    with confirm_duplicate=1 (no JavaScript needed)."""
    return render(
        request,
        "tracker/goal_confirm.html",
        {"duplicate": duplicate, "form": form, "action": action},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_add(request):
    form = GoalForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        duplicate = services.goal_duplicate_of(owner=request.user, **form.cleaned_data)
        if duplicate is not None and not _confirmed(request):
            return _ask_about_duplicate(request, duplicate, form=form, action=reverse("tracker:goal_add"))
        goal = services.goal_create(owner=request.user, **form.cleaned_data)
        messages.success(request, _("Goal added: %(title)s") % {"title": goal.title})
        return redirect("tracker:goal_detail", pk=goal.pk)
    return render_form(request, "tracker/goal_form.html", {"form": form})


@login_required
@require_safe
def goal_templates(request):
    return render(request, "tracker/goal_templates.html", {"templates": GOAL_TEMPLATES})


@login_required
@require_POST
def goal_add_template(request):
    form = GoalTemplateForm(request.POST)
    if not form.is_valid():
        return render_form(request, "tracker/goal_templates.html", {"templates": GOAL_TEMPLATES, "form": form})
    key = form.cleaned_data["key"]
    fields = services.goal_template_fields(owner=request.user, key=key)
    duplicate = services.goal_duplicate_of(owner=request.user, **fields)
    if duplicate is not None and not _confirmed(request):
        return _ask_about_duplicate(request, duplicate, form=form, action=reverse("tracker:goal_add_template"))
    goal = services.goal_add_from_template(owner=request.user, key=key)
    messages.success(request, _("Goal added: %(title)s") % {"title": goal.title})
    return redirect("tracker:goal_detail", pk=goal.pk)


def _detail_context(goal, progress_form=None, status_form=None):
    if goal.is_counted:
        counting.count_goals([goal], today=timezone.localdate())
        history = goal.counted_history[-HISTORY_LIMIT:]
    else:
        history = list(reversed(goal.history.order_by("-recorded_on")[:HISTORY_LIMIT]))
    return {
        "goal": goal,
        "history": history,
        "progress_form": progress_form or GoalProgressForm(initial={"progress": goal.progress}),
        "status_form": status_form or GoalStatusForm(initial={"status": goal.status}),
    }


@login_required
@require_safe
def goal_detail(request, pk):
    goal = access.get_goal_for_user(request.user, pk)
    return render(request, "tracker/goal_detail.html", _detail_context(goal))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_edit(request, pk):
    goal = access.get_goal_for_user(request.user, pk)
    form = GoalForm(request.POST or None, instance=goal, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Goal saved."))
        return redirect("tracker:goal_detail", pk=goal.pk)
    return render_form(request, "tracker/goal_form.html", {"form": form, "goal": goal})


@login_required
@require_POST
def goal_progress(request, pk):
    """Set the progress, or move it one step with the +1 / −1 buttons (delta)."""
    goal = access.get_goal_for_user(request.user, pk)
    if goal.is_counted:
        # Its progress is what the records say; a tap would be overwritten at once.
        messages.info(request, _("This goal counts itself from your records."))
        return redirect_next(request, reverse("tracker:goal_detail", args=[goal.pk]))
    today = timezone.localdate()
    delta = request.POST.get("delta")
    if delta in ("1", "-1"):
        services.goal_progress_set(goal=goal, delta=int(delta), today=today)
        return redirect_next(request, reverse("tracker:goal_detail", args=[goal.pk]))
    form = GoalProgressForm(request.POST)
    if not form.is_valid():
        return render_form(request, "tracker/goal_detail.html", _detail_context(goal, progress_form=form))
    services.goal_progress_set(goal=goal, progress=form.cleaned_data["progress"], today=today)
    messages.success(request, _("Progress saved."))
    return redirect_next(request, reverse("tracker:goal_detail", args=[goal.pk]))


@login_required
@require_POST
def goal_status(request, pk):
    goal = access.get_goal_for_user(request.user, pk)
    form = GoalStatusForm(request.POST)
    if not form.is_valid():
        return render_form(request, "tracker/goal_detail.html", _detail_context(goal, status_form=form))
    goal.status = form.cleaned_data["status"]
    goal.save(update_fields=["status", "updated_at"])
    messages.success(request, _("Goal status: %(status)s.") % {"status": goal.get_status_display()})
    return redirect_next(request, reverse("tracker:goal_detail", args=[goal.pk]))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_delete(request, pk):
    goal = access.get_goal_for_user(request.user, pk)
    return confirm_delete(
        request,
        obj=goal,
        cancel_url=reverse("tracker:goal_detail", args=[goal.pk]),
        success_url=reverse("tracker:goal_list"),
        message=_("Goal deleted."),
    )
