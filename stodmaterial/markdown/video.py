"""Films: editors write `![type:video](film.mp4)` (the syntax of mkdocs-video, which is unmaintained).

A local film becomes a `<video controls preload="metadata">` with a `<track kind="captions">` for each
caption file beside it (`film.sv.vtt`, `film.en.vtt`; the page's language is the default), and the
transcript, read from the same captions, in a collapsible block under it. The captions are embedded as
`data:text/vtt` addresses: a plain `<track src>` does not load over file://.

An external film (an https address) loads nothing: the reader gets a notice and a button, and only
when they press it does interactive.js put in an `<iframe>` (with a title). A film without captions
for the page's language is a build warning (a strict build fails) and a `stodmaterial check` error.
"""

from __future__ import annotations

import base64
import logging
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from stodmaterial.markdown.context import ContextExtension
from stodmaterial.markdown.sources import localized, source_file, staged_target
from stodmaterial.strings import LANGUAGE_NAMES, t
from stodmaterial.render_context import RenderContext

log = logging.getLogger("mkdocs.plugins.stodmaterial")
VIDEO_ALT = "type:video"
CAPTION_LANGUAGES = ("sv", "en")
DEFAULT_LOCALE = "sv"
MIME = {".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg", ".m4v": "video/mp4"}
TAG = re.compile(r"<[^>]+>")


def caption_path(video: Path, locale: str) -> Path:
    """`film.mp4` -> `film.sv.vtt`: where the captions in `locale` for a film must be."""
    return video.with_name(f"{video.stem}.{locale}.vtt")


@dataclass
class Part:
    """A stretch of the transcript: an optional heading (a NOTE in the captions) and its cues."""

    heading: str = ""
    cues: list[str] = field(default_factory=list)


