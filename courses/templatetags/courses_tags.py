from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def course_slot(context, slot: str):
    """Renders what later apps put into a slot of a course template.

    Apps that build on ``courses`` (progress tracking, certificates) register a
    Wagtail hook named ``courses_<slot>``: a function taking the template
    context and returning HTML. ``courses`` itself never imports them.
    """
    fragments = [
        conditional_escape(fn(context)) for fn in hooks.get_hooks(f"courses_{slot}")
    ]
    return mark_safe("".join(fragments))  # noqa: S308 - each fragment is escaped
