"""The demo academy's logins. Development data only: never deploy these."""

from dataclasses import dataclass

from courses import roles


@dataclass(frozen=True)
class DemoAccount:
    username: str
    email: str
    password: str
    role: str
    first_name: str
    last_name: str
    groups: tuple[str, ...] = ()
    is_superuser: bool = False


DEMO_ACCOUNTS = (
    DemoAccount(
        "resident",
        "resident@example.org",
        "learn-and-help-2026",
        "Resident",
        "Amira",
        "Khan",
    ),
    DemoAccount(
        "trainer",
        "trainer@example.org",
        "teach-and-help-2026",
        "Trainer",
        "Tom",
        "Hughes",
        groups=(roles.TRAINERS,),
    ),
    DemoAccount(
        "coordinator",
        "coordinator@example.org",
        "run-the-cohort-2026",
        "Coordinator",
        "Grace",
        "Okafor",
        groups=(roles.COORDINATORS,),
    ),
    DemoAccount(
        "admin",
        "admin@example.org",
        "admin-the-academy-2026",
        "Administrator",
        "Site",
        "Admin",
        is_superuser=True,
    ),
)
