"""multipart/form-data parsing with the standard library (starlette's parser needs python-multipart),
and file signature sniffing for the Files API ("Rivya validates the detected file signature, not the
extension": https://rivya.ai/docs/api-files).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP


@dataclass(frozen=True)
class UploadedFile:
    """One file part."""

    filename: str
    content_type: str
    data: bytes


def parse_form(content_type: str, body: bytes) -> dict[str, str | UploadedFile]:
    """Fields of a multipart body: text parts as str, file parts as UploadedFile (first part of a name wins)."""
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    fields: dict[str, str | UploadedFile] = {}
    if not message.is_multipart():
        return fields
    for part in message.iter_parts():
        assert isinstance(part, Message)
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or name in fields:
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is not None:
            fields[name] = UploadedFile(filename, part.get_content_type(), data)
        else:
            fields[name] = data.decode("utf-8", errors="replace")
    return fields


def sniff_mime(data: bytes) -> str | None:
    """The MIME type a file's leading bytes reveal, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand == b"qt  ":
            return "video/quicktime"
        return "audio/mp4" if brand in (b"M4A ", b"M4B ") else "video/mp4"
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    if data.startswith(b"OggS"):
        return "audio/ogg"
    if data.startswith(b"ID3") or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg"
    if data[:2] in (b"\xff\xf1", b"\xff\xf9"):
        return "audio/aac"
    return None
