"""Content rules that each live in their own module, registered with one line in content/check.py.

Every rule is a function `problems(layout, reports) -> list[Problem]`: it reads the pages the lint has
already scanned and reports each mistake with the file, the line and a fix, in Swedish.
"""
