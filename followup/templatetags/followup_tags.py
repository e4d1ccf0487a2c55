from django import template

from followup import svg
from followup.datasets import format_value

register = template.Library()


@register.simple_tag
def figure(value, unit):
    """A figure with its unit, formatted for the active language (1 200 000 kr, 42 %)."""
    return format_value(value, unit)


@register.simple_tag
def chart_patterns():
    """The series' fill patterns, once a page, for every chart and legend swatch on it."""
    return svg.patterns()
