"""The international domain's models, one module per page type; import from here."""

from .mixins import *  # noqa: F403
from .mixins import __all__ as _mixins
from .news import *  # noqa: F403
from .news import __all__ as _news
from .opportunities import *  # noqa: F403
from .opportunities import __all__ as _opportunities
from .partners import *  # noqa: F403
from .partners import __all__ as _partners
from .projects import *  # noqa: F403
from .projects import __all__ as _projects
from .strategy import *  # noqa: F403
from .strategy import __all__ as _strategy
from .taxonomy import *  # noqa: F403
from .taxonomy import __all__ as _taxonomy

__all__ = [
    *_mixins,
    *_news,
    *_opportunities,
    *_partners,
    *_projects,
    *_strategy,
    *_taxonomy,
]
