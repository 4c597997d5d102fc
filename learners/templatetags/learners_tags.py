from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from wagtail import hooks

from learners.accounts.profiles import isolate_name

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


@register.filter(needs_autoescape=True)
def isolate(value, autoescape=True):
    """A name set apart from the words around it, so that direction controls
    in it cannot reorder them: ``<bdi>`` in HTML, and first strong and pop
    directional isolates in plain text (templates with autoescape off).

    For names passed into ``blocktranslate``; elsewhere in HTML write
    ``<bdi>`` around the name.
    """
    if autoescape:
        return format_html("<bdi>{}</bdi>", value)
    return isolate_name(str(value))
