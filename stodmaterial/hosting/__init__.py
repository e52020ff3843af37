"""The hosted service: every licensed tenant at /<slug>/ on one nginx server, each behind its own login.

- config.py       the operator's settings file (validated; outside the repository)
- password.py     generated passwords and their {SSHA} hash (why not bcrypt: see the module)
- credentials.py  one user file per tenant outside the web root: create, rotate, revoke
- plan.py         which tenants are open, locked (licence) or left out, and their security headers
- page_view.py    what one page view fetches (sizes the rate limit; drives the benchmark)
- pages.py        the neutral start page and the error pages
- nginx.py        the nginx configuration as text
- generate.py     `stodmaterial hosting`: all of the above into output_dir in one step
"""
