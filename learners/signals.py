"""Signals that later apps listen to; ``learners`` never imports them.

``course_completed`` is sent once, inside the transaction that records the
completion, with ``sender=Enrolment`` and the keyword argument ``enrolment``
(its ``user``, ``course`` and ``completed_at`` are set). Receivers that start
background work should use ``transaction.on_commit``.
"""

from django.dispatch import Signal

course_completed = Signal()
