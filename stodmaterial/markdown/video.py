"""Films: editors write `![type:video](film.mp4)` (the syntax of mkdocs-video, which is unmaintained).

A local film becomes a `<video controls preload="none" poster="film.jpg">`: nothing of the film is
loaded until the reader presses play (preload="metadata" downloads a small MP4 whole in Chromium).
Beside the film lie, by name:
- `film.sv.vtt`, `film.en.vtt`: the captions, a `<track kind="captions">` each (the page's language is
  the default), and the transcript under the film, read from the page language's captions;
- `film.chapters.sv.vtt`, `film.chapters.en.vtt` (optional): a `<track kind="chapters">` in the
  page's language;
- `film.jpg`: the poster (`{ poster="other.jpg" }` after the film names another).
The tracks are embedded as `data:text/vtt` addresses: a plain `<track src>` does not load over file://.
On the English page an English film (`film.en.mp4`) and poster (`film.en.jpg`) are used when they exist.

An external film (an https address) loads nothing: the reader gets a notice and a button, and only
when they press it does interactive.js put in an `<iframe>` (with a title). `{ captions="film/film" }`
after it names the files of the same kind as above (`film/film.sv.vtt`, `film/film.jpg`, …): the poster
and the transcript are shown with it. A film without captions, transcript or poster is a build warning
(a strict build fails) and a `stodmaterial check` error.
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

from stodmaterial import i18n
from stodmaterial.markdown.context import ContextExtension
from stodmaterial.markdown.sources import source_file, staged_target
from stodmaterial.i18n import t
from stodmaterial.render_context import RenderContext

log = logging.getLogger("mkdocs.plugins.stodmaterial")
VIDEO_ALT = "type:video"
MIME = {".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg", ".m4v": "video/mp4"}
TAG = re.compile(r"<[^>]+>")
POSTER_TAG = "sm-poster"  # becomes an <img> after MkDocs's link pass


def caption_path(video: Path, locale: str) -> Path:
    """`film.mp4` -> `film.sv.vtt`: where the captions in `locale` for a film must be. `video` may
    also be a base without a suffix (`film/film`, for an external film's files)."""
    return video.with_name(f"{video.stem if video.suffix in MIME else video.name}.{locale}.vtt")


def chapters_path(video: Path, locale: str) -> Path:
    """`film.mp4` -> `film.chapters.sv.vtt`: the film's chapters in `locale` (optional)."""
    return video.with_name(f"{video.stem if video.suffix in MIME else video.name}.chapters.{locale}.vtt")


def poster_path(video: Path) -> Path:
    """`film.mp4` -> `film.jpg`: the film's poster image."""
    return video.with_name(f"{video.stem if video.suffix in MIME else video.name}.jpg")


def has_transcript(vtt: str) -> bool:
    """Whether captions hold any text: the transcript is made from it."""
    return any(part.cues for part in transcript_parts(vtt))


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
            return self.external(src, title, image)
        return self.local(src, title, image)

    def local(self, src: str, title: str, image: etree.Element) -> etree.Element:
        context, locale = self.context, self.context.locale
        figure = etree.Element("figure", {"class": "sm-video"})
        video_file = source_file(context, src)
        if video_file is None or not video_file.is_file():
            log.warning(f"{context.page}: the film '{src}' does not exist. Put it beside the page or fix the path.")
        if getattr(self.md, "sm_print_all", False):
            # The page that gathers every theme for printing: paper plays no film, so only its text
            # (no player, poster or caption data, which would weigh on the page's first view).
            if title:
                _text(etree.SubElement(figure, "figcaption", {"class": "sm-video__caption"}), title)
            own_captions = self.tracks(None, video_file, src)
            if own_captions:
                self.transcript(figure, own_captions)
            return figure
        attributes = {"controls": "controls", "preload": "none", "playsinline": "playsinline"}
        poster = self.poster(src, image.get("poster", ""), video_file)
        if poster:
            attributes["poster"] = poster
        video = etree.SubElement(figure, "video", attributes)
        etree.SubElement(video, "source", {"src": self.published(src, video_file), "type": MIME.get(posixpath.splitext(src)[1].lower(), "video/mp4")})
        own_captions = self.tracks(video, video_file, src)
        _text(etree.SubElement(video, "p"), t(locale, "video_unsupported"))
        if title:
            _text(etree.SubElement(figure, "figcaption", {"class": "sm-video__caption"}), title)
        if own_captions:
            self.transcript(figure, own_captions)
        return figure

    def tracks(self, video: etree.Element | None, base: Path | None, src: str) -> str | None:
        """Caption and chapter tracks for every language found beside the film (added to `video`
        when given); returns the page language's captions, from which the transcript is made."""
        locale, own_captions = self.context.locale, None
        for code in sorted(i18n.codes(), key=lambda code: code != locale):
            for kind, path in (("captions", caption_path), ("chapters", chapters_path)):
                if kind == "chapters" and code != locale:
                    continue  # chapters in the page's language only: every track is part of the page
                vtt = path(base, code) if base else None
                if vtt is None or not vtt.is_file():
                    continue
                data = vtt.read_bytes()
                if kind == "captions" and code == locale:
                    own_captions = data.decode("utf-8")
                if video is None:
                    continue
                attributes = {
                    "kind": kind,
                    "srclang": code,
                    "label": i18n.get(code).name if kind == "captions" else t(locale, "video_chapters"),
                    "src": "data:text/vtt;base64," + base64.b64encode(data).decode("ascii"),
                }
                if code == locale:
                    attributes["default"] = "default"
                etree.SubElement(video, "track", attributes)
        missing = caption_path(base, locale).name if base else f"<film>.{locale}.vtt"
        if own_captions is None:
            log.warning(f"{self.context.page}: the film '{src}' has no captions in this language ({missing}). Add the captions file beside the film.")
        elif not has_transcript(own_captions):
            log.warning(f"{self.context.page}: the captions {missing} of the film '{src}' hold no text, so the film has no transcript.")
        return own_captions

    def poster(self, src: str, named: str, base: Path | None) -> str:
        """The poster's address from the published page, or "" (a warning) when there is none."""
        if named:
            poster_file = source_file(self.context, named)
            relative = named
        else:
            poster_file = poster_path(base) if base else None
            relative = posixpath.join(posixpath.dirname(src), poster_file.name) if poster_file else ""
        if poster_file is None or not poster_file.is_file():
            log.warning(f"{self.context.page}: the film '{src}' has no poster image ({relative or 'film.jpg'}). Put a JPEG beside the film.")
            return ""
        return self.published(relative, poster_file)

    def published(self, src: str, video_file: Path | None) -> str:
        """The film's address from the page as published. Pages in another language than Swedish
        live under <locale>/, where the i18n plugin publishes only files with that language's
        suffix (film.en.mp4); otherwise the Swedish site's copy is used."""
        locale, target = self.context.locale, staged_target(self.context, src)
        if i18n.is_default(locale) or target is None or video_file is None:
            return src
        if i18n.localized(video_file, locale).is_file():
            return src
        return posixpath.relpath(target, posixpath.join(locale, posixpath.dirname(self.context.page)))

    def transcript(self, figure: etree.Element, vtt: str) -> None:
        # Not in the search index: it repeats the page's own text, and the index is part of every page's first view.
        details = etree.SubElement(figure, "details", {"class": "sm-video__transcript", "data-search-exclude": ""})
        _text(etree.SubElement(details, "summary"), t(self.context.locale, "video_transcript"))
        for part in transcript_parts(vtt):
            if part.heading:
                _text(etree.SubElement(etree.SubElement(details, "p"), "strong"), part.heading)
            if part.cues:
                _text(etree.SubElement(details, "p"), " ".join(part.cues))

    def external(self, src: str, title: str, image: etree.Element) -> etree.Element:
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
        captions = image.get("captions", "")
        base = source_file(self.context, captions) if captions else None
        if not captions:
            log.warning(f"{self.context.page}: the external film '{src}' names no captions. Write {{ captions=\"film/namn\" }} after it.")
        poster = self.poster(captions, image.get("poster", ""), base) if captions or image.get("poster") else ""
        if poster:
            # The same poster as a local film would have; interactive.js removes it when the film plays.
            # Its address is already the published one (as for a local film's poster): set after MkDocs
            # has checked the page's image links, which know only this language's files.
            etree.SubElement(figure, POSTER_TAG, {"src": poster, "alt": "", "class": "sm-video__poster", "data-sm-poster": ""})
        _text(etree.SubElement(figure, "p", {"class": "sm-video__notice"}), t(locale, "external_video_notice", host=host))
        actions = etree.SubElement(figure, "p", {"class": "sm-video__actions"})
        _text(etree.SubElement(actions, "button", {"type": "button", "class": "md-button", "data-sm-play-external": "", "hidden": "hidden"}), t(locale, "external_video_play", host=host))
        _text(etree.SubElement(actions, "a", {"href": src, "rel": "noopener noreferrer", "class": "sm-video__open"}), t(locale, "external_video_open", host=host))
        own_captions = self.tracks(None, base, src) if base else None
        if own_captions:
            self.transcript(figure, own_captions)
        return figure


class PosterTreeprocessor(Treeprocessor):
    """An external film's poster gets its `src` after MkDocs has rewritten and checked image links."""

    def run(self, root: etree.Element) -> None:
        for image in root.iter(POSTER_TAG):
            image.tag = "img"


class VideoExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        self.setup(md)
        # After attr_list (8), so a `{ title="…" }` after the film is read; before MkDocs rewrites
        # image addresses (relpath, 0), which must not see the film as an image.
        md.treeprocessors.register(VideoTreeprocessor(md, self), "stodmaterial-video", 7)
        md.treeprocessors.register(PosterTreeprocessor(md), "stodmaterial-video-poster", -10)


def makeExtension(**kwargs):
    return VideoExtension(**kwargs)
