import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_resident_is_kept_out_of_the_admin(client, resident):
    client.post("/accounts/login/", {"login": resident.username, "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_anonymous_visitor_is_sent_to_the_admin_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


@pytest.mark.parametrize("role", ["trainer", "coordinator"])
def test_staff_sign_in_to_the_admin_through_the_site_login(client, role, request):
    user = request.getfixturevalue(role)
    response = client.post(
        "/accounts/login/?next=/admin/",
        {"login": user.username, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
