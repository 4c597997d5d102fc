"""Demo areas, cohorts, sessions in person, registers and skill sign-offs.

Called by ``academy_site.demo.seed`` after the courses and accounts exist.
The extra residents learn through the learning journey's own services, so
the trainer's view shows real figures: some finish everything, one fails an
assessment twice, one goes quiet, one never starts. Every step finds what is
already there first, so running it twice leaves the same rows as running it
once.

Cohorts start a few weeks before the day they are first seeded, and their
sessions and sign-offs are dated from the cohort's start date, so the demo
always looks recent and never has a register or sign-off in the future.
Later runs read the start date back rather than today's date, so they find
the same rows instead of adding a week's worth more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from academy_web.clock import academy_timezone, academy_today
from courses import roles
from courses.models import CoursePage, LessonPage, PracticalSkill
from impact.periods import current_quarter
from learners import services
from learners.accounts.services import profile_get_or_create, profile_update
from learners.cohorts.services import attendance_record, skill_sign_off
from learners.models import (
    Area,
    Attempt,
    Cohort,
    Enrolment,
    LessonProgress,
    SkillSignOff,
    TrainingSession,
)
from learners.selectors import attempt_questions

from .content import COURSES

FIRE, FIRST_AID, CRIME, SIGNPOSTING = (course["slug"] for course in COURSES)

AREAS = [
    ("Braunstone Park", "braunstone-park", "LE3"),
    ("Beaumont Leys", "beaumont-leys", "LE4"),
]

FIRST_AID_SKILLS = [
    (
        "CPR on an adult manikin",
        "Checks for danger and a response, calls 999 on speaker, then gives "
        "chest compressions in the centre of the chest, 5 to 6 cm deep at 100 "
        "to 120 a minute, for two minutes without stopping.",
    ),
    (
        "The recovery position",
        "Rolls a partner who is breathing but not awake onto their side, "
        "tilts the head back to keep the airway open and keeps checking "
        "their breathing.",
    ),
    (
        "The response to choking",
        "Tells someone who can cough to keep coughing, then shows up to 5 "
        "back blows and up to 5 abdominal thrusts (on a manikin), and says "
        "when to call 999.",
    ),
]


@dataclass(frozen=True)
class DemoResident:
    """A resident without a login, and how far their learning has gone."""

    username: str
    first_name: str
    last_name: str
    district: str
    language: str = "en-gb"
    completed: tuple[str, ...] = ()
    lessons: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)
    quiet_days: int = 0
    skills: tuple[int, ...] = ()


@dataclass(frozen=True)
class DemoCohort:
    name: str
    area_slug: str
    # The cohort starts this many days before it is first seeded and runs for
    # ``weeks`` weeks; every session below has already happened by then.
    started_days_ago: int
    weeks: int
    trainer: str
    residents: tuple[DemoResident, ...]
    # Course slug, day after the start, venue.
    sessions: tuple[tuple[str, int, str], ...]
    includes_demo_resident: bool = False


SECOND_TRAINER = ("demo-trainer-02", "Marcus", "Bennett")

BRAUNSTONE = DemoCohort(
    name="Braunstone Park – Spring 2026",
    area_slug="braunstone-park",
    started_days_ago=29,
    weeks=16,
    trainer="trainer",
    includes_demo_resident=True,
    sessions=(
        (FIRE, 1, "Braunstone Park Community Centre"),
        (FIRST_AID, 8, "Braunstone Park Community Centre"),
        (CRIME, 15, "Braunstone Library"),
        (SIGNPOSTING, 22, "Braunstone Library"),
    ),
    residents=(
        DemoResident(
            "demo-resident-01",
            "Priya",
            "Shah",
            "LE3",
            language="gu",
            completed=(FIRE, FIRST_AID, CRIME, SIGNPOSTING),
            skills=(0, 1, 2),
        ),
        DemoResident(
            "demo-resident-02",
            "Tomasz",
            "Nowak",
            "LE3",
            language="pl",
            completed=(FIRE, FIRST_AID, CRIME),
            lessons={SIGNPOSTING: 2},
            skills=(0, 1),
        ),
        DemoResident(
            "demo-resident-03",
            "Hodan",
            "Ali",
            "LE3",
            language="so",
            completed=(FIRE,),
            lessons={FIRST_AID: 99},
            failed={FIRST_AID: 2},
            skills=(0,),
        ),
        DemoResident(
            "demo-resident-04",
            "Gary",
            "Pritchard",
            "LE3",
            lessons={FIRE: 2},
            quiet_days=20,
        ),
        DemoResident(
            "demo-resident-05",
            "Sunita",
            "Mistry",
            "LE3",
            completed=(FIRE, FIRST_AID),
            skills=(0, 1, 2),
        ),
        DemoResident("demo-resident-06", "Kieran", "Walsh", "LE3", lessons={FIRE: 1}),
        DemoResident("demo-resident-07", "Fatima", "Begum", "LE3", language="ar"),
        DemoResident(
            "demo-resident-08",
            "Dawit",
            "Tesfaye",
            "LE3",
            completed=(FIRE, FIRST_AID),
            lessons={CRIME: 3},
            failed={CRIME: 1},
            skills=(0, 2),
        ),
    ),
)

BEAUMONT = DemoCohort(
    name="Beaumont Leys – Summer 2026",
    area_slug="beaumont-leys",
    started_days_ago=16,
    weeks=12,
    trainer=SECOND_TRAINER[0],
    sessions=(
        (FIRE, 1, "Beaumont Leys Library"),
        (FIRST_AID, 8, "Beaumont Leys Library"),
    ),
    residents=(
        DemoResident("demo-resident-09", "Joanne", "Clarke", "LE4", completed=(FIRE,)),
        DemoResident("demo-resident-10", "Imran", "Patel", "LE4", lessons={FIRE: 3}),
        DemoResident("demo-resident-11", "Agnieszka", "Kowalska", "LE4", language="pl"),
    ),
)

COHORTS = (BRAUNSTONE, BEAUMONT)


def ensure_areas() -> dict[str, Area]:
    areas = {}
    for name, slug, districts in AREAS:
        area, _ = Area.objects.get_or_create(
            slug=slug, defaults={"name": name, "postcode_districts": districts}
        )
        areas[slug] = area
    return areas


def ensure_practical_skills(course: CoursePage) -> list[PracticalSkill]:
    """Adds the first aid skills the course lacks, through a published
    revision so the page editor shows them too."""
    existing = set(course.practical_skills.values_list("title", flat=True))
    missing = [(t, d) for t, d in FIRST_AID_SKILLS if t not in existing]
    if missing:
        page = course.get_latest_revision_as_object()
        for title, description in missing:
            page.practical_skills.add(
                PracticalSkill(title=title, description=description)
            )
        page.save_revision().publish()
    titles = [title for title, _ in FIRST_AID_SKILLS]
    by_title = {
        skill.title: skill
        for skill in PracticalSkill.objects.filter(course=course, title__in=titles)
    }
    return [by_title[title] for title in titles]


def ensure_second_trainer():
    username, first_name, last_name = SECOND_TRAINER
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username,
            password=None,
            first_name=first_name,
            last_name=last_name,
        )
    user.groups.add(*Group.objects.filter(name=roles.TRAINERS))
    return User.objects.get(pk=user.pk)


def ensure_resident(resident: DemoResident):
    User = get_user_model()
    user = User.objects.filter(username=resident.username).first()
    if user is None:
        # No email and an unusable password: these residents never sign in.
        user = User.objects.create_user(
            username=resident.username,
            password=None,
            first_name=resident.first_name,
            last_name=resident.last_name,
        )
    profile = profile_get_or_create(user=user)
    name = f"{resident.first_name} {resident.last_name}"
    if (profile.certificate_name, profile.postcode_district) != (
        name,
        resident.district,
    ):
        profile_update(
            user=user,
            profile=profile,
            certificate_name=name,
            preferred_language=resident.language,
            postcode_district=resident.district,
            contact_consent=False,
        )
    return user


def _lessons(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().child_of(course).order_by("path"))


def _answers(attempt: Attempt, *, right: int) -> dict[str, list[str]]:
    answers = {}
    for number, question in enumerate(attempt_questions(attempt)):
        options = (
            question.correct_ids
            if number < right
            else question.option_ids - question.correct_ids
        )
        chosen = sorted(options)
        answers[question.id] = chosen if number < right else chosen[:1]
    return answers


def _take_assessment(user, course: CoursePage, *, right: int) -> None:
    attempt = services.attempt_start(user=user, course=course)
    services.attempt_submit(
        attempt=attempt, answers=_answers(attempt, right=right), user=user
    )
    # Waiting out the cool-down, as a real learner would between attempts.
    Attempt.objects.filter(pk=attempt.pk).update(
        submitted_at=timezone.now() - timedelta(minutes=course.cooldown_minutes + 1)
    )


def learn(user, resident: DemoResident, courses: dict[str, CoursePage]) -> None:
    """Plays the resident's learning through the services, once."""
    if Enrolment.objects.filter(user=user).exists():
        return
    for slug in resident.completed:
        course = courses[slug]
        services.enrolment_create(user=user, course=course)
        for lesson in _lessons(course):
            services.lesson_mark_done(user=user, lesson=lesson)
        if course.has_assessment:
            _take_assessment(user, course, right=course.questions_per_attempt)
    for slug, count in resident.lessons.items():
        course = courses[slug]
        services.enrolment_create(user=user, course=course)
        for lesson in _lessons(course)[:count]:
            services.lesson_mark_done(user=user, lesson=lesson)
    for slug, count in resident.failed.items():
        course = courses[slug]
        services.enrolment_create(user=user, course=course)
        for _ in range(count):
            _take_assessment(user, course, right=course.questions_per_attempt // 2)
    if resident.quiet_days:
        when = timezone.now() - timedelta(days=resident.quiet_days)
        enrolments = Enrolment.objects.filter(user=user)
        enrolments.update(enrolled_at=when)
        LessonProgress.objects.filter(enrolment__in=enrolments).update(
            completed_at=when
        )
        Attempt.objects.filter(enrolment__in=enrolments).update(
            started_at=when, submitted_at=when
        )


def _mark(member_index: int, session_index: int) -> str:
    """A believable register: most come, a few are absent or send apologies."""
    if (member_index + 2 * session_index) % 7 == 3:
        return "absent"
    if (member_index * session_index) % 5 == 4:
        return "excused"
    return "present"


def _starts_at(day: date) -> datetime:
    return datetime.combine(day, time(18, 30), tzinfo=academy_timezone())


def first_seeded_on(cohort: Cohort, plan: DemoCohort) -> date:
    """The day the cohort was first seeded, read back from its start date, so
    that every later run finds the same sessions and sign-off dates."""
    return cohort.start_date + timedelta(days=plan.started_days_ago)


def sign_off_day(*, session_day: date, seeded_on: date) -> date:
    """When the demo's practical skills were signed off.

    On the day of the course's session, or on the first day of the quarter
    the demo was seeded in if the session came before it, so the impact
    dashboard's default period (the current quarter) shows them; never after
    the day of seeding, since a sign-off cannot be in the future.
    """
    quarter_start = current_quarter(seeded_on).start
    return min(max(session_day, quarter_start), seeded_on)


def _record_missing_marks(session, members, demo_resident, index, trainer) -> None:
    """Takes the register for members who have no mark yet, so a mark changed
    in the demo survives the next seed."""
    marked = set(session.attendance.values_list("learner_id", flat=True))
    marks = {
        member.pk: "present" if member == demo_resident else _mark(position, index)
        for position, member in enumerate(members)
        if member.pk not in marked
    }
    if marks:
        attendance_record(session=session, marks=marks, recorded_by=trainer)


def _sign_off_missing(signed, skills, *, day: date, trainer) -> None:
    """Signs off each planned skill that the resident does not have yet."""
    learner_ids = [user.pk for user, _ in signed]
    done = set(
        SkillSignOff.objects.filter(
            learner_id__in=learner_ids, skill__in=skills
        ).values_list("learner_id", "skill_id")
    )
    for user, indexes in signed:
        for index in indexes:
            skill = skills[index]
            if (user.pk, skill.pk) in done:
                continue
            skill_sign_off(
                learner=user,
                skill=skill,
                signed_off_on=day,
                note="",
                signed_off_by=trainer,
            )


def ensure_cohort(
    plan: DemoCohort,
    *,
    areas: dict[str, Area],
    courses: dict[str, CoursePage],
    skills: list[PracticalSkill],
    demo_resident,
) -> Cohort:
    User = get_user_model()
    trainer = User.objects.filter(username=plan.trainer).first()
    today = academy_today()
    start = today - timedelta(days=plan.started_days_ago)
    cohort, _ = Cohort.objects.get_or_create(
        name=plan.name,
        defaults={
            "area": areas[plan.area_slug],
            "start_date": start,
            "end_date": start + timedelta(weeks=plan.weeks),
        },
    )
    members = [ensure_resident(resident) for resident in plan.residents]
    for user, resident in zip(members, plan.residents, strict=True):
        learn(user, resident, courses)
    if plan.includes_demo_resident and demo_resident is not None:
        members.insert(0, demo_resident)
    cohort.members.add(*members)
    if trainer is None:
        return cohort
    cohort.trainers.add(trainer)

    seeded_on = min(first_seeded_on(cohort, plan), today)
    first_aid_day = seeded_on
    now = timezone.now()
    for index, (slug, offset, venue) in enumerate(plan.sessions):
        day = cohort.start_date + timedelta(days=offset)
        session, _ = TrainingSession.objects.get_or_create(
            cohort=cohort,
            course=courses[slug],
            starts_at=_starts_at(day),
            defaults={"venue": venue, "trainer": trainer},
        )
        if slug == FIRST_AID:
            first_aid_day = day
        if session.starts_at <= now:
            _record_missing_marks(session, members, demo_resident, index, trainer)

    signed = [
        (user, resident.skills)
        for user, resident in zip(
            members[-len(plan.residents) :], plan.residents, strict=True
        )
    ]
    if plan.includes_demo_resident and demo_resident is not None:
        # The demo resident holds Expert Citizen, which asks for every first
        # aid skill signed off.
        signed.insert(0, (demo_resident, tuple(range(len(skills)))))
    _sign_off_missing(
        signed,
        skills,
        day=sign_off_day(session_day=first_aid_day, seeded_on=seeded_on),
        trainer=trainer,
    )
    return cohort


@transaction.atomic
def seed_cohorts() -> None:
    by_slug = {
        page.slug: page
        for page in CoursePage.objects.filter(slug__in=[c["slug"] for c in COURSES])
    }
    if len(by_slug) != len(COURSES):
        return
    areas = ensure_areas()
    skills = ensure_practical_skills(by_slug[FIRST_AID])
    courses = {
        slug: CoursePage.objects.get(pk=page.pk) for slug, page in by_slug.items()
    }
    ensure_second_trainer()
    demo_resident = get_user_model().objects.filter(username="resident").first()
    for plan in COHORTS:
        ensure_cohort(
            plan,
            areas=areas,
            courses=courses,
            skills=skills,
            demo_resident=demo_resident,
        )
