"""A site's organisation is shown in every page's header and footer, kept with the content
(``organisation.lookup``, ``core.fragments``): saving or deleting the setting or one of its
rows starts a new content generation, at once and again on commit (the settings form saves
the setting before its rows; a request between the two must not keep a half-saved one).
"""

from core.content_cache import forget_on_change

from .models import OrganisationName, OrganisationSettings, SocialLink

forget_on_change(OrganisationSettings, OrganisationName, SocialLink)
