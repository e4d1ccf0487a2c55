# Django's own formats for this language group no digits: amounts (|amount) need grouping.
# Everything not set here falls through to django/conf/locale.
NUMBER_GROUPING = 3
