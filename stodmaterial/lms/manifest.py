"""imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2, ADL CP 1.2, IMS Metadata 1.2.1).

Written with ElementTree, so every tenant value is escaped for XML text and attributes by the
serializer; characters that XML 1.0 cannot carry at all are refused before that.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = (
    f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"
)
for _prefix, _uri in (("", IMSCP), ("adlcp", ADLCP), ("imsmd", IMSMD), ("xsi", XSI)):
    etree.register_namespace(_prefix, _uri)

# XML 1.0's Char production: anything outside it makes the whole manifest unreadable.
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# xs:ID (an NCName), as the identifiers must be.
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Resource:
    identifier: str
    files: list[str]
    href: str | None = None
    scormtype: str = "asset"  # "sco" for what the platform launches and tracks
    dependencies: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Item:
    identifier: str
    title: str
    resource: str


@dataclass(frozen=True)
class Manifest:
    identifier: str
    version: str
    title: str
    # Metadata per language: {"sv": {"title": …, "description": …, "rights": …}, "en": {…}}
    metadata: dict[str, dict[str, str]]
    items: list[Item]
    resources: list[Resource]
    organization: str = "ORG-stodmaterial"


def unsafe_text(manifest: Manifest) -> list[str]:
    """Texts in the manifest that XML 1.0 cannot represent."""
    texts = [manifest.title, *(item.title for item in manifest.items)]
    texts += [value for language in manifest.metadata.values() for value in language.values()]
    return [text for text in texts if NOT_XML.search(text)]


def _sub(parent: etree.Element, namespace: str, tag: str, text: str | None = None, **attributes: str) -> etree.Element:
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def _langstrings(parent: etree.Element, tag: str, texts: dict[str, str]) -> None:
    holder = _sub(parent, IMSMD, tag)
    for language, text in texts.items():
        _sub(holder, IMSMD, "langstring", text, **{XML_LANG: language})


def _vocabulary(parent: etree.Element, tag: str, value: str) -> None:
    holder = _sub(parent, IMSMD, tag)
    _sub(_sub(holder, IMSMD, "source"), IMSMD, "langstring", "LOMv1.0", **{XML_LANG: "x-none"})
    _sub(_sub(holder, IMSMD, "value"), IMSMD, "langstring", value, **{XML_LANG: "x-none"})


def _metadata(parent: etree.Element, metadata: dict[str, dict[str, str]]) -> None:
    block = _sub(parent, IMSCP, "metadata")
    _sub(block, IMSCP, "schema", "ADL SCORM")
    _sub(block, IMSCP, "schemaversion", "1.2")
    lom = _sub(block, IMSMD, "lom")
    general = _sub(lom, IMSMD, "general")
    _langstrings(general, "title", {lang: values["title"] for lang, values in metadata.items()})
    for language in metadata:
        _sub(general, IMSMD, "language", language)
    _langstrings(general, "description", {lang: values["description"] for lang, values in metadata.items()})
    rights = _sub(lom, IMSMD, "rights")
    _vocabulary(rights, "cost", "no")
    _vocabulary(rights, "copyrightandotherrestrictions", "yes")
    _langstrings(rights, "description", {lang: values["rights"] for lang, values in metadata.items()})


def manifest_xml(manifest: Manifest) -> bytes:
    """The manifest as UTF-8 XML. Raises ValueError for an identifier that is no xs:ID."""
    identifiers = [manifest.identifier, manifest.organization]
    identifiers += [item.identifier for item in manifest.items] + [r.identifier for r in manifest.resources]
    bad = [i for i in identifiers if not NCNAME.match(i)]
    if bad or len(set(identifiers)) != len(identifiers):
        raise ValueError(f"identifiers must be unique xs:ID values: {identifiers}")

    root = etree.Element(f"{{{IMSCP}}}manifest", {
        "identifier": manifest.identifier,
        "version": manifest.version,
        f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION,
    })
    _metadata(root, manifest.metadata)
    organizations = _sub(root, IMSCP, "organizations", default=manifest.organization)
    organization = _sub(organizations, IMSCP, "organization", identifier=manifest.organization, structure="hierarchical")
    _sub(organization, IMSCP, "title", manifest.title)
    for item in manifest.items:
        element = _sub(organization, IMSCP, "item", identifier=item.identifier, identifierref=item.resource, isvisible="true")
        _sub(element, IMSCP, "title", item.title)
    resources = _sub(root, IMSCP, "resources")
    for resource in manifest.resources:
        attributes = {"identifier": resource.identifier, "type": "webcontent", f"{{{ADLCP}}}scormtype": resource.scormtype}
        if resource.href:
            attributes["href"] = resource.href
        element = _sub(resources, IMSCP, "resource", **attributes)
        for path in resource.files:
            _sub(element, IMSCP, "file", href=path)
        for dependency in resource.dependencies:
            _sub(element, IMSCP, "dependency", identifierref=dependency)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
