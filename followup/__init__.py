"""The strategy's follow-up: indicators per goal, their yearly figures and server-rendered charts.

Its floor is beside ``review``: it reads ``international``, ``home`` and ``review``'s public
functions; nothing imports it but ``portal`` (the strategy page names it only as a string).
"""
