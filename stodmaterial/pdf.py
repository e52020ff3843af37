"""An accessible PDF of the whole material per tenant and language, printed by Debian's Chromium from
the built site's print-all page ("Skriv ut hela materialet", docs/skriv-ut.md).

Chromium (through Playwright's page.pdf) writes a tagged PDF whose structure follows the page's
HTML, with the document language from <html lang>, bookmarks from the headings (outline) and the
links kept. Each page's footer carries the tenant's licence line and the page number. Nothing is
fetched from outside the built site while printing. Links to other pages of the site would point
into the build folder, so in the PDF they become plain text; links within the page and to other
websites (printed with their address too) stay links.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from stodmaterial import i18n
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.render_context import tenant_fields
from stodmaterial.i18n import t
from stodmaterial.tenant import Tenant

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PRINT_PAGE = "skriv-ut.html"
MARGIN = {"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"}

# Run in the loaded page before printing: every closed <details> open (transcripts, goals), the
# document title set, and links into the build folder turned into text.
PREPARE = """
title => {
  document.title = title;
  document.querySelectorAll("details:not([open])").forEach(d => { d.open = true; });
  const here = location.href.split("#")[0];
  document.querySelectorAll("a[href]").forEach(a => {
    const url = new URL(a.getAttribute("href"), location.href);
    if (url.protocol === "file:" && url.href.split("#")[0] !== here) a.removeAttribute("href");
  });
}
"""


@dataclass(frozen=True)
class PrintedPdf:
    locale: str
    path: Path


def footer(tenant: Tenant, locale: str) -> str:
    """The footer template of every page: licence line and page number, escaped for HTML."""
    licence = html.escape(tenant_fields(tenant, locale)["licence_line"])
    number = html.escape(t(locale, "pdf_page", page="\0page\0", pages="\0pages\0"))
    number = number.replace("\0page\0", '<span class="pageNumber"></span>').replace("\0pages\0", '<span class="totalPages"></span>')
    return (
        '<div style="font-size:8pt;font-family:sans-serif;width:100%;box-sizing:border-box;padding:0 18mm;display:flex;'
        f'justify-content:space-between;color:#000"><span>{licence}</span><span>{number}</span></div>'
    )


def print_page(site: Path, locale: str) -> Path:
    page = site / PRINT_PAGE if i18n.is_default(locale) else site / locale / PRINT_PAGE
    if not page.is_file():
        raise ProblemError([Problem(page, "utskriftssidan saknas i den byggda webbplatsen.",
                                    "Bygg om organisationen; sidan kommer från docs/skriv-ut.md.")])
    return page


class PdfPrinter:
    """One Chromium for many prints: `with PdfPrinter() as printer: printer.print(tenant, site, out, name)`."""

    def __enter__(self) -> "PdfPrinter":
        try:
            from playwright.sync_api import Error, sync_playwright
        except ImportError:
            raise ProblemError([Problem(Path("requirements.lock"), "Playwright saknas, och PDF-filen skrivs ut med den.",
                                        "Kör scripts/demo, som installerar beroendena.")]) from None
        if not CHROMIUM.exists():
            raise ProblemError([Problem(CHROMIUM, "Chromium saknas, och PDF-filen skrivs ut med den.",
                                        "Installera Debians chromium (sudo apt-get install -y chromium), "
                                        "eller skapa paketet utan PDF med --no-pdf.")])
        self._error = Error
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Error as error:
            self._playwright.stop()
            raise self._failed(error) from None
        return self

    def __exit__(self, *exc) -> None:
        self._browser.close()
        self._playwright.stop()

    def _failed(self, error) -> ProblemError:
        return ProblemError([Problem(CHROMIUM, f"utskriften till PDF misslyckades: {error.message.splitlines()[0]}",
                                     "Kontrollera att Debians chromium fungerar: chromium --headless --version")])

    def print(self, tenant: Tenant, site: Path, out: Path, name: str) -> list[PrintedPdf]:
        """Print `<out>/<name>-<locale>.pdf` for each of the tenant's languages. Raises ProblemError."""
        site = site.resolve()
        pages = {locale: print_page(site, locale) for locale in tenant.ordered_languages}
        out.mkdir(parents=True, exist_ok=True)
        printed = []
        context = self._browser.new_context()
        try:
            # Offline: the built site only.
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort())
            for locale, source in pages.items():
                page = context.new_page()
                page.goto(source.as_uri(), wait_until="load")
                page.evaluate(PREPARE, f"{t(locale, 'material_title')} – {tenant.name}")
                target = out / f"{name}-{locale}.pdf"
                page.pdf(path=str(target), format="A4", margin=MARGIN, tagged=True, outline=True,
                         display_header_footer=True, header_template="<span></span>",
                         footer_template=footer(tenant, locale))
                page.close()
                printed.append(PrintedPdf(locale, target))
        except self._error as error:
            raise self._failed(error) from None
        finally:
            context.close()
        return printed


def print_pdfs(tenant: Tenant, site: Path, out: Path, name: str) -> list[PrintedPdf]:
    """Print `<out>/<name>-<locale>.pdf` for each of the tenant's languages. Raises ProblemError."""
    with PdfPrinter() as printer:
        return printer.print(tenant, site, out, name)
