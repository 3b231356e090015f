"""The contact field's search (static/js/contact-picker.js): the signed-in member's own contacts
matching ?q=, as JSON, at most contact_picker.RESULT_LIMIT of them, in one query."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from accounts.tracker.contact_picker import MAX_QUERY_LENGTH, as_json, search_matches
from rookie.lib.querystring import query_text


@login_required
@require_safe
def contact_search(request):
    # One character more than allowed, to tell a long query (400) from one cut to length.
    raw = query_text(request, "q", max_length=MAX_QUERY_LENGTH + 1)
    if len(raw) > MAX_QUERY_LENGTH:
        response = JsonResponse({"error": "query too long", "max_length": MAX_QUERY_LENGTH}, status=400)
    else:
        # The member's contacts: never cached by a browser or proxy, nor kept on disk.
        matches = search_matches(request.user.pk, raw)
        response = JsonResponse({"results": [as_json(match) for match in matches]})
    patch_cache_control(response, private=True, no_store=True)
    return response
