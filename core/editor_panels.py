"""Places in every page's editor that an app on a higher floor fills.

``core.pages.BasePage`` lists its content tab once, for every page type, but what goes in
some places belongs to a feature above the page models: the readability report is
``readability``'s (its score, page text, view, script and templates), and ``readability``
sits on a floor above ``international``, whose page types extend ``BasePage``. So the base
page holds a ``Slot`` by name and the feature fills it from its ``ready()`` (``fill``). Wagtail
builds a page type's edit handler on first use, after every app is ready, and a slot then
binds as the panel that fills it; an unfilled slot shows nothing.
"""

from wagtail.admin.panels import Panel

_fillers: dict[str, type[Panel]] = {}


def fill(name: str, panel_class: type[Panel]) -> None:
    _fillers[name] = panel_class


class Slot(Panel):
    def __init__(self, name: str, **kwargs):
        super().__init__(**kwargs)
        self.name = name

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "name": self.name}

    def bind_to_model(self, model):
        filler = _fillers.get(self.name)
        if filler is None:
            return super().bind_to_model(model)
        kwargs = super().clone_kwargs()
        return filler(**kwargs).bind_to_model(model)

    class BoundPanel(Panel.BoundPanel):
        def is_shown(self):
            return False  # nothing filled it
