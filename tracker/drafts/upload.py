"""Read an uploaded draft file into text, refusing what is not a small UTF text file."""

import codecs
from typing import BinaryIO

from flask_babel import lazy_gettext as _l

MAX_UPLOAD_BYTES = 1024 * 1024  # 1 MB: a negotiated text is a few hundred kilobytes
ALLOWED_SUFFIXES = (".txt", ".md", ".markdown", ".text")
NOT_TEXT = _l("This file is not text (it looks like a binary file). Upload a .txt or .md file.")


class UploadRefusedError(ValueError):
    """The file can't be used; `message` says why, `status` is the HTTP answer."""

    def __init__(self, message, status: int = 422) -> None:
        super().__init__(str(message))
        self.message = message
        self.status = status


def decode_text(data: bytes) -> str:
    """Bytes of a text file to str: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        if b"\x00" in data:
            raise UploadRefusedError(NOT_TEXT)
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise UploadRefusedError(
            _l(
                "This file is not in UTF-8. Save it as UTF-8 text (in most editors: "
                "Save as, Encoding: UTF-8) and upload it again."
            )
        ) from None
    if "\x00" in text or any(ord(c) < 32 and c not in "\t\n\r\f" for c in text[:10_000]):
        raise UploadRefusedError(NOT_TEXT)
    return text


def read_upload(filename: str, stream: BinaryIO) -> str:
    """The text of an uploaded file, reading at most MAX_UPLOAD_BYTES + 1 bytes."""
    if not filename.lower().endswith(ALLOWED_SUFFIXES):
        raise UploadRefusedError(_l("Upload a plain text (.txt) or Markdown (.md) file."))
    data = stream.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRefusedError(_l("This file is larger than 1 MB. Upload the text only."), 413)
    text = decode_text(data)
    if not text.strip():
        raise UploadRefusedError(_l("This file is empty."))
    return text
