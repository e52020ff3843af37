"""The SCORM 1.2 package (stodmaterial lms): its name, and its manifest against SCORM 1.2's packaging rules."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
import zipfile
from urllib.parse import unquote

import pytest

from stodmaterial.lms import make_scorm12
from stodmaterial.problems import ProblemError
from stodmaterial.tenant import load_tenant
from stodmaterial.themes import load_themes

NS = {
    "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "md": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
}
SCORMTYPE = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


@pytest.fixture(scope="module")
def archive(scorm_package):
    with zipfile.ZipFile(scorm_package) as opened:
        yield opened


@pytest.fixture(scope="module")
def manifest(archive):
    return etree.fromstring(archive.read("imsmanifest.xml"))


def test_package_is_named_after_tenant_version_and_format(scorm_package):
    assert re.fullmatch(r"exempelkommun-[0-9A-Za-z._-]+-\d{8}T\d{4}Z-scorm12\.zip", scorm_package.name)


def test_manifest_is_at_the_root_and_declares_scorm_1_2(archive, manifest):
    assert "imsmanifest.xml" in archive.namelist()
    assert manifest.tag == f"{{{NS['cp']}}}manifest"
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"


def test_every_identifier_is_unique_and_a_valid_xml_id(manifest):
    identifiers = [element.get("identifier") for element in manifest.iter() if element.get("identifier") is not None]
    assert len(identifiers) == len(set(identifiers))
    assert all(NCNAME.match(identifier) for identifier in identifiers)


def test_organisation_is_the_four_themes_the_prevention_model_and_the_tools(repo, manifest):
    organizations = manifest.find("cp:organizations", NS)
    (organization,) = organizations.findall("cp:organization", NS)
    assert organizations.get("default") == organization.get("identifier")
    items = organization.findall("cp:item", NS)
    titles = [item.findtext("cp:title", namespaces=NS) for item in items]
    themes = [theme.meta.sv.title for theme in load_themes(repo.themes)]
    assert titles[:4] == themes and len(titles) == 6
    assert titles[4].startswith("Förebygg") and titles[5] == "Dina verktyg"
    resources = {r.get("identifier"): r for r in manifest.iterfind("cp:resources/cp:resource", NS)}
    for item in items:
        resource = resources[item.get("identifierref")]
        assert resource.get(SCORMTYPE) == "sco" and resource.get("href")


def test_title_and_metadata_name_the_tenant_and_licence_in_swedish_and_english(manifest):
    title = manifest.findtext("cp:organizations/cp:organization/cp:title", namespaces=NS)
    assert "Exempelkommun" in title and "Licensierat för Exempelkommun t.o.m. 2028-12-31" in title
    general = manifest.find("cp:metadata/md:lom/md:general", NS)
    titles = {s.get(XML_LANG): s.text for s in general.iterfind("md:title/md:langstring", NS)}
    assert set(titles) == {"sv", "en"}
    assert "Licensed to Exempelkommun until 2028-12-31" in titles["en"]
    descriptions = {s.get(XML_LANG) for s in general.iterfind("md:description/md:langstring", NS)}
    assert descriptions == {"sv", "en"}
    assert [l.text for l in general.iterfind("md:language", NS)] == ["sv", "en"]


def test_metadata_names_only_the_languages_of_the_tenants_site(repo, demo_site, tmp_path):
    tenant = load_tenant(repo.tenants, "exempelkommun").model_copy(update={"languages": ["sv"]})
    with zipfile.ZipFile(make_scorm12(repo, tenant, demo_site, tmp_path).zip) as opened:
        general = etree.fromstring(opened.read("imsmanifest.xml")).find("cp:metadata/md:lom/md:general", NS)
    assert [l.text for l in general.iterfind("md:language", NS)] == ["sv"]
    assert {s.get(XML_LANG) for s in general.iter(f"{{{NS['md']}}}langstring")} == {"sv"}


def test_every_referenced_file_exists_and_every_file_is_referenced(archive, manifest):
    names = {name for name in archive.namelist() if not name.endswith("/")}
    referenced = set()
    resources = {r.get("identifier"): r for r in manifest.iterfind("cp:resources/cp:resource", NS)}
    for resource in resources.values():
        hrefs = [unquote(f.get("href")) for f in resource.iterfind("cp:file", NS)]
        assert all(not h.startswith(("/", "..")) and "://" not in h for h in hrefs)
        missing = [h for h in hrefs if h not in names]
        assert missing == [], f"{resource.get('identifier')} lists files that are not in the package"
        referenced |= set(hrefs)
        if resource.get("href"):
            assert unquote(resource.get("href")) in hrefs  # a SCO lists its own launch page
        for dependency in resource.iterfind("cp:dependency", NS):
            assert dependency.get("identifierref") in resources
    assert names - referenced == {"imsmanifest.xml"}


def test_each_sco_lists_the_files_its_launch_page_and_first_page_load(archive, manifest):
    resource = manifest.find("cp:resources/cp:resource[@identifier='RES-tema-forovarna']", NS)
    hrefs = {f.get("href") for f in resource.iterfind("cp:file", NS)}
    launch = archive.read(resource.get("href")).decode()
    assert 'src="../teman/forovarna/index.html"' in launch
    assert {"teman/forovarna/index.html", "assets/javascripts/stodmaterial/lms.js",
            "assets/stylesheets/lms.css", "assets/stylesheets/stodmaterial.css",
            "teman/forovarna/eskaleringstrappa.svg"} <= hrefs


def test_the_site_inside_is_the_built_site_unchanged(archive, demo_site):
    for path in ("index.html", "teman/forovarna/index.html", "en/index.html", "search/search_index.js"):
        assert archive.read(path) == (demo_site / path).read_bytes()


def test_tenant_text_is_escaped_for_xml_and_html(repo, demo_site, tmp_path):
    tenant = load_tenant(repo.tenants, "exempelkommun").model_copy(update={"name": 'Öby <&> "kommun" \'x\' ]]>'})
    result = make_scorm12(repo, tenant, demo_site, tmp_path)
    with zipfile.ZipFile(result.zip) as opened:
        manifest = etree.fromstring(opened.read("imsmanifest.xml"))
        launch = opened.read("scorm/tema-forovarna.html").decode()
    title = manifest.findtext("cp:organizations/cp:organization/cp:title", namespaces=NS)
    assert 'Öby <&> "kommun" \'x\' ]]>' in title
    assert "<&>" not in launch and "Öby &lt;&amp;&gt;" in launch


def test_text_that_xml_cannot_carry_is_refused_with_a_swedish_message(repo, demo_site, tmp_path):
    tenant = load_tenant(repo.tenants, "exempelkommun").model_copy(update={"name": "Öby\ufffekommun"})
    with pytest.raises(ProblemError) as error:
        make_scorm12(repo, tenant, demo_site, tmp_path)
    assert "XML" in error.value.problems[0].message
    assert list(tmp_path.iterdir()) == []


def test_the_adapters_unit_tests_pass_in_node(repo):
    import shutil
    import subprocess

    node = shutil.which("node")
    assert node, "node is missing: run scripts/test"
    done = subprocess.run([node, "--test", str(repo.root / "tests" / "scorm" / "lms.test.js")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
