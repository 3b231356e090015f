"""The one image check for uploads: guide covers, images dropped into the Markdown editor, and any
other app that accepts a picture.

An upload is trusted for nothing it says about itself (name, content type): Pillow must recognise
it as PNG, JPEG, WebP or GIF and decode it fully; it is then re-encoded, which drops metadata (a
phone photo's GPS position) and anything smuggled after the image data, and named by its detected
format. SVG (a script container), HTML and everything else is refused.

Before Pillow decodes anything, the header is read for the canvas size and the number of frames:
an animated GIF is decoded (and re-encoded) frame by frame, so the limit is on the pixels of all
frames together (MAX_TOTAL_PIXELS) and on the frames (MAX_FRAMES), not on one frame. A GIF's frames
are counted by walking its blocks, without decompressing them (`gif_frames`).
"""

import io
import uuid
import warnings
from typing import IO, Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name → (file extension, save options)
FORMATS: dict[str, tuple[str, dict[str, Any]]] = {
    "PNG": ("png", {"optimize": True}),
    "JPEG": ("jpg", {"quality": 85, "optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
    "GIF": ("gif", {}),
}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # far beyond any real photo; stops decompression bombs early
# An animation may hold as many pixels in all as one large photo (about two seconds of decoding),
# e.g. 150 frames of 480 × 540. Tiny frames cost time each too, whatever their size.
MAX_TOTAL_PIXELS = 40_000_000
MAX_FRAMES = 300
STORAGE_FAILED = _("The image could not be stored. Please try again later.")


class ImageRejected(ValidationError):
    pass


class Upload(Protocol):
    """What clean_image reads from an upload (Django's UploadedFile, or any binary file)."""

    def read(self, size: int = ..., /) -> bytes: ...


def max_upload_bytes() -> int:
    return int(getattr(settings, "IMAGE_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def clean_image(upload: Upload, *, max_bytes: int | None = None) -> "ContentFile[bytes]":
    """Return a ContentFile with the re-encoded image, named `<random>.<ext>`; raise ImageRejected."""
    max_bytes = max_bytes or max_upload_bytes()
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise _too_big(max_bytes)
    seek = getattr(upload, "seek", None)
    if seek is not None:
        seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(max_bytes)
    if not data:
        raise ImageRejected(_("The file is empty."), code="empty")
    image = _open_verified(data)
    extension, options = FORMATS[str(image.format)]
    output = io.BytesIO()
    try:
        _reencode(image, output, options)
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise _not_an_image() from error
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


def _open_verified(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(io.BytesIO(data), formats=list(FORMATS))
            if probe.width * probe.height > MAX_PIXELS:
                raise _too_many_pixels()
            _check_frames(probe, data)
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


def gif_frames(data: bytes) -> tuple[int, int, int]:
    """(frames, width, height) of a GIF's canvas, from its blocks alone, without decoding.

    The canvas is the logical screen, grown to hold any frame that reaches past it (Pillow grows
    it the same way). Raises ValueError for data that is not a GIF; stops at the trailer or at
    the end of the data, as Pillow does.
    """
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise ValueError("not a GIF")
    width, height = int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    flags = data[10]
    position = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    frames = 0
    while position < len(data):
        block = data[position]
        if block == 0x2C:  # image descriptor: left, top, width, height, flags
            descriptor = data[position + 1 : position + 10]
            if len(descriptor) < 9:
                break
            left, top, frame_width, frame_height = (
                int.from_bytes(descriptor[index : index + 2], "little") for index in range(0, 8, 2)
            )
            frames += 1
            width, height = max(width, left + frame_width), max(height, top + frame_height)
            local = descriptor[8]
            position += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0) + 1  # + LZW code size
        elif block == 0x21:  # extension: label, then data sub-blocks
            position += 2
        else:  # 0x3B trailer, or bytes Pillow would not read either
            break
        position = _skip_sub_blocks(data, position)
    return frames, width, height


def _skip_sub_blocks(data: bytes, position: int) -> int:
    while position < len(data):
        size = data[position]
        position += 1 + size
        if size == 0:
            break
    return position


def _check_frames(probe: Image.Image, data: bytes) -> None:
    if probe.format == "GIF":
        try:
            frames, width, height = gif_frames(data)
        except ValueError as error:
            raise _not_an_image() from error
    else:
        # PNG (APNG) and WebP name their frame count in a header Pillow has already read.
        frames, width, height = getattr(probe, "n_frames", 1), probe.width, probe.height
    if frames > MAX_FRAMES:
        raise ImageRejected(
            _("The animation has too many frames (at most %(count)d).") % {"count": MAX_FRAMES}, code="too_many_frames"
        )
    if width * height > MAX_PIXELS or frames * width * height > MAX_TOTAL_PIXELS:
        raise _too_many_pixels()


def _reencode(image: Image.Image, output: IO[bytes], options: dict[str, Any]) -> None:
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


def _too_big(max_bytes: int) -> ImageRejected:
    return ImageRejected(
        _("The image is too large (at most %(size)s).") % {"size": filesizeformat(max_bytes)}, code="too_big"
    )


def _too_many_pixels() -> ImageRejected:
    return ImageRejected(_("The image has too many pixels."), code="too_many_pixels")


def _not_an_image() -> ImageRejected:
    return ImageRejected(_("Upload a PNG, JPEG, WebP or GIF image."), code="invalid_image")
