"""Accounts: how allauth fits the academy, learners' profiles, and staff's
second factor.

- ``adapter``: allauth's adapter and remembering a learner's language.
- ``forms``: the sign-in, sign-up, sign-in code and profile forms.
- ``profiles``: the pure rules for what a profile holds and how names show.
- ``services``: the only writes of a ``LearnerProfile``.
- ``mfa``: one sign-in route, staff behind their second factor, ``staff_only``.
- ``middleware``: signed-in pages kept out of caches.
- ``checks``: the system checks for the settings above.
- ``views`` and ``urls``: the learner's own profile page.
"""
