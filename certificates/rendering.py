"""Certificate PDFs: the only module that imports WeasyPrint.

PDFs are A4 landscape, PDF/A-3b, with their fonts embedded and subset. Every
resource is inlined as a ``data:`` URL and the fetcher refuses anything else,
so nothing a coordinator or learner types can make the renderer fetch a URL.
"""

from __future__ import annotations

import base64
import functools
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from fontTools.ttLib import TTFont
from weasyprint import HTML, URLFetcher
from weasyprint.text.ffi import ffi, fontconfig

from academy_web.qr import qr_svg
from learners.accounts.profiles import isolate_name

from . import rules
from .models import Certificate, CertificateTemplate

PDF_VARIANT = "pdf/a-3b"
# Families are tried in order for each character. The CJK families are used
# when installed (fonts-noto-cjk).
TEXT_FONTS = (
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Gujarati",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Gurmukhi",
    "Noto Sans Hebrew",
    "Noto Sans Ethiopic",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Noto Sans Symbols2",
    "DejaVu Sans",
)
# The name gets its own first family, so a character no font can draw only
# affects the name's font and never the text around it.
NAME_FONTS = ("Noto Serif", "Noto Naskh Arabic", "Noto Serif Gujarati", *TEXT_FONTS)
# Emoji fonts are left out of the CSS on purpose: Pango draws digits from any
# emoji font it is given, so they would print as pictures. Fontconfig falls
# back to an installed emoji font (fonts-noto-color-emoji) for real emoji.
COVERAGE_FONTS = (*NAME_FONTS, "Noto Color Emoji", "Noto Emoji")
IMAGE_FILTER = "max-800x300|format-png"


@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    warning: str = ""


def font_family(families: tuple[str, ...]) -> str:
    return ", ".join(f'"{family}"' for family in families) + ", sans-serif"


@functools.cache
def _font_file(family: str) -> str | None:
    """The file fontconfig uses for ``family``, or ``None`` if not installed."""
    pattern = fontconfig.FcPatternCreate()
    try:
        fontconfig.FcPatternAddString(pattern, b"family", family.encode())
        fontconfig.FcConfigSubstitute(ffi.NULL, pattern, fontconfig.FcMatchPattern)
        fontconfig.FcDefaultSubstitute(pattern)
        result = ffi.new("FcResult *")
        match = fontconfig.FcFontMatch(ffi.NULL, pattern, result)
        if match == ffi.NULL:
            return None
        try:
            value = ffi.new("FcChar8 **")
            names = []
            index = 0
            while (
                fontconfig.FcPatternGetString(match, b"family", index, value)
                == fontconfig.FcResultMatch
            ):
                names.append(ffi.string(value[0]).decode().casefold())
                index += 1
            if family.casefold() not in names:
                return None
            if (
                fontconfig.FcPatternGetString(match, b"file", 0, value)
                != fontconfig.FcResultMatch
            ):
                return None
            return ffi.string(value[0]).decode()
        finally:
            fontconfig.FcPatternDestroy(match)
    finally:
        fontconfig.FcPatternDestroy(pattern)


@functools.cache
def _coverage(families: tuple[str, ...]) -> frozenset[int]:
    codepoints: set[int] = set()
    for family in families:
        path = _font_file(family)
        if path is None:
            continue
        with TTFont(path, lazy=True, fontNumber=0) as font:
            codepoints.update(font.getBestCmap() or {})
    return frozenset(codepoints)


def uncovered_characters(text: str, families: tuple[str, ...] = COVERAGE_FONTS) -> str:
    """The characters of ``text`` that no installed font in ``families`` draws."""
    covered = _coverage(families)
    missing = []
    for character in text:
        if unicodedata.category(character) in {"Zs", "Cc", "Cf", "Mn", "Me"}:
            continue
        if ord(character) not in covered and character not in missing:
            missing.append(character)
    return "".join(missing)


def _data_url(content: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def _image_url(image) -> str | None:
    if image is None:
        return None
    rendition = image.get_rendition(IMAGE_FILTER)
    with rendition.file.open("rb") as handle:
        return _data_url(handle.read(), "image/png")


def certificate_html(certificate: Certificate) -> str:
    template: CertificateTemplate = certificate.award.template
    verify_url = certificate.get_verify_url()
    name = certificate.name_on_certificate
    context = {
        "certificate": certificate,
        "template": template,
        "name": isolate_name(name),
        "name_dir": rules.text_direction(name),
        "name_size": rules.name_font_size(name),
        "award_dir": rules.text_direction(certificate.award_name),
        "award_size": rules.award_font_size(certificate.award_name),
        "logo_url": _image_url(template.logo),
        "signatories": [
            {
                "name": isolate_name(signatory.name),
                "role": signatory.role,
                "signature_url": _image_url(signatory.signature),
            }
            for signatory in template.signatories.select_related("signature")
        ],
        "verify_url": verify_url,
        "qr_svg": qr_svg(
            verify_url,
            label=_("QR code: opens the page that checks this certificate"),
            border=0,
            scale=4,
        ),
        "text_fonts": font_family(TEXT_FONTS),
        "name_fonts": font_family(NAME_FONTS),
    }
    # The printed certificate is in the site's language, like its wording.
    with translation.override(settings.LANGUAGE_CODE):
        context["pdf_title"] = _("Certificate %(serial)s: %(award)s") % {
            "serial": certificate.serial,
            "award": certificate.award_name,
        }
        return render_to_string("certificates/pdf/certificate.html", context)


def html_to_pdf(html: str) -> bytes:
    """The way every PDF here is made; the benchmark's floor uses it too."""
    return HTML(
        string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})
    ).write_pdf(pdf_variant=PDF_VARIANT)


def certificate_pdf(certificate: Certificate) -> RenderResult:
    missing = uncovered_characters(
        certificate.name_on_certificate + certificate.award_name
    )
    warning = ""
    if missing:
        warning = _("No installed font can print these characters: %(characters)s") % {
            "characters": missing
        }
    return RenderResult(pdf=html_to_pdf(certificate_html(certificate)), warning=warning)


def floor_pdf() -> bytes:
    """A minimal one-page PDF in the same fonts, to measure WeasyPrint's floor."""
    html = render_to_string(
        "certificates/pdf/floor.html",
        {"text_fonts": font_family(TEXT_FONTS), "name_fonts": font_family(NAME_FONTS)},
    )
    return html_to_pdf(html)
