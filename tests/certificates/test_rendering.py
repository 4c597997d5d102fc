import re

import pytest
from django.contrib.auth import get_user_model

from certificates import rendering
from certificates.services import certificate_issue
from tests.certificates import builders, pdfs

pytestmark = pytest.mark.django_db


def issue_to(name, award, two_courses, coordinator):
    # An account holds up to 150 characters each of first and last name.
    first_name, last_name = name[:150], name[150:].lstrip()
    user = get_user_model().objects.create_user(
        username=f"learner{get_user_model().objects.count()}",
        email="learner@example.org",
        first_name=first_name[:150],
        last_name=last_name[:150],
    )
    for course in two_courses:
        builders.complete(user, course)
    return certificate_issue(learner=user, award=award, issued_by=coordinator)


@pytest.fixture
def render(award, two_courses, coordinator):
    def render_name(name):
        certificate = issue_to(name, award, two_courses, coordinator)
        return certificate, rendering.certificate_pdf(certificate)

    return render_name


def test_pdf_carries_name_award_dates_serial_and_verify_link(render, settings):
    settings.CERTIFICATES_BASE_URL = "https://academy.example.org"
    certificate, result = render("Amira Khan")
    text = pdfs.text(result.pdf)

    assert "Amira Khan" in text
    assert certificate.serial in text
    assert re.fullmatch(r"CA-\d{4}-\d{6}", certificate.serial)
    assert "Expert Citizen" in text
    assert certificate.issued_at.strftime("%B %Y") in text
    assert "Does not expire" in text
    verify_url = f"https://academy.example.org/verify/{certificate.display_code}/"
    assert certificate.get_verify_url() == verify_url
    assert verify_url in pdfs.squashed(text)
    assert verify_url in pdfs.link_targets(result.pdf)
    assert result.warning == ""


def test_the_printed_qr_code_reads_as_the_verification_address(render, settings):
    settings.CERTIFICATES_BASE_URL = "https://academy.example.org"
    certificate, result = render("أميرة خان")

    assert pdfs.qr_codes(result.pdf) == [
        "https://academy.example.org" + certificate.get_absolute_url()
    ]


def test_pdf_embeds_subset_fonts_and_is_pdfa_3b_with_metadata(render):
    certificate, result = render("Zofia Łukasiewicz-Żółć")
    fonts = pdfs.fonts(result.pdf)
    metadata = pdfs.read(result.pdf).metadata
    xmp = pdfs.xmp(result.pdf)

    assert fonts
    assert all(font["embedded"] for font in fonts)
    assert all(re.match(r"/[A-Z]{6}\+", font["name"]) for font in fonts)
    assert metadata.title == f"Certificate {certificate.serial}: Expert Citizen"
    assert metadata.author == "Citizens' Academy"
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="B"' in xmp


def test_markup_in_a_name_is_printed_as_text_not_run(render):
    name = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    _, result = render(name)
    reader = pdfs.read(result.pdf)

    assert len(reader.pages) == 1
    assert name in pdfs.text(result.pdf)
    assert "/JavaScript" not in str(reader.trailer["/Root"])


@pytest.mark.parametrize(
    ("name", "font"),
    [
        ("Zofia Łukasiewicz-Żółć", "Noto-Serif"),
        ("أميرة خان", "Noto-Naskh-Arabic"),
        ("ક્રિશ પટેલ", "Noto-Serif-Gujarati"),
        ("王小明", "Noto-Sans-CJK-SC"),
        ("Amira 🎉 Khan", "Noto-Color-Emoji"),
    ],
)
def test_names_in_any_script_print_in_a_font_that_has_them(render, name, font):
    _, result = render(name)

    assert len(pdfs.read(result.pdf).pages) == 1
    # Text extraction may split a shaped cluster with a space; the letters
    # themselves must all be there, in order.
    assert pdfs.squashed(name) in pdfs.squashed(pdfs.text(result.pdf))
    assert any(font in entry["name"] for entry in pdfs.fonts(result.pdf))
    assert rendering.uncovered_characters(name) == ""
    assert result.warning == ""


def test_characters_without_an_installed_font_still_give_a_sound_pdf(render):
    name = "Amira \ue000 Khan"
    certificate, result = render(name)

    assert rendering.uncovered_characters(name) == "\ue000"
    assert len(pdfs.read(result.pdf).pages) == 1
    assert certificate.serial in pdfs.text(result.pdf)
    assert "\ue000" in result.warning


def test_digits_never_print_as_emoji_pictures(render):
    certificate, result = render("Tom Hughes")

    assert certificate.serial in pdfs.text(result.pdf)
    assert not any("Emoji" in entry["name"] for entry in pdfs.fonts(result.pdf))


def text_runs(pdf: bytes) -> list[tuple[float, str]]:
    """Each piece of text on the only page, with the height (in points from
    the bottom of the page) of its baseline."""
    page = pdfs.read(pdf).pages[0]
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    return runs


