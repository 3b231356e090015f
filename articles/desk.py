"""The writing desk: what the guide's admin form adds to django-markdownx's editor.

- Each body field's preview is rendered in that field's language (`body_sv` previews with /sv/
  links), through the same sanitizing preview as articles/editor_views.py.
- An "Insert image" button beside each body field opens a dialog (static/js/admin-desk.js) that
  uploads an image with its alt text, or picks one from the library of images uploaded before
  (ImageAsset). Uploads go through rookie/lib/images.py's check, like the editor's drag and drop.

The endpoints live under the guide's admin URLs (ArticleAdmin.get_urls): the admin site lets in
active staff only and checks CSRF on POST; each view also requires the guide permissions.
"""

import logging
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from markdownx.widgets import AdminMarkdownxWidget

from articles.editor_views import can_write_guides, markdownify
from articles.models import ImageAsset
from rookie.lib.images import STORAGE_FAILED, ImageRejected, clean_image
from rookie.lib.languages import LANGUAGE_CODES
from rookie.lib.querystring import query_choice, query_text

logger = logging.getLogger(__name__)

LIBRARY_SIZE = 60  # images per answer: the newest, or the newest matching the search
ALT_REQUIRED = gettext_lazy("Describe the image: the alt text is required.")


def field_language(name: str) -> str | None:
    """The language of a translated field's name: `body_sv` → "sv"."""
    _base, _sep, code = name.rpartition("_")
    return code if code in LANGUAGE_CODES else None


class DeskMarkdownxWidget(AdminMarkdownxWidget):
    """markdownx's admin editor with a textarea of bounded height (the desk's CSS lets the editor
    resize it; markdownx's own resizing grows it to the text's full length), a preview in the
    field's language, an "Insert image" button (shown by the script) and a visible hint."""

    def get_context(self, name, value, attrs=None):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-markdownx-editor-resizable"] = "False"
        language = field_language(name)
        if language:
            preview = reverse("admin:articles_article_desk_preview")
            widget_attrs["data-markdownx-urls-path"] = f"{preview}?{urlencode({'language': language})}"
            widget_attrs["lang"] = language
        widget_attrs["aria-describedby"] = f"{widget_attrs.get('id', name)}-desk-hint"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        editor = super().render(name, value, attrs, renderer)
        field_id = (attrs or {}).get("id") or self.attrs.get("id") or name
        return format_html(
            '<div class="desk-editor">'
            '<div class="desk-toolbar">'
            '<button type="button" class="button desk-insert-image" data-desk-target="{}" hidden>{}</button>'
            '<p class="desk-hint" id="{}-desk-hint">{}</p>'
            "</div>{}</div>",
            field_id,
            _("Insert image"),
            field_id,
            _("To add an image, drag it onto the text or use “Insert image”; give every image an alt text."),
            editor,
        )


def guide_writers_only(view):
    """Inside admin_view (active staff only): staff without the guide permissions get a 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_write_guides(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@never_cache
@require_POST
def preview(request):
    """The editor's live preview in the language of the field it previews (?language=sv): links to
    guides and pages point to /sv/…, and [[blocks]] are filled in Swedish."""
    language = query_choice(request, "language", LANGUAGE_CODES)
    if not language:
        return markdownify(request)
    with translation.override(language):
        return markdownify(request)


def _asset_json(asset: ImageAsset) -> dict:
    return {"id": asset.pk, "url": asset.file.url, "alt": asset.alt_text, "markdown": asset.markdown}


@never_cache
@require_safe
@guide_writers_only
def library(request):
    """The images uploaded before, newest first; `q` searches their alt text."""
    assets = ImageAsset.objects.order_by("-created_at", "-pk")
    query = " ".join(query_text(request, "q", max_length=100).split())
    for word in query.split():
        assets = assets.filter(alt_text__icontains=word)
    return JsonResponse({"images": [_asset_json(asset) for asset in assets[:LIBRARY_SIZE]]})


@never_cache
@require_POST
@guide_writers_only
def upload(request):
    """A new image with its alt text: checked, stored, added to the library; answers its Markdown."""
    alt_text = " ".join(request.POST.get("alt_text", "").split())
    errors = {}
    if not alt_text:
        errors["alt_text"] = [str(ALT_REQUIRED)]
    elif len(alt_text) > ImageAsset._meta.get_field("alt_text").max_length:
        errors["alt_text"] = [_("Keep the alt text under 250 characters.")]
    file = request.FILES.get("image")
    if file is None:
        errors["image"] = [_("Choose an image to upload.")]
    else:
        try:
            file = clean_image(file)
        except ImageRejected as error:
            errors["image"] = error.messages
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    asset = ImageAsset(alt_text=alt_text, uploaded_by=request.user)
    try:
        asset.file.save(file.name, file, save=False)
    except OSError:
        logger.exception("Could not store an image uploaded at the writing desk")
        return JsonResponse({"errors": {"image": [str(STORAGE_FAILED)]}}, status=503)
    asset.save()
    return JsonResponse({"image": _asset_json(asset)}, status=201)
