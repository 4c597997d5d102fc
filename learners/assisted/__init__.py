"""Assisted access: residents without email, printed sign-in codes and
results from assessments taken on paper.

- ``codes``: the pure rules of printed codes: alphabet, making, reading,
  showing and hashing them, and how long they last.
- ``services``: registering a resident, issuing and redeeming codes, counting
  wrong codes and recording paper results.
- ``selectors``: the residents, codes, cohorts and courses these pages show.
- ``stages``: allauth's login stage for residents without email.
- ``forms``, ``views`` and ``urls``: the coordinators' and residents' pages.
"""
