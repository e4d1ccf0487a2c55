"""Developers' tools, not part of the product: installed by the dev and test settings only.

- ``deepl_server`` and ``azure_server``: local servers that answer as DeepL's and Azure AI
  Translator's APIs do (pseudo-translations, faults on request), so that ``make run`` and
  the tests drive the official clients over loopback and never a cloud engine;
- ``demo``: the demo content and the scale generator (``manage.py load_demo [--scale N]``);
- ``bench``: the benchmarks behind ``make bench*`` and the bakerydemo comparison;
- ``s3_standin``, ``topology_media``, ``load_test``: the S3-compatible stand-in, its media and
  the load test of ``make topology`` and ``make load-test``;
- ``translate_catalogs``: machine drafts of the interface catalogs for a new language.

No app imports this package (``tests/core/test_floors.py``: it is the top floor), and
production settings leave it out; ``tests/portal/test_runtime_lock.py`` imports every app
with it made unimportable.
"""
