"""Signals that later apps listen to; ``learners`` never imports them.

Both are sent inside the transaction that records the change. Receivers that
start background work should use ``transaction.on_commit``.

``course_completed`` is sent once per enrolment, when the completion is
recorded, with ``sender=Enrolment`` and the keyword argument ``enrolment``
(its ``user``, ``course`` and ``completed_at`` are set).

``assessment_passed`` is sent for every passed attempt, online or on paper,
with ``sender=Attempt`` and the keyword arguments ``attempt`` and
``enrolment``, and ``completed``: ``True`` when this pass completed the course,
so ``course_completed`` was sent for it as well. A pass with ``completed``
false on an enrolment already complete is a retake, for example to renew a
certificate (see ``learners.selectors.courses_due_for_retake``).
"""

from django.dispatch import Signal

course_completed = Signal()
assessment_passed = Signal()