def transcript_parts(vtt: str) -> list[Part]:
    """The text of a WebVTT file, in order: each NOTE starts a part, cue texts are joined into it."""
    parts: list[Part] = [Part()]
    for block in re.split(r"\n\s*\n", vtt.replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines or lines[0].startswith(("WEBVTT", "STYLE", "REGION")):
            continue
        if lines[0].startswith("NOTE"):
            heading = " ".join([lines[0][4:].strip(), *lines[1:]]).strip()
            parts.append(Part(heading=heading))
            continue
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue
        text = " ".join(TAG.sub("", line) for line in lines[timing + 1:]).strip()
        if text:
            parts[-1].cues.append(text)
    return [part for part in parts if part.heading or part.cues]


def _text(element: etree.Element, value: str) -> etree.Element:
    element.text = AtomicString(value)
    return element


class VideoTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: "VideoExtension"):
        super().__init__(md)
        self.extension = extension

    @property
    def context(self) -> RenderContext:
        return self.extension.context

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                image = self._lone_video_image(child)
                if image is None:
                    continue
                figure = self.figure(image)
                figure.tail = child.tail
                parent.remove(child)
                parent.insert(index, figure)

    @staticmethod
    def _lone_video_image(element: etree.Element) -> etree.Element | None:
        if element.tag != "p" or len(element) != 1 or (element.text or "").strip():
            return None
        image = element[0]
        if image.tag != "img" or image.get("alt", "").strip() != VIDEO_ALT or (image.tail or "").strip():
            return None
        return image

    def figure(self, image: etree.Element) -> etree.Element:
        src, title = image.get("src", ""), image.get("title", "")
        if urlsplit(src).scheme in ("http", "https"):
            return self.external(src, title)
        return self.local(src, title)

    def local(self, src: str, title: str) -> etree.Element:
        context, locale = self.context, self.context.locale
        figure = etree.Element("figure", {"class": "sm-video"})
        video_file = source_file(context, src)
        if video_file is None or not video_file.is_file():
            log.warning(f"{context.page}: the film '{src}' does not exist. Put it beside the page or fix the path.")
        video = etree.SubElement(figure, "video", {"controls": "controls", "preload": "metadata", "playsinline": "playsinline"})
        etree.SubElement(video, "source", {"src": self.published(src, video_file), "type": MIME.get(posixpath.splitext(src)[1].lower(), "video/mp4")})
        own_captions = None
        languages = sorted(CAPTION_LANGUAGES, key=lambda code: code != locale)
        for code in languages:
            vtt = caption_path(video_file, code) if video_file else None
            if vtt is None or not vtt.is_file():
                continue
            data = vtt.read_bytes()
            attributes = {
                "kind": "captions",
                "srclang": code,
                "label": LANGUAGE_NAMES[code],
                "src": "data:text/vtt;base64," + base64.b64encode(data).decode("ascii"),
            }
            if code == locale:
                attributes["default"] = "default"
                own_captions = data.decode("utf-8")
            etree.SubElement(video, "track", attributes)
        if own_captions is None:
            missing = caption_path(video_file, locale).name if video_file else f"<film>.{locale}.vtt"
            log.warning(f"{context.page}: the film '{src}' has no captions in this language ({missing}). Add the captions file beside the film.")
        _text(etree.SubElement(video, "p"), t(locale, "video_unsupported"))
        if title:
            _text(etree.SubElement(figure, "figcaption", {"class": "sm-video__caption"}), title)
        if own_captions:
            self.transcript(figure, own_captions)
        return figure

    def published(self, src: str, video_file: Path | None) -> str:
        """The film's address from the page as published. Pages in another language than Swedish
        live under <locale>/, where the i18n plugin publishes only files with that language's
        suffix (film.en.mp4); otherwise the Swedish site's copy is used."""
        locale, target = self.context.locale, staged_target(self.context, src)
        if locale == DEFAULT_LOCALE or target is None or video_file is None:
            return src
        if localized(video_file, locale).is_file():
            return src
        return posixpath.relpath(target, posixpath.join(locale, posixpath.dirname(self.context.page)))

    def transcript(self, figure: etree.Element, vtt: str) -> None:
        details = etree.SubElement(figure, "details", {"class": "sm-video__transcript"})
        _text(etree.SubElement(details, "summary"), t(self.context.locale, "video_transcript"))
        for part in transcript_parts(vtt):
            if part.heading:
                _text(etree.SubElement(etree.SubElement(details, "p"), "strong"), part.heading)
            if part.cues:
                _text(etree.SubElement(details, "p"), " ".join(part.cues))

    def external(self, src: str, title: str) -> etree.Element:
        locale, host = self.context.locale, urlsplit(src).hostname or src
        if urlsplit(src).scheme != "https":
            log.warning(f"{self.context.page}: the film '{src}' is not on an https address.")
        frame_title = title or t(locale, "external_video_title", host=host)
        figure = etree.Element("figure", {
            "class": "sm-video sm-video--external",
            "data-sm-external-video": src,
            "data-sm-title": frame_title,
        })
        if title:
            _text(etree.SubElement(figure, "figcaption", {"class": "sm-video__caption"}), title)
        _text(etree.SubElement(figure, "p", {"class": "sm-video__notice"}), t(locale, "external_video_notice", host=host))
        actions = etree.SubElement(figure, "p", {"class": "sm-video__actions"})
        _text(etree.SubElement(actions, "button", {"type": "button", "class": "md-button", "data-sm-play-external": "", "hidden": "hidden"}), t(locale, "external_video_play", host=host))
        _text(etree.SubElement(actions, "a", {"href": src, "rel": "noopener noreferrer", "class": "sm-video__open"}), t(locale, "external_video_open", host=host))
        return figure


class VideoExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        self.setup(md)
        # After attr_list (8), so a `{ title="…" }` after the film is read; before MkDocs rewrites
        # image addresses (relpath, 0), which must not see the film as an image.
        md.treeprocessors.register(VideoTreeprocessor(md, self), "stodmaterial-video", 7)


def makeExtension(**kwargs):
    return VideoExtension(**kwargs)
