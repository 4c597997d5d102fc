"""Builds the demo academy. Every step finds what is already there first, so
running the seed twice leaves the same rows as running it once."""

from __future__ import annotations

from io import BytesIO

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms_pages.models import FeaturedCourse, HomePage, StandardPage
from courses.models import CourseIndexPage, CoursePage, LessonPage

from .accounts import DEMO_ACCOUNTS
from .content import COURSES
from .images import IMAGES, render_image
from .pages import HOME, STANDARD_PAGES
from .seed_certificates import seed_certificates
from .seed_cohorts import seed_cohorts

IMAGE_TAG = "citizens-academy-demo"


def _publish(page: Page) -> None:
    page.save_revision().publish()


def ensure_home() -> HomePage:
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = HomePage(
            title=HOME["title"],
            slug="home",
            intro=HOME["intro"],
            journey_heading=HOME["journey_heading"],
            journey=[("step", step) for step in HOME["journey"]],
        )
        # Wagtail's starter page holds the "home" slug on a fresh install.
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
        root.refresh_from_db()
        root.add_child(instance=home)
        _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Citizens' Academy",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Citizens' Academy"
        site.save()
    return home


def ensure_child(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        _publish(page)
    return page


def ensure_images() -> dict:
    Image = get_image_model()
    images = {}
    for key, title in IMAGES.items():
        image = Image.objects.filter(title=title, tags__name=IMAGE_TAG).first()
        if image is None:
            image = Image(title=title)
            image.file = ImageFile(BytesIO(render_image(key)), name=f"{key}.png")
            image.save()
            image.tags.add(IMAGE_TAG)
        images[key] = image
    return images


def _lesson_body(body: list, images: dict) -> list:
    blocks = []
    for block_type, value in body:
        if block_type == "image":
            value = {**value, "image": images[value["image"]]}
        blocks.append((block_type, value))
    return blocks


def _question(question: dict, images: dict) -> tuple:
    kind = question["type"]
    if kind == "true_false":
        return kind, {
            "prompt": question["prompt"],
            "answer": question["answer"],
            "explanation": question["explanation"],
        }
    options = []
    for option in question["options"]:
        option = dict(option)
        if kind == "image_choice":
            option["image"] = images[option["image"]]
        options.append(option)
    return kind, {"prompt": question["prompt"], "options": options}


def ensure_course(index: CourseIndexPage, data: dict, images: dict) -> CoursePage:
    course = CoursePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if course is None:
        assessment = data["assessment"]
        course = CoursePage(
            title=data["title"],
            slug=data["slug"],
            topic=data["topic"],
            summary=data["summary"],
            learning_outcomes=[("outcome", text) for text in data["learning_outcomes"]],
            estimated_minutes=data["estimated_minutes"],
            image=images[data["image"]],
            image_alt=data["image_alt"],
            questions_per_attempt=assessment["questions_per_attempt"],
            pass_mark=assessment["pass_mark"],
            max_attempts=assessment["max_attempts"],
            cooldown_minutes=assessment["cooldown_minutes"],
            question_bank=[_question(q, images) for q in data["questions"]],
        )
        index.add_child(instance=course)
        _publish(course)
    for lesson in data["lessons"]:
        ensure_child(
            course,
            LessonPage,
            lesson["slug"],
            title=lesson["title"],
            summary=lesson["summary"],
            body=_lesson_body(lesson["body"], images),
        )
    return course


def ensure_accounts() -> None:
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(username=account.username).first()
        if user is None:
            user = User.objects.create_user(
                username=account.username,
                email=account.email,
                password=account.password,
                first_name=account.first_name,
                last_name=account.last_name,
                is_staff=account.is_superuser,
                is_superuser=account.is_superuser,
            )
        user.groups.add(*Group.objects.filter(name__in=account.groups))
        EmailAddress.objects.get_or_create(
            user=user,
            email=account.email,
            defaults={"verified": True, "primary": True},
        )


@transaction.atomic
def seed_academy() -> None:
    home = ensure_home()
    index = ensure_child(
        home,
        CourseIndexPage,
        "courses",
        title="Courses",
        intro="<p>Short, free courses you can take on your phone. "
        "Finish all four to become an Expert Citizen.</p>",
    )
    images = ensure_images()
    courses = [ensure_course(index, data, images) for data in COURSES]
    if not home.featured_courses.exists():
        home.featured_courses = [
            FeaturedCourse(course=course, sort_order=position)
            for position, course in enumerate(courses)
        ]
        _publish(home)
    for page in STANDARD_PAGES:
        ensure_child(
            home, StandardPage, page["slug"], title=page["title"], body=page["body"]
        )
    ensure_accounts()
    seed_cohorts()
    seed_certificates()
