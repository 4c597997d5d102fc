from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def learners_slot(context, slot: str):
    """Renders what later apps put into a slot of a learners template.

    Apps that build on ``learners`` (certificates) register a Wagtail hook
    named ``learners_<slot>``: a function taking the template context and
    returning HTML, or an empty string when it has nothing to show.
    ``learners`` itself never imports them.

    Slots: ``dashboard_certificates`` on the "My learning" page, whose
    context holds ``request``, ``user`` and ``progress_list`` (one
    ``learners.selectors.CourseProgress`` per enrolment).
    """
    fragments = [
        conditional_escape(fn(context)) for fn in hooks.get_hooks(f"learners_{slot}")
    ]
    return mark_safe("".join(fragments))  # noqa: S308 - each fragment is escaped
