"""Content rules, one module a rule, each registered with one line in content/check.py.

A page rule is `active_content_problems(path, text)`; a site rule is `problems(layout, reports)`: it reads
the pages the lint has already scanned. Each reports every mistake with the file, the line and a fix, in
Swedish.
"""
