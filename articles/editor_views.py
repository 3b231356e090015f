"""The endpoints django-markdownx's editor widget calls: live preview and image upload.

markdownx's own views accept anonymous users and do not sanitize, so its urls are never included;
these are mounted at the same paths (MARKDOWNX_URLS_PATH, MARKDOWNX_UPLOAD_URLS_PATH, see
rookie/urls.py), for staff who may write guides only.

The widget puts whatever the preview answers into the preview pane, so a refused preview answers
400 with a plain sentence; the upload's answers are JSON, which the widget reads, errors included.
"""

import logging
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import HttpResponse, JsonResponse
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from articles.blocks import GUIDE_BLOCKS, fill_blocks
from articles.links import guide_link_rules
from articles.models import TOO_COMPLEX
from articles.rendering import guide_resolver
from rookie.lib.images import STORAGE_FAILED, ImageRejected, clean_image
from rookie.lib.markdown import MAX_MARKDOWN_CHARACTERS, PREVIEW_SECONDS, MarkdownTooComplex, render_markdown

logger = logging.getLogger(__name__)
# A text the guide could not be saved with is not worth previewing.
MAX_PREVIEW_CHARACTERS = MAX_MARKDOWN_CHARACTERS


def can_write_guides(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.has_perm("articles.change_article") or user.has_perm("articles.add_article"))
    )


def guide_writers_only(view):
    """Anonymous → the log-in page; signed in without the guide permissions → 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_write_guides(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@never_cache
@require_POST
@guide_writers_only
def markdownify(request):
    content = request.POST.get("content", "")
    if len(content) > MAX_PREVIEW_CHARACTERS:
        return _preview_refused(_("The text is too long to preview."))
    language = get_language()
    try:
        rendered = render_markdown(
            content,
            language=language,
            links=guide_link_rules(),
            resolve_slugs=guide_resolver(language),
            time_budget=PREVIEW_SECONDS,
            blocks=GUIDE_BLOCKS,
        )
    except MarkdownTooComplex:
        return _preview_refused(str(TOO_COMPLEX))
    return HttpResponse(fill_blocks(rendered.html, language), content_type="text/html; charset=utf-8")


def _preview_refused(message):
    # The widget shows the answer in the preview pane as HTML: escape the sentence.
    return HttpResponse(escape(message), status=400, content_type="text/plain; charset=utf-8")


@never_cache
@require_POST
@guide_writers_only
def upload_image(request):
    upload = request.FILES.get("image")
    if upload is None:
        return JsonResponse({"image": [_("Choose an image to upload.")]}, status=400)
    try:
        image = clean_image(upload)
    except ImageRejected as error:
        return JsonResponse({"image": error.messages}, status=400)
    try:
        name = default_storage.save(settings.MARKDOWNX_MEDIA_PATH + image.name, image)
    except OSError:
        # A full disk or a read-only volume is the server's problem, and the widget wants JSON.
        logger.exception("Could not store an image uploaded in the guide editor")
        return JsonResponse({"image": [str(STORAGE_FAILED)]}, status=503)
    alt = _("Describe the image")
    return JsonResponse({"image_code": f"![{alt}]({default_storage.url(name)})"})
