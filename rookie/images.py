"""The one image check for uploads: guide covers, images dropped into the Markdown editor, and any
other app that accepts a picture.

An upload is trusted for nothing it says about itself (name, content type): Pillow must recognise
it as PNG, JPEG, WebP or GIF and decode it fully; it is then re-encoded, which drops metadata (a
phone photo's GPS position) and anything smuggled after the image data, and named by its detected
format. SVG (a script container), HTML and everything else is refused.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name → (file extension, save options)
FORMATS = {
    "PNG": ("png", {"optimize": True}),
    "JPEG": ("jpg", {"quality": 85, "optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
    "GIF": ("gif", {}),
}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # far beyond any real photo; stops decompression bombs early


class ImageRejected(ValidationError):
    pass


def max_upload_bytes():
    return getattr(settings, "IMAGE_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def clean_image(upload, *, max_bytes=None):
    """Return a ContentFile with the re-encoded image, named `<random>.<ext>`; raise ImageRejected."""
    max_bytes = max_bytes or max_upload_bytes()
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise _too_big(max_bytes)
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(max_bytes)
    if not data:
        raise ImageRejected(_("The file is empty."), code="empty")
    image = _open_verified(data)
    extension, options = FORMATS[image.format]
    output = io.BytesIO()
    try:
        _reencode(image, output, options)
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise _not_an_image() from error
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


def _open_verified(data):
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(io.BytesIO(data), formats=list(FORMATS))
            if probe.width * probe.height > MAX_PIXELS:
                raise _too_many_pixels()
            probe.verify()  # structure and checksums; the object is unusable afterwards
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            image.load()  # decodes the pixels: a truncated or corrupt body fails here
        except ImageRejected:
            raise
        except (
            UnidentifiedImageError,
            OSError,
            ValueError,
            SyntaxError,
            Image.DecompressionBombError,
            Image.DecompressionBombWarning,
        ) as error:
            raise _not_an_image() from error
    if image.format not in FORMATS:
        raise _not_an_image()
    return image


def _reencode(image, output, options):
    image_format = image.format
    if image_format == "GIF" and getattr(image, "n_frames", 1) > 1:
        # Keep animations; each frame was decoded by Pillow, nothing else is copied.
        image.save(output, format="GIF", save_all=True, loop=image.info.get("loop", 0))
        return
    image = ImageOps.exif_transpose(image)  # photos taken sideways stay the right way up
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if image_format == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA")
    image.save(output, format=image_format, **options)


def _too_big(max_bytes):
    return ImageRejected(
        _("The image is too large (at most %(size)s).") % {"size": filesizeformat(max_bytes)}, code="too_big"
    )


def _too_many_pixels():
    return ImageRejected(_("The image has too many pixels."), code="too_many_pixels")


def _not_an_image():
    return ImageRejected(_("Upload a PNG, JPEG, WebP or GIF image."), code="invalid_image")
