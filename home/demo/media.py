"""Demo images and documents, drawn in code so that no binary file lives in the repository."""

import io

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw


def listing_image_file(name: str, colour: tuple[int, int, int]) -> ImageFile:
    width, height = 1280, 720
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    # A simple roofline motif: the image is decorative, its alt text is empty.
    lighter = tuple(min(255, c + 60) for c in colour)
    draw.polygon([(340, 420), (640, 180), (940, 420)], fill=lighter)
    draw.rectangle([(420, 420), (860, 620)], fill=lighter)
    draw.rectangle([(600, 500), (680, 620)], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ImageFile(buffer, name=f"{name}.png")


def pdf_file(name: str, text: str, pages: int = 1) -> SimpleUploadedFile:
    """A minimal, valid PDF of a number of pages, each with one line of ASCII text."""
    safe = text.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
    stream = f"BT /F1 18 Tf 72 720 Td ({safe}) Tj ET".encode()
    # Objects 1-4 are shared (catalog, page tree, contents, font); pages follow from 5 on.
    kids = " ".join(f"{5 + number} 0 R" for number in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>"
    ] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return SimpleUploadedFile(f"{name}.pdf", out.getvalue(), content_type="application/pdf")
