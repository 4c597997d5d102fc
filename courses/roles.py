"""Names of the groups and workflow that the courses migrations create.

Code checks permissions, never these names; they exist so that migrations,
services and the seed agree on which rows they mean.
"""

TRAINERS = "Trainers"
COORDINATORS = "Coordinators"
COURSE_WORKFLOW = "Course content approval"
COURSE_APPROVAL_TASK = "Coordinator approval"

TRAINER_PAGE_PERMISSIONS = ("add_page", "change_page")
COORDINATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
