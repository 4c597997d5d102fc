"""Taking registers and signing off practical skills, with the database."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from academy_web.clock import academy_today
from learners.cohorts.services import (
    attendance_record,
    skill_sign_off,
    skill_sign_off_undo,
)
from learners.models import Attendance, SkillSignOff
from tests import factories
from tests.learners.cohorts.builders import (
    add_skills,
    build_cohort,
    build_session,
    make_members,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(resident):
    return [resident, *make_members(2)]


@pytest.fixture
def cohort(trainer, members):
    return build_cohort(trainers=[trainer], members=members)


@pytest.fixture
def session(cohort, course, trainer):
    return build_session(cohort, course, trainer=trainer)


@pytest.fixture
def cpr(course):
    return add_skills(course)[0]


@pytest.fixture
def other_trainer(db):
    return factories.make_trainer(username="other-trainer")


def logs(action: str):
    return ModelLogEntry.objects.filter(action=action)


# Attendance -------------------------------------------------------------------


def test_register_records_one_row_per_marked_member(session, members, trainer):
    marks = {members[0].pk: "present", members[1].pk: "absent"}
    saved = attendance_record(session=session, marks=marks, recorded_by=trainer)
    assert (saved.created, saved.updated, saved.unchanged) == (2, 0, 0)
    assert saved.totals == {"present": 1, "absent": 1, "excused": 0}
    rows = dict(Attendance.objects.values_list("learner_id", "status"))
    assert rows == {members[0].pk: "present", members[1].pk: "absent"}
    assert set(Attendance.objects.values_list("recorded_by", flat=True)) == {trainer.pk}


def test_saving_the_register_again_updates_the_same_rows(session, members, trainer):
    attendance_record(
        session=session, marks={members[0].pk: "absent"}, recorded_by=trainer
    )
    saved = attendance_record(
        session=session,
        marks={members[0].pk: "excused", members[1].pk: "present"},
        recorded_by=trainer,
    )
    assert (saved.created, saved.updated) == (1, 1)
    assert Attendance.objects.count() == 2
    assert Attendance.objects.get(learner=members[0]).status == "excused"


def test_register_is_audit_logged_only_when_something_changes(
    session, members, trainer
):
    marks = {member.pk: "present" for member in members}
    attendance_record(session=session, marks=marks, recorded_by=trainer)
    saved = attendance_record(session=session, marks=marks, recorded_by=trainer)
    assert saved.unchanged == 3
    (entry,) = logs("learners.attendance_record")
    assert entry.object_id == str(session.pk)
    assert entry.user_id == trainer.pk
    assert entry.data["totals"] == {"present": 3, "absent": 0, "excused": 0}


def test_register_refuses_people_outside_the_cohort(session, trainer, other_resident):
    with pytest.raises(ValidationError):
        attendance_record(
            session=session, marks={other_resident.pk: "present"}, recorded_by=trainer
        )
    assert not Attendance.objects.exists()


def test_register_refuses_unknown_statuses(session, members, trainer):
    with pytest.raises(ValidationError):
        attendance_record(
            session=session, marks={members[0].pk: "late"}, recorded_by=trainer
        )
    assert not Attendance.objects.exists()


def test_register_refuses_no_marks(session, trainer):
    with pytest.raises(ValidationError):
        attendance_record(session=session, marks={}, recorded_by=trainer)


def test_another_cohorts_trainer_cannot_take_the_register(
    session, members, other_trainer
):
    with pytest.raises(PermissionDenied):
        attendance_record(
            session=session, marks={members[0].pk: "present"}, recorded_by=other_trainer
        )
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("who", ["resident", "other_resident"])
def test_residents_cannot_take_a_register(session, members, who, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        attendance_record(
            session=session, marks={members[0].pk: "present"}, recorded_by=user
        )


def test_trainer_of_a_cohort_without_register_permission_is_refused(
    session, members, resident, cohort
):
    cohort.trainers.add(resident)
    with pytest.raises(PermissionDenied):
        attendance_record(
            session=session, marks={members[1].pk: "present"}, recorded_by=resident
        )


def test_coordinator_takes_any_register(session, members, coordinator):
    attendance_record(
        session=session, marks={members[0].pk: "present"}, recorded_by=coordinator
    )
    assert Attendance.objects.get().recorded_by == coordinator


# Skill sign-offs --------------------------------------------------------------


def sign_off(learner, skill, by, *, on=None, note=""):
    return skill_sign_off(
        learner=learner,
        skill=skill,
        signed_off_on=on or academy_today(),
        note=note,
        signed_off_by=by,
    )


def test_sign_off_records_the_date_note_and_trainer(cohort, resident, cpr, trainer):
    signoff = sign_off(resident, cpr, trainer, note="  Good rhythm.  ")
    assert (signoff.signed_off_on, signoff.note, signoff.signed_off_by) == (
        academy_today(),
        "Good rhythm.",
        trainer,
    )
    (entry,) = logs("learners.skill_sign_off")
    assert entry.data["skill"] == "CPR on an adult manikin"
    assert entry.user_id == trainer.pk


def test_signing_off_twice_keeps_one_row_and_logs_once(cohort, resident, cpr, trainer):
    sign_off(resident, cpr, trainer, note="Good rhythm.")
    sign_off(resident, cpr, trainer, note="Good rhythm.")
    assert SkillSignOff.objects.count() == 1
    assert logs("learners.skill_sign_off").count() == 1
    assert not logs("learners.skill_sign_off_change").exists()


def test_signing_off_again_with_a_new_date_corrects_the_one_row(
    cohort, resident, cpr, trainer
):
    sign_off(resident, cpr, trainer)
    earlier = academy_today() - timedelta(days=3)
    sign_off(resident, cpr, trainer, on=earlier, note="Done at the library.")
    signoff = SkillSignOff.objects.get()
    assert (signoff.signed_off_on, signoff.note) == (earlier, "Done at the library.")
    assert logs("learners.skill_sign_off_change").count() == 1


def test_sign_off_in_the_future_is_refused(cohort, resident, cpr, trainer):
    with pytest.raises(ValidationError) as refusal:
        sign_off(resident, cpr, trainer, on=academy_today() + timedelta(days=1))
    assert "signed_off_on" in refusal.value.message_dict
    assert not SkillSignOff.objects.exists()


def test_too_long_note_is_refused(cohort, resident, cpr, trainer):
    with pytest.raises(ValidationError):
        sign_off(resident, cpr, trainer, note="x" * 1001)
    assert not SkillSignOff.objects.exists()


def test_sign_off_for_someone_in_none_of_the_trainers_cohorts_is_refused(
    cohort, other_resident, cpr, trainer
):
    with pytest.raises(PermissionDenied):
        sign_off(other_resident, cpr, trainer)
    assert not SkillSignOff.objects.exists()


def test_another_cohorts_trainer_cannot_sign_off(cohort, resident, cpr, other_trainer):
    build_cohort(trainers=[other_trainer], members=make_members(1))
    with pytest.raises(PermissionDenied):
        sign_off(resident, cpr, other_trainer)


def test_resident_cannot_sign_off_a_skill(cohort, resident, cpr):
    with pytest.raises(PermissionDenied):
        sign_off(resident, cpr, resident)


def test_coordinator_signs_off_anyone(cohort, other_resident, cpr, coordinator):
    sign_off(other_resident, cpr, coordinator)
    assert SkillSignOff.objects.get().signed_off_by == coordinator


def test_trainer_undoes_their_own_sign_off_and_it_is_logged(
    cohort, resident, cpr, trainer
):
    signoff = sign_off(resident, cpr, trainer)
    assert skill_sign_off_undo(learner=resident, skill=cpr, undone_by=trainer)
    assert not SkillSignOff.objects.exists()
    (entry,) = logs("learners.skill_sign_off_undo")
    assert entry.object_id == str(signoff.pk)
    assert entry.deleted
    assert entry.data["signed_off_on"] == academy_today().isoformat()


def test_undoing_twice_is_the_same_as_once(cohort, resident, cpr, trainer):
    sign_off(resident, cpr, trainer)
    skill_sign_off_undo(learner=resident, skill=cpr, undone_by=trainer)
    assert not skill_sign_off_undo(learner=resident, skill=cpr, undone_by=trainer)
    assert logs("learners.skill_sign_off_undo").count() == 1


def test_trainer_cannot_undo_a_colleagues_sign_off(cohort, resident, cpr, trainer):
    colleague = factories.make_trainer(username="colleague")
    cohort.trainers.add(colleague)
    sign_off(resident, cpr, colleague)
    with pytest.raises(PermissionDenied):
        skill_sign_off_undo(learner=resident, skill=cpr, undone_by=trainer)
    assert SkillSignOff.objects.count() == 1


def test_another_cohorts_trainer_cannot_undo(
    cohort, resident, cpr, trainer, other_trainer
):
    sign_off(resident, cpr, trainer)
    with pytest.raises(PermissionDenied):
        skill_sign_off_undo(learner=resident, skill=cpr, undone_by=other_trainer)
    assert SkillSignOff.objects.count() == 1


def test_coordinator_undoes_anyones_sign_off(
    cohort, resident, cpr, trainer, coordinator
):
    sign_off(resident, cpr, trainer)
    assert skill_sign_off_undo(learner=resident, skill=cpr, undone_by=coordinator)
    assert not SkillSignOff.objects.exists()
