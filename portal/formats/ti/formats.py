# Tigrinya: the Gregorian calendar used in Sweden; Django has no Tigrinya month names, so
# dates are numeric.
from portal.formats.numeric import *  # noqa: F403
