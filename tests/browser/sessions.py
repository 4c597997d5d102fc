"""Signing a browser in without the sign-in form, for journeys that are not
about signing in."""

from django.test import Client


def sign_in(page, live_server, user):
    """Signs the browser in by giving it a session made by Django's client."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
