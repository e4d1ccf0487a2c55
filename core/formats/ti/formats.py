# Tigrinya: the Gregorian calendar used in Sweden; Django has no Tigrinya month names, so
# dates are numeric.
from core.formats.numeric import *  # noqa: F403
