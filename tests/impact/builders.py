"""A small academy whose impact figures are known, for the report's tests.

Every date is in the academy's time zone, Europe/London. Several fall within
an hour of a day's or a month's edge, where counting in UTC would give a
different answer. The figures each test expects are written out by hand in
the test, from the story below.

First quarter of 2026 (``Q1``):

- Amira (Braunstone Park cohort) joins 10 Jan, passes Fire safety on 19 Jan,
  completes it 20 Jan; fails First aid 3 Feb, passes 4 Feb, completes it
  5 Feb; CPR and the recovery position signed off 1 Feb (choking on
  31 Dec 2025); certified Expert Citizen 6 Feb.
- Ben (Braunstone Park) joins 15 Feb, is present at the 20 Feb session; his
  recovery position sign-off is on 1 Apr.
- Fay (Braunstone Park) joined in 2025 and was absent from that session.
- Gus (Braunstone Park) joined in 2025, completed both courses in 2025; his
  certificate of 1 Mar 2026 was revoked.
- Cara (Beaumont Leys cohort) joins 31 Mar at 23:30 (BST); CPR signed off
  2 Mar.
- Dev (no cohort; postcode district LE4, so Beaumont Leys) joins 31 Dec 2025
  at 23:30 (GMT); fails Fire safety 9 Mar, passes 10 Mar, completes it
  1 Apr at 00:30 (BST, still 31 Mar in UTC).
- Eve (no cohort, no district: in no area) joins 5 Jan and finishes a lesson
  on 6 Jan; her open attempt began in December.
- Hana (in no area) joins 1 Apr at 00:15 (BST, still 31 Mar in UTC).
- A trainer joins 15 Jan and completes Fire safety 25 Jan: staff are never
  counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from certificates.models import Award, Certificate
from certificates.services import certificate_issue
from courses.models import CoursePage
from impact.periods import Period
from learners.models import (
    Area,
    Attempt,
    Attendance,
    Enrolment,
    LearnerProfile,
    LessonProgress,
    SkillSignOff,
)
from learners.selectors import attempt_number_next
from tests import factories
from tests.certificates import builders
from tests.learners.cohorts.builders import add_skills, build_cohort, build_session

LONDON = ZoneInfo("Europe/London")
Q1 = Period(start=date(2026, 1, 1), end=date(2026, 3, 31))


def at(year, month, day, hour=12, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@dataclass
class ImpactAcademy:
    braunstone: Area
    beaumont: Area
    fire: CoursePage
    first_aid: CoursePage
    award: Award
    people: dict


def joined(user, when: datetime):
    get_user_model().objects.filter(pk=user.pk).update(date_joined=when)
    return user


def resident(username: str, when: datetime, *, district: str | None = None):
    user = joined(factories.make_resident(username=username), when)
    if district:
        LearnerProfile.objects.create(user=user, postcode_district=district)
    return user


def enrol(user, course, *, completed: datetime | None = None) -> Enrolment:
    return Enrolment.objects.create(user=user, course=course, completed_at=completed)


def submitted(enrolment: Enrolment, *, when: datetime, passed: bool) -> Attempt:
    attempt = Attempt.objects.create(
        enrolment=enrolment,
        number=attempt_number_next(enrolment=enrolment),
        status=Attempt.Status.SUBMITTED,
        expires_at=when + timedelta(hours=1),
        submitted_at=when,
        pass_mark=80,
        score=100 if passed else 25,
        passed=passed,
    )
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=when - timedelta(minutes=20)
    )
    return attempt


def sign_off(user, skill, day: date, trainer) -> SkillSignOff:
    return SkillSignOff.objects.create(
        learner=user, skill=skill, signed_off_on=day, signed_off_by=trainer
    )


def certify(user, award: Award, when: datetime) -> Certificate:
    certificate = certificate_issue(learner=user, award=award)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=when)
    return certificate


def build_impact_academy(course_index) -> ImpactAcademy:
    fire = factories.build_course(course_index, title="Fire safety at home")
    first_aid = factories.build_course(course_index, title="First aid essentials")
    cpr, recovery, choking = add_skills(first_aid)
    award = builders.make_award([fire, first_aid], name="Expert Citizen")
    braunstone = Area.objects.create(
        name="Braunstone Park", slug="braunstone-park", postcode_districts="LE3"
    )
    beaumont = Area.objects.create(
        name="Beaumont Leys", slug="beaumont-leys", postcode_districts="LE4"
    )
    trainer = joined(factories.make_trainer(username="tariq"), at(2026, 1, 15))
    enrol(trainer, fire, completed=at(2026, 1, 25))

    amira = resident("amira", at(2026, 1, 10))
    ben = resident("ben", at(2026, 2, 15))
    fay = resident("fay", at(2025, 6, 1))
    gus = resident("gus", at(2025, 5, 1))
    cara = resident("cara", at(2026, 3, 31, 23, 30))
    dev = resident("dev", at(2025, 12, 31, 23, 30), district="LE4")
    eve = resident("eve", at(2026, 1, 5))
    hana = resident("hana", at(2026, 4, 1, 0, 15))

    braunstone_cohort = build_cohort(
        area=braunstone,
        trainers=[trainer],
        members=[amira, ben, fay, gus],
        start_date=date(2026, 1, 5),
    )
    build_cohort(
        area=beaumont, trainers=[trainer], members=[cara], start_date=date(2026, 3, 1)
    )

    amira_fire = enrol(amira, fire, completed=at(2026, 1, 20))
    submitted(amira_fire, when=at(2026, 1, 19), passed=True)
    amira_first_aid = enrol(amira, first_aid, completed=at(2026, 2, 5))
    submitted(amira_first_aid, when=at(2026, 2, 3), passed=False)
    submitted(amira_first_aid, when=at(2026, 2, 4), passed=True)
    sign_off(amira, cpr, date(2026, 2, 1), trainer)
    sign_off(amira, recovery, date(2026, 2, 1), trainer)
    sign_off(amira, choking, date(2025, 12, 31), trainer)
    certify(amira, award, at(2026, 2, 6))

    session = build_session(
        braunstone_cohort, first_aid, starts_at=at(2026, 2, 20, 18), trainer=trainer
    )
    Attendance.objects.create(
        session=session, learner=ben, status="present", recorded_by=trainer
    )
    Attendance.objects.create(
        session=session, learner=fay, status="absent", recorded_by=trainer
    )
    sign_off(ben, recovery, date(2026, 4, 1), trainer)

    enrol(gus, fire, completed=at(2025, 7, 1))
    enrol(gus, first_aid, completed=at(2025, 8, 1))
    revoked = certify(gus, award, at(2026, 3, 1))
    Certificate.objects.filter(pk=revoked.pk).update(status=Certificate.Status.REVOKED)

    sign_off(cara, cpr, date(2026, 3, 2), trainer)

    dev_fire = enrol(dev, fire, completed=at(2026, 4, 1, 0, 30))
    submitted(dev_fire, when=at(2026, 3, 9), passed=False)
    submitted(dev_fire, when=at(2026, 3, 10), passed=True)

    eve_fire = enrol(eve, fire)
    lesson = fire.get_children().first()
    progress = LessonProgress.objects.create(enrolment=eve_fire, lesson_id=lesson.pk)
    LessonProgress.objects.filter(pk=progress.pk).update(completed_at=at(2026, 1, 6))
    open_attempt = Attempt.objects.create(
        enrolment=eve_fire, number=1, expires_at=at(2025, 12, 2), pass_mark=80
    )
    Attempt.objects.filter(pk=open_attempt.pk).update(started_at=at(2025, 12, 1))

    return ImpactAcademy(
        braunstone=braunstone,
        beaumont=beaumont,
        fire=fire,
        first_aid=first_aid,
        award=award,
        people={
            "amira": amira,
            "ben": ben,
            "fay": fay,
            "gus": gus,
            "cara": cara,
            "dev": dev,
            "eve": eve,
            "hana": hana,
            "trainer": trainer,
        },
    )


def build_members(area: Area, count: int, when: datetime, prefix: str) -> list:
    """``count`` residents of ``area`` who joined at ``when``."""
    people = [
        joined(factories.make_resident(username=f"{prefix}-{number}"), when)
        for number in range(count)
    ]
    build_cohort(area=area, members=people, start_date=when.date())
    return people
