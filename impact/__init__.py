"""The funder's impact report: its figures, periods, charts and admin views.

Last in the chain courses <- learners <- certificates <- impact: it reads the
other apps, and none of them imports it.
"""
