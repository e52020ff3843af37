"""The CSP scanner reads a page as a browser does: the hashes it finds let the page's inline scripts run
under a policy with no 'unsafe-inline', and markup a browser would run is reported wherever it is."""

from __future__ import annotations

import pytest

from stodmaterial.bundle.csp import InlineCode, scan_page

# Each script marks the page when it runs. Python's html.parser (the scanner before) ends the first one
# at the inner </script>, which a browser does not (HTML's "script data double escaped" state), and
# drops the text of the second one (a browser ignores the "/" of <script/>).
SCRIPTS = (
    '<script>/*<!--<script>*/ var inner = 1; /*</script>*/ document.body.dataset.first = "ran"; /*-->*/</script>'
    '<script/>document.body.dataset.second = "ran"</script>'
    '<script type="Module">\r\ndocument.body.dataset.third = "ran"</script>'
    '<script type="application/json">{"not": "code"}</script>'
)


def test_the_hashes_found_let_every_inline_script_of_the_page_run(open_page):
    found = InlineCode()
    scan_page("page.html", SCRIPTS, found)
    policy = "script-src " + " ".join(sorted(found.scripts))
    page = open_page().page
    page.set_content(
        f'<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<title>t</title></head><body>'
        "<script>/* not hashed: must be blocked */ document.body.dataset.unhashed = 'ran'</script>"
        f"{SCRIPTS}</body></html>"
    )
    page.wait_for_function("document.body.dataset.third === 'ran'")
    ran = page.evaluate("Object.assign({}, document.body.dataset)")
    assert ran == {"first": "ran", "second": "ran", "third": "ran"}
    assert len(found.scripts) == 3


@pytest.mark.parametrize("markup", [
    '<template><button onclick="go()">x</button></template>',
    '<template><template><p style="color: red">x</p></template></template>',
    '<a href="java&#x09;script:go()">x</a>',
    '<a href=" &#10;JavaScript:go()">x</a>',
    '<svg><a xlink:href="javascript:go()"><text>x</text></a></svg>',
    '<body onload="go()"><p>x</p></body>',
])
def test_markup_a_browser_would_run_is_reported_wherever_it_is(markup):
    found = InlineCode()
    scan_page("page.html", markup, found)
    assert [name for name, _ in found.forbidden] == ["page.html"]


def test_ordinary_links_and_data_attributes_are_not_reported():
    found = InlineCode()
    scan_page("page.html", '<a href="javascript-guide.html" data-on="x" title="onclick">x</a>'
              '<p class="style">x</p><template><a href="#x">x</a></template>', found)
    assert found == InlineCode()
