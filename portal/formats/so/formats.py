# Somali: Django has no Somali month names, so dates are numeric.
from portal.formats.numeric import *  # noqa: F403
