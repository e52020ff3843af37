"""The CSP scanner reads a page as a browser does: the hashes it finds let the page's inline scripts run
under a policy with no 'unsafe-inline', and markup a browser would run is reported wherever it is."""

from __future__ import annotations

import pytest

from stodmaterial.bundle.csp import InlineCode, csp_hash, executes, scan_page

# Each script marks the page when it runs. Python's html.parser (the scanner before) ends the first one
# at the inner </script>, which a browser does not (HTML's "script data double escaped" state), and
# drops the text of the second one (a browser ignores the "/" of <script/>). The rest were found in
# review: a browser that runs scripts reads <noscript> as text; an SVG script runs its own text only,
# keeps a CR from a character reference and has no src; and the less common script types.
SCRIPTS = (
    '<script>/*<!--<script>*/ var inner = 1; /*</script>*/ mark("escaped"); /*-->*/</script>'
    '<script/>mark("selfclosing")</script>'
    '<script type="Module">\r\nmark("module")</script>'
    '<noscript><p title="</noscript><script>mark(\'noscript\')</script>"></p></noscript>'
    '<svg><script>mark("svg")<g>//x</g></script></svg>'
    '<svg><script>/*&#13;*/mark("svgcr")</script></svg>'
    "<svg><script src='none.js'>mark('svgsrc')</script></svg>"
    '<script type="text/javascript1.5">mark("javascript15")</script>'
    '<script type="application/x-ecmascript">mark("xecmascript")</script>'
    '<script language="JavaScript">mark("language")</script>'
    '<script type="application/json">{"not": "code"}</script>'
)
RAN = {"escaped", "selfclosing", "module", "noscript", "svg", "svgcr", "svgsrc", "javascript15", "xecmascript",
       "language"}
MARK = "function mark(name) { document.documentElement.dataset[name] = 'ran'; }"


def test_the_hashes_found_let_every_inline_script_of_the_page_run(open_page):
    found = InlineCode()
    page_html = (f"<!doctype html><html lang='en'><head><title>t</title><script>{MARK}</script></head><body>"
                 "<script>/* not hashed: must be blocked */ mark('unhashed')</script>"
                 f"{SCRIPTS}<script>mark('last')</script></body></html>")
    scan_page("page.html", page_html.replace("mark('unhashed')", ""), found)
    policy = "script-src " + " ".join(sorted(found.scripts))
    page = open_page().page
    page.set_content(page_html.replace("<head>", f'<head><meta http-equiv="Content-Security-Policy" content="{policy}">', 1))
    page.wait_for_function("document.documentElement.dataset.last === 'ran'")
    ran = page.evaluate("Object.keys(document.documentElement.dataset)")
    assert set(ran) == RAN | {"last"}


@pytest.mark.parametrize("markup", [
    '<template><button onclick="go()">x</button></template>',
    '<template><template><p style="color: red">x</p></template></template>',
    '<a href="java&#x09;script:go()">x</a>',
    '<a href=" &#10;JavaScript:go()">x</a>',
    '<svg><a xlink:href="javascript:go()"><text>x</text></a></svg>',
    '<body onload="go()"><p>x</p></body>',
    '<svg><a><set attributeName="href" to="javascript:go()"/><text>x</text></a></svg>',
    '<svg><a><animate attributeName="xlink:href" values="#a; javascript:go()"/><text>x</text></a></svg>',
    '<iframe title="x" srcdoc="&lt;p onclick=&quot;go()&quot;&gt;x&lt;/p&gt;"></iframe>',
    '<template>' * 2000 + '<b onclick="go()">x</b>',
])
def test_markup_a_browser_would_run_is_reported_wherever_it_is(markup):
    found = InlineCode()
    scan_page("page.html", markup, found)
    assert [name.removesuffix(" (srcdoc)") for name, _ in found.forbidden] == ["page.html"]


def test_a_frames_srcdoc_is_scanned_as_part_of_the_page():
    found = InlineCode()
    scan_page("page.html", '<iframe title="x" srcdoc="&lt;script&gt;go()&lt;/script&gt;"></iframe>', found)
    assert found.scripts == {csp_hash("go()")}


def test_ordinary_links_and_data_attributes_are_not_reported():
    found = InlineCode()
    scan_page("page.html", '<a href="javascript-guide.html" data-on="x" title="onclick">x</a>'
              '<p class="style">x</p><template><a href="#x">x</a></template>', found)
    assert found == InlineCode()


def test_script_types_follow_htmls_rule():
    assert executes({}) and executes({"type": ""}) and executes({"type": " Text/JavaScript "})
    assert executes({"language": "JavaScript"}) and executes({"type": "", "language": "vbscript"})
    assert not executes({"language": "vbscript"})
    assert not executes({"type": "application/json"}) and not executes({"type": "text/template"})
