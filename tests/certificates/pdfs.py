"""Reading certificate PDFs in tests, with pypdf."""

from __future__ import annotations

import io
import re

import pypdfium2
import zxingcpp
from pypdf import PdfReader


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(pdf).pages)


def squashed(value: str) -> str:
    """Text without whitespace, so wrapped lines still match."""
    return re.sub(r"\s+", "", value)


def fonts(pdf: bytes) -> list[dict]:
    """Each font used: its name and whether its program is embedded."""
    found = []
    for page in read(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            found.append(
                {
                    "name": str(font["/BaseFont"]),
                    "embedded": any(
                        key in descriptor
                        for key in ("/FontFile", "/FontFile2", "/FontFile3")
                    ),
                }
            )
    return found


def xmp(pdf: bytes) -> str:
    root = read(pdf).trailer["/Root"]
    return root["/Metadata"].get_object().get_data().decode("utf-8")


def link_targets(pdf: bytes) -> list[str]:
    targets = []
    for page in read(pdf).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def qr_codes(pdf: bytes, *, scale: float = 4) -> list[str]:
    """What every QR code printed on the first page says, read back from a
    picture of the page the way a phone's camera would."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        picture = document[0].render(scale=scale).to_pil()
    finally:
        document.close()
    return [
        found.text
        for found in zxingcpp.read_barcodes(picture)
        if found.format == zxingcpp.BarcodeFormat.QRCode
    ]
