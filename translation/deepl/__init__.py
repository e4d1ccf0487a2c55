"""Everything that talks to DeepL, in one package.

- ``errors``: the one error hierarchy (retry later, quota, configuration, request refused,
  our own budget) and the mapping from the ``deepl`` client's exceptions to it;
- ``client``: the one ``deepl.DeepLClient``, configured once from settings;
- ``languages``: DeepL's codes for the portal's languages and the languages it offers;
- ``batching``: DeepL's request limits;
- ``glossary``: the coordinators' glossary mirrored into a DeepL glossary;
- ``translator``: the wagtail-localize machine translator built on all of the above.

Imports go one way: ``translator`` uses the others; ``glossary`` is handed a client and
uses ``errors`` and ``languages``; ``client`` uses ``errors``; ``errors`` imports nothing of
the project.
"""
