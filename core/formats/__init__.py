"""Date and number formats that Django lacks (FORMAT_MODULE_PATH).

Django ships no formats for Somali and Tigrinya, and none of its own catalogs for them, so
month names would come out in English: these languages get numeric dates. Arabic and
Persian get digit grouping for amounts; the rest of their formats come from Django.
"""
