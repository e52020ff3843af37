"""The security headers every hosting recipe sends: one source of truth for nginx, Apache and IIS.

The Content-Security-Policy allows scripts and styles only from the site itself plus the hashes of the
inline code the build actually contains (see csp.py); never 'unsafe-inline' or 'unsafe-eval'.
"""

from __future__ import annotations

from dataclasses import dataclass

from stodmaterial.bundle.csp import InlineCode

# Browser features the material never uses. Fullscreen and picture-in-picture stay available to the
# site itself for its videos. Only names Chromium knows: an unknown name is a console error.
PERMISSIONS_POLICY = ", ".join([
    "accelerometer=()", "autoplay=()", "camera=()", "display-capture=()",
    "encrypted-media=()", "fullscreen=(self)", "geolocation=()", "gyroscope=()", "hid=()",
    "idle-detection=()", "magnetometer=()", "microphone=()", "midi=()", "payment=()",
    "picture-in-picture=(self)", "publickey-credentials-get=()", "screen-wake-lock=()", "serial=()",
    "usb=()", "xr-spatial-tracking=()",
])


def content_security_policy(inline: InlineCode) -> str:
    """The policy for one built site. Data URIs are allowed for images (Material's CSS icons) and
    media (captions embedded as data:text/vtt, which also work over file://)."""
    scripts = " ".join(["'self'", *sorted(inline.scripts)])
    styles = " ".join(["'self'", *sorted(inline.styles)])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        f"style-src {styles}",
        "img-src 'self' data:",
        "media-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        # Only the hosts of external films the content links to; none when there are none.
        f"frame-src {' '.join(sorted(inline.frames))}" if inline.frames else "frame-src 'none'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


@dataclass(frozen=True)
class Header:
    name: str
    value: str


def security_headers(inline: InlineCode) -> list[Header]:
    """Every security header, in the order the recipes write them."""
    return [
        Header("Content-Security-Policy", content_security_policy(inline)),
        Header("X-Content-Type-Options", "nosniff"),
        Header("Referrer-Policy", "no-referrer"),
        Header("Permissions-Policy", PERMISSIONS_POLICY),
        # For browsers that predate frame-ancestors (older intranet browsers).
        Header("X-Frame-Options", "DENY"),
        Header("Cross-Origin-Opener-Policy", "same-origin"),
        Header("Cross-Origin-Resource-Policy", "same-origin"),
    ]
