"""PDFs as modern tools write them (PDF 1.5+: objects in compressed object streams, found
through a compressed cross-reference stream), built byte by byte so that no binary file is
committed and the reader under test does not write its own fixtures."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def _xref_stream(entries: list[tuple[int, int, int]], size: int, number: int, extra=b"") -> bytes:
    """A cross-reference stream object: one (type, field 2, field 3) row per object."""
    rows = b"".join(struct.pack(">BIH", kind, second, third) for kind, second, third in entries)
    data = zlib.compress(rows)
    return (
        f"{number} 0 obj\n<< /Type /XRef /Size {size} /W [1 4 2] /Root 1 0 R "
        f"/Filter /FlateDecode /Length {len(data)}".encode()
        + extra
        + b" >>\nstream\n"
        + data
        + b"\nendstream\nendobj\n"
    )


def compressed_pdf(pages: int, name: str = "komprimovany.pdf") -> SimpleUploadedFile:
    """A PDF 1.5 whose catalog, page tree and pages all sit in one compressed object
    stream: no "/Type /Page" appears in the file's bytes."""
    # Objects 1 (catalog), 2 (page tree), 3.. (pages) go into the object stream.
    kids = " ".join(f"{3 + index} 0 R" for index in range(pages))
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
    ] + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    header, offset, body = [], 0, b""
    for number, text in enumerate(bodies, start=1):
        header.append(f"{number} {offset}")
        body += text + b"\n"
        offset += len(text) + 1
    index = (" ".join(header) + "\n").encode()
    packed = zlib.compress(index + body)
    stream_number = len(bodies) + 1
    xref_number = stream_number + 1

    out = io.BytesIO()
    out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    stream_offset = out.tell()
    out.write(
        f"{stream_number} 0 obj\n<< /Type /ObjStm /N {len(bodies)} /First {len(index)} "
        f"/Filter /FlateDecode /Length {len(packed)} >>\nstream\n".encode()
        + packed
        + b"\nendstream\nendobj\n"
    )
    xref_offset = out.tell()
    entries = [(0, 0, 65535)]
    entries += [(2, stream_number, position) for position in range(len(bodies))]
    entries += [(1, stream_offset, 0), (1, xref_offset, 0)]
    out.write(_xref_stream(entries, xref_number + 1, xref_number))
    out.write(f"startxref\n{xref_offset}\n%%EOF\n".encode())
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")


def updated_pdf(pages: int, rewritten: int) -> SimpleUploadedFile:
    """A compressed PDF with an incremental update that rewrites `rewritten` of its page
    objects (as an editor's annotation does): those pages appear twice in the file."""
    original = compressed_pdf(pages).read()
    previous = int(original.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    out = io.BytesIO(original)
    out.seek(0, io.SEEK_END)
    entries, first = [], 3
    for number in range(first, first + rewritten):
        entries.append((1, out.tell(), 0))
        out.write(
            f"{number} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Rotate 90 >>\nendobj\n".encode()
        )
    # The original holds objects 0 to pages + 4 (its own cross-reference stream the last).
    xref_number = pages + 5
    xref_offset = out.tell()
    entries.append((1, xref_offset, 0))
    index = f" /Index [{first} {rewritten} {xref_number} 1] /Prev {previous}".encode()
    out.write(_xref_stream(entries, xref_number + 1, xref_number, extra=index))
    out.write(f"startxref\n{xref_offset}\n%%EOF\n".encode())
    return SimpleUploadedFile("aktualizovany.pdf", out.getvalue(), content_type="application/pdf")
