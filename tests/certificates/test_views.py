from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from certificates import codes, tasks
from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_revoke
from tests.certificates import pdfs
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(award, qualified, coordinator):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    tasks.certificate_render(certificate.pk)
    certificate.refresh_from_db()
    return certificate


def verify_url(code):
    return reverse("certificates:verify_code", args=[code])


def a_typo_of(code):
    data = code[:-1]
    swapped = data[1] + data[0] + data[2:]
    if swapped == data:
        swapped = ("1" if data[0] != "1" else "2") + data[1:]
    return codes.display(swapped + code[-1])


def test_a_valid_certificate_shows_only_name_award_dates_and_status(
    client, certificate
):
    response = client.get(certificate.get_absolute_url())
    page = response.content.decode()

    assert response.status_code == 200
    assert "Valid" in page
    assert certificate.name_on_certificate in page
    assert "Expert Citizen" in page
    assert "Does not expire" in page
    assert certificate.issued_at.strftime("%B %Y") in page
    assert certificate.serial not in page
    assert certificate.learner.email not in page


def test_an_expired_certificate_says_expired(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() - timedelta(days=2)
    )

    page = client.get(certificate.get_absolute_url()).content.decode()

    assert "Expired on" in page
    assert ">Valid<" not in page


def test_a_revoked_certificate_says_revoked_with_its_reason(
    client, certificate, coordinator
):
    certificate_revoke(
        certificate=certificate, reason="Issued in error", revoked_by=coordinator
    )

    page = client.get(certificate.get_absolute_url()).content.decode()

    assert "Revoked" in page
    assert "Issued in error" in page


def test_an_unknown_code_is_not_found(client):
    code = codes.display(codes.generate_code())

    response = client.get(verify_url(code))

    assert response.status_code == 404
    assert "We cannot find that certificate" in response.content.decode()


def test_a_code_with_a_typo_says_so(client, certificate):
    response = client.get(verify_url(a_typo_of(certificate.verification_code)))
    page = response.content.decode()

    assert response.status_code == 404
    assert "That code has a typing mistake" in page
    assert "We cannot find" not in page


def test_the_form_checks_the_code_and_forgives_case_and_lookalikes(client, certificate):
    typed = codes.display(certificate.verification_code).lower().replace("-", " ")
    typed = typed.replace("0", "o").replace("1", "l")

    response = client.get(reverse("certificates:verify"), {"code": typed})

    assert response.status_code == 302
    assert response["Location"] == certificate.get_absolute_url()


def test_the_form_explains_a_typo_next_to_the_field(client, certificate):
    response = client.get(
        reverse("certificates:verify"),
        {"code": a_typo_of(certificate.verification_code)},
    )

    assert response.status_code == 200
    assert "That code has a typing mistake" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_text_that_is_not_a_code_is_explained_with_the_check_characters(client):
    response = client.get(reverse("certificates:verify"), {"code": "ABCD-EFGH"})
    page = response.content.decode()

    assert response.status_code == 200
    assert "A code has 16 letters and numbers, then a check character" in page
    assert "may also be *, ~, $ or =" in page


@pytest.mark.parametrize("check", ["*", "~", "$", "="])
def test_codes_ending_in_a_symbol_check_character_verify(client, certificate, check):
    data = next(
        data
        for data in (codes.generate_code()[:-1] for _ in range(10_000))
        if codes.check_symbol(data) == check
    )
    Certificate.objects.filter(pk=certificate.pk).update(verification_code=data + check)

    response = client.get(reverse("certificates:verify"), {"code": data + check})
    page = client.get(response["Location"]).content.decode()

    assert response.status_code == 302
    assert "Valid" in page


def test_a_lower_case_code_in_the_address_redirects_to_the_canonical_one(
    client, certificate
):
    response = client.get(verify_url(certificate.verification_code.lower()))

    assert response.status_code == 301
    assert response["Location"] == certificate.get_absolute_url()


def test_verify_pages_are_noindex_and_briefly_cacheable(client, certificate):
    for url in [reverse("certificates:verify"), certificate.get_absolute_url()]:
        response = client.get(url)

        assert response["X-Robots-Tag"] == "noindex"
        assert '<meta name="robots" content="noindex">' in response.content.decode()
        assert "public" in response["Cache-Control"]
        assert "max-age=60" in response["Cache-Control"]
        assert "Accept-Language" in response["Vary"]


def test_too_many_checks_from_one_address_get_429(client, certificate, settings):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = (3, 60)
    url = certificate.get_absolute_url()

    statuses = [client.get(url).status_code for _ in range(4)]
    other_address = client.get(url, REMOTE_ADDR="10.0.0.9")

    assert statuses == [200, 200, 200, 429]
    assert other_address.status_code == 200
    limited = client.get(url)
    assert "Too many checks" in limited.content.decode()
    assert limited["Retry-After"] == "60"
    assert "no-store" in limited["Cache-Control"]


def test_behind_a_proxy_visitors_are_told_apart_by_the_address_it_saw(
    client, certificate, settings
):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = (3, 60)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    url = certificate.get_absolute_url()

    def through_proxy(visitor):
        return client.get(
            url, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=visitor
        ).status_code

    statuses = [through_proxy("203.0.113.7") for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    assert through_proxy("198.51.100.4") == 200
    # A visitor cannot dodge the limit by adding addresses of their own.
    assert through_proxy("192.0.2.99, 203.0.113.7") == 429


def login(client, user):
    client.login(username=user.username, password=PASSWORD)


def test_the_owner_downloads_their_pdf(client, certificate, qualified):
    login(client, qualified)

    response = client.get(certificate.get_download_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{certificate.serial}.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert certificate.serial in pdfs.text(b"".join(response.streaming_content))


def test_a_coordinator_can_download_any_certificate(client, certificate, coordinator):
    login(client, coordinator)

    assert client.get(certificate.get_download_url()).status_code == 200


@pytest.mark.parametrize("role", ["other_resident", "trainer"])
def test_other_signed_in_users_get_not_found(request, client, certificate, role):
    login(client, request.getfixturevalue(role))

    assert client.get(certificate.get_download_url()).status_code == 404


def test_an_unknown_serial_is_not_found_even_for_a_coordinator(client, coordinator):
    login(client, coordinator)

    url = reverse("certificates:download", args=["CA-2000-000999"])
    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_asked_to_sign_in_first(client, certificate):
    response = client.get(certificate.get_download_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_pdf_not_yet_made_shows_a_wait_page(client, award, qualified, coordinator):
    certificate = certificate_issue(
        learner=qualified, award=award, issued_by=coordinator
    )
    login(client, qualified)

    response = client.get(certificate.get_download_url())

    assert response.status_code == 200
    assert "not ready yet" in response.content.decode()


def test_dashboard_hook_lists_the_learners_certificates_with_links(
    rf, certificate, qualified, other_resident
):
    request = rf.get("/learning/")
    request.user = qualified
    [hook] = hooks.get_hooks("learners_dashboard_certificates")

    html = hook({"request": request})

    assert "Expert Citizen" in html
    assert certificate.get_download_url() in html
    assert certificate.get_absolute_url() in html
    request.user = other_resident
    assert hook({"request": request}) == ""
