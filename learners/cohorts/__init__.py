"""Cohorts: areas, cohorts and their training sessions, attendance registers,
practical skill sign-offs and the trainer's view of who has done what.

- ``stuck``: the pure rule for who is stuck, and why.
- ``selectors``: what a member of staff may see, registers, skill grids and
  the trainer's overview of a cohort.
- ``services``: the only writes of attendance and skill sign-offs.
- ``forms``: the register, sign-off and admin forms.
- ``views`` and ``urls``: the trainer's pages on the site.
- ``viewsets``: the admin screens for areas, cohorts and sessions.
- ``log_entries``: the site history, narrowed to the cohorts a user acts for.
"""
