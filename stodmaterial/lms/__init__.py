"""Delivery into a learning platform: a tenant's built site as a SCORM 1.2 package.

`make_scorm12` takes an already built site folder, so any build (single tenant or fleet) can feed it.
The runtime adapter is overrides/assets/javascripts/stodmaterial/lms.js.
"""

from stodmaterial.lms.scorm12 import FORMAT, PackageResult, make_scorm12

FORMATS = (FORMAT,)

__all__ = ["FORMATS", "PackageResult", "make_scorm12"]
