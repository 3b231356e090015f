"""Image files for upload tests, made in memory."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
HTML_AS_GIF = b"GIF89a<html><body><script>alert(document.cookie)</script></body></html>"


def image_bytes(image_format="PNG", size=(8, 6), mode="RGB", **save_options):
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 30, 30) if mode == "RGB" else 1).save(buffer, format=image_format, **save_options)
    return buffer.getvalue()


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def animated_gif(frames, size, *, screen=None):
    """An animated GIF of `frames` frames of `size`, built from one encoded frame repeated: a few
    hundred kilobytes that decode to frames × width × height pixels. `screen` (default: `size`)
    is the logical screen the header declares; frames may reach past it."""
    one = io.BytesIO()
    Image.new("P", size, 0).save(one, format="GIF")
    data = one.getvalue()
    header, rest = data[:13], data[13:]
    flags = header[10]
    table_size = 3 << ((flags & 7) + 1) if flags & 0x80 else 0
    table, blocks = rest[:table_size], rest[table_size:]
    image_block = blocks[blocks.index(b"\x2c") : blocks.rindex(b"\x3b")]
    width, height = screen or size
    header = header[:6] + width.to_bytes(2, "little") + height.to_bytes(2, "little") + header[10:]
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    delay = b"\x21\xf9\x04\x00\x0a\x00\x00\x00"
    return header + table + loop + (delay + image_block) * frames + b"\x3b"
