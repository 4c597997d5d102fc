"""What every app of the academy shares: small web helpers with one home each.

- ``clock``: the academy's time zone and today.
- ``requests``: reading a post, ids and a safe ``next`` address from a request.
- ``forms``: the date input and the id field, and errors onto a form.
- ``ratelimit``: who is asking, and counting their tries in the shared cache.
- ``qr``: drawing a QR code.
- ``menus``: an admin menu item shown only to those with a permission.

It imports none of the apps, so ``courses``, ``learners``, ``certificates``
and the apps after them may all import it.
"""
