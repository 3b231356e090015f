"""The endpoints django-markdownx's editor widget calls: live preview and image upload.

markdownx's own views accept anonymous users and do not sanitize, so its urls are never included;
these are mounted at the same paths (MARKDOWNX_URLS_PATH, MARKDOWNX_UPLOAD_URLS_PATH, see
rookie/urls.py), for staff who may write guides only.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import HttpResponse, JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from articles.rendering import guide_resolver
from rookie.images import ImageRejected, clean_image
from rookie.markdown import render_markdown

MAX_PREVIEW_CHARACTERS = 200_000


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
        return HttpResponse(_("The text is too long to preview."), status=400, content_type="text/plain")
    language = get_language()
    rendered = render_markdown(content, language=language, resolve_guides=guide_resolver(language))
    return HttpResponse(rendered.html, content_type="text/html; charset=utf-8")


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
    name = default_storage.save(settings.MARKDOWNX_MEDIA_PATH + image.name, image)
    alt = _("Describe the image")
    return JsonResponse({"image_code": f"![{alt}]({default_storage.url(name)})"})
