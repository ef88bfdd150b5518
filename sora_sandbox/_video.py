"""Small real result media: an H.264 MP4 (PyAV, whose wheel ships FFmpeg with libx264) and a PNG thumbnail.

Frames show the prompt in a 5x7 bitmap font, a moving bar and a time counter, drawn in pure Python
(numpy is not a dependency): a client test can decode the file and check size, duration and frame count.
Videos are cached by (width, height, duration, fps, prompt hash).
"""

from __future__ import annotations

import hashlib
import io
import struct
import threading
import zlib
from collections import OrderedDict

import av

# Row-major 5x7 glyphs, one 5-bit int per row (bit 4 = leftmost pixel).
_FONT: dict[str, tuple[int, ...]] = {
    "A": (0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11),
    "B": (0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E),
    "C": (0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E),
    "D": (0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E),
    "E": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F),
    "F": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10),
    "G": (0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F),
    "H": (0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11),
    "I": (0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "J": (0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C),
    "K": (0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11),
    "L": (0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F),
    "M": (0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11),
    "N": (0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11),
    "O": (0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "P": (0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10),
    "Q": (0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D),
    "R": (0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11),
    "S": (0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E),
    "T": (0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04),
    "U": (0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "V": (0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04),
    "W": (0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A),
    "X": (0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11),
    "Y": (0x11, 0x11, 0x0A, 0x04, 0x04, 0x04, 0x04),
    "Z": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F),
    "0": (0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E),
    "1": (0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "2": (0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F),
    "3": (0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E),
    "4": (0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02),
    "5": (0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E),
    "6": (0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E),
    "7": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08),
    "8": (0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E),
    "9": (0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C),
    " ": (0, 0, 0, 0, 0, 0, 0),
    ".": (0, 0, 0, 0, 0, 0x0C, 0x0C),
    ",": (0, 0, 0, 0, 0x0C, 0x04, 0x08),
    ":": (0, 0x0C, 0x0C, 0, 0x0C, 0x0C, 0),
    "-": (0, 0, 0, 0x1F, 0, 0, 0),
    "!": (0x04, 0x04, 0x04, 0x04, 0x04, 0, 0x04),
    "?": (0x0E, 0x11, 0x01, 0x02, 0x04, 0, 0x04),
    "'": (0x04, 0x04, 0x08, 0, 0, 0, 0),
    "/": (0x01, 0x01, 0x02, 0x04, 0x08, 0x10, 0x10),
    "=": (0, 0, 0x1F, 0, 0x1F, 0, 0),
    "(": (0x02, 0x04, 0x08, 0x08, 0x08, 0x04, 0x02),
    ")": (0x08, 0x04, 0x02, 0x02, 0x02, 0x04, 0x08),
}
_CELL_W, _CELL_H = 6, 8
_WHITE = b"\xff\xff\xff"
_CACHE_SIZE = 64


class Canvas:
    """An RGB24 pixel buffer with a given row stride (PyAV planes may pad rows)."""

    def __init__(self, width: int, height: int, stride: int, background: bytes) -> None:
        self.width, self.height, self.stride = width, height, stride
        row = background * width + bytes(stride - 3 * width)
        self.pixels = bytearray(row * height)

    def fill(self, x0: int, y0: int, x1: int, y1: int, colour: bytes) -> None:
        """Paint the rectangle [x0, x1) x [y0, y1), clipped."""
        x0, x1 = max(x0, 0), min(x1, self.width)
        for y in range(max(y0, 0), min(y1, self.height)):
            start = y * self.stride + 3 * x0
            self.pixels[start : start + 3 * (x1 - x0)] = colour * (x1 - x0)

    def text(self, x: int, y: int, text: str, colour: bytes = _WHITE) -> None:
        """Draw `text` (upper-cased; unknown characters as '?') with its top-left corner at (x, y)."""
        for i, char in enumerate(text.upper()):
            glyph = _FONT.get(char, _FONT["?"])
            for row, bits in enumerate(glyph):
                for col in range(5):
                    if bits & (0x10 >> col):
                        self.fill(x + i * _CELL_W + col, y + row, x + i * _CELL_W + col + 1, y + row + 1, colour)

    def rgb_rows(self) -> list[bytes]:
        """Rows without stride padding."""
        return [bytes(self.pixels[y * self.stride : y * self.stride + 3 * self.width]) for y in range(self.height)]


def wrap(text: str, columns: int, lines: int) -> list[str]:
    """Greedy word wrap to at most `lines` lines of `columns` characters."""
    out: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > columns:
            word = word[columns:]  # keep the tail of overlong words; the head rarely says more
        candidate = f"{current} {word}".strip()
        if len(candidate) <= columns:
            current = candidate
            continue
        out.append(current)
        current = word
    out.append(current)
    return [line for line in out if line][:lines]


def _background(prompt: str) -> bytes:
    digest = hashlib.sha256(prompt.encode()).digest()
    return bytes(40 + b % 100 for b in digest[:3])


def draw_frame(canvas: Canvas, prompt: str, index: int, fps: int, frames: int) -> None:
    """Prompt text, a bar that moves with time, and `T=<seconds>S` at the bottom."""
    columns = max(canvas.width // _CELL_W - 1, 1)
    lines = wrap(prompt, columns, max((canvas.height - 3 * _CELL_H) // _CELL_H, 1))
    for n, line in enumerate(lines):
        canvas.text(3, 6 + n * _CELL_H, line)
    bar = (index + 1) * canvas.width // frames
    canvas.fill(0, 0, bar, 3, b"\xff\xc0\x00")
    canvas.text(3, canvas.height - _CELL_H - 1, f"T={index / fps:.1f}S")


def render_mp4(width: int, height: int, duration_s: int, fps: int, prompt: str) -> bytes:
    """An H.264 MP4 of exactly `duration_s` seconds at `fps` frames per second."""
    frames = max(duration_s * fps, 1)
    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast"}
        background = _background(prompt)
        for index in range(frames):
            frame = av.VideoFrame(width, height, "rgb24")
            canvas = Canvas(width, height, frame.planes[0].line_size, background)
            draw_frame(canvas, prompt, index, fps, frames)
            frame.planes[0].update(bytes(canvas.pixels))
            frame.pts = index
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return out.getvalue()


def render_png(width: int, height: int, prompt: str) -> bytes:
    """The first frame as a PNG thumbnail (zlib only)."""
    canvas = Canvas(width, height, 3 * width, _background(prompt))
    draw_frame(canvas, prompt, 0, 1, 1)
    raw = b"".join(b"\x00" + row for row in canvas.rgb_rows())

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


class MediaCache:
    """Rendered media, keyed by (kind, width, height, duration, fps, prompt sha256), least recently used out."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[str, int, int, int, int, str], bytes] = OrderedDict()

    def get(self, kind: str, width: int, height: int, duration_s: int, fps: int, prompt: str) -> bytes:
        """Rendered bytes for `kind` "mp4" or "png" (rendering happens outside the lock)."""
        key = (kind, width, height, duration_s, fps, hashlib.sha256(prompt.encode()).hexdigest())
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        data = (
            render_mp4(width, height, duration_s, fps, prompt) if kind == "mp4" else render_png(width, height, prompt)
        )
        with self._lock:
            self._items[key] = data
            while len(self._items) > _CACHE_SIZE:
                self._items.popitem(last=False)
        return data