def drawn_boxes(pdf: bytes) -> list[tuple[float, float]]:
    """The bottom and top, in points, of every rectangle drawn on the only
    page: backgrounds, borders and clipping areas."""
    page = pdfs.read(pdf).pages[0]
    boxes = []

    def visit(operator, operands, cm, tm):
        if operator == b"re":
            x, y, width, height = (float(value) for value in operands)
            ys = [
                px * cm[1] + py * cm[3] + cm[5]
                for px, py in ((x, y), (x + width, y + height))
            ]
            boxes.append((min(ys), max(ys)))

    page.extract_text(visitor_operand_before=visit)
    return boxes


LONGEST = 301  # 150 characters each of first and last name, and a space


@pytest.mark.parametrize(
    "name",
    [
        ("Maximiliana-Wilhelmina-" * 7)[:150]
        + " "
        + ("Featherstonehaugh-Cholmondeley-" * 5)[:150],
        ("WWMM " * 70)[:LONGEST],
        ("王秀英" * 110)[:LONGEST],
        ("عبد الرحمن بن محمد " * 20)[:LONGEST],
    ],
    ids=["latin", "wide-latin", "chinese", "arabic"],
)
def test_a_very_long_name_is_printed_whole_inside_its_box_on_one_page(render, name):
    """Nothing clips the name: every line of it is drawn inside the underlined
    box that holds it, and what follows still clears the signatures and QR."""
    certificate, result = render(name)
    runs = text_runs(result.pdf)
    printed = pdfs.squashed(certificate.name_on_certificate)
    name_lines = [
        y for y, text in runs if len(text) > 2 and pdfs.squashed(text) in printed
    ]
    first_line = max(name_lines)
    # The name's own box: the smallest drawn box around its first line.
    bottom, top = min(
        (box for box in drawn_boxes(result.pdf) if box[0] < first_line < box[1]),
        key=lambda box: box[1] - box[0],
    )

    assert len(certificate.name_on_certificate) >= LONGEST - 1
    assert len(pdfs.read(result.pdf).pages) == 1
    assert printed in pdfs.squashed(pdfs.text(result.pdf))
    assert all(bottom < y < top for y in name_lines)
    assert min(y for y, text in runs if text.startswith("This is to certify")) > top
    assert max(y for y, text in runs if text.startswith("has met every")) < bottom
    assert min(y for y, text in runs if text == certificate.serial) > max(
        y for y, text in runs if text.startswith(("Grace Okafor", "Check this"))
    )


def test_template_wording_signatories_and_images_are_printed(two_courses, coordinator):
    template = builders.make_template(
        with_images=True, title="Certificate of completion", wording="has finished"
    )
    award = builders.make_award(two_courses, name="First aid", template=template)
    certificate = issue_to("Tom Hughes", award, two_courses, coordinator)
    result = rendering.certificate_pdf(certificate)
    text = pdfs.text(result.pdf)

    assert "Certificate of completion" in text
    assert "has finished" in text
    assert "Grace Okafor" in text
    images = [
        xobject.get_object()
        for xobject in pdfs.read(result.pdf).pages[0]["/Resources"]["/XObject"].values()
    ]
    assert [image["/Subtype"] for image in images] == ["/Image", "/Image"]


def test_expiry_date_is_printed_for_awards_that_expire(course, course_award, resident):
    builders.complete(resident, course)
    certificate = certificate_issue(learner=resident, award=course_award)
    text = pdfs.text(rendering.certificate_pdf(certificate).pdf)

    assert certificate.expires_at.strftime("%B %Y") in text
    assert certificate.expires_at.year == certificate.issued_at.year + 3


def test_the_longest_award_name_is_printed_whole_above_the_signatures(
    two_courses, coordinator
):
    award_name = ("Expert Citizen WWMM " * 8)[:150].strip()
    award = builders.make_award(two_courses, name=award_name)
    certificate = issue_to(
        ("Maximiliana-Wilhelmina-" * 7)[:150], award, two_courses, coordinator
    )
    result = rendering.certificate_pdf(certificate)
    runs = text_runs(result.pdf)

    assert len(pdfs.read(result.pdf).pages) == 1
    assert pdfs.squashed(award_name) in pdfs.squashed(pdfs.text(result.pdf))
    award_lines = [
        (y, pdfs.squashed(text))
        for y, text in runs
        if len(text) > 2 and pdfs.squashed(text) in pdfs.squashed(award_name)
    ]
    # Every line of the award is drawn (none clipped away), above the dates
    # that follow it.
    assert "".join(text for _, text in award_lines) == pdfs.squashed(award_name)
    assert min(y for y, _ in award_lines) > max(
        y for y, text in runs if text == "Issued"
    )
    assert min(y for y, text in runs if text == certificate.serial) > max(
        y for y, text in runs if text.startswith(("Grace Okafor", "Check this"))
    )
