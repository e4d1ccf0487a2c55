# Somali: Django has no Somali month names, so dates are numeric.
from core.formats.numeric import *  # noqa: F403
