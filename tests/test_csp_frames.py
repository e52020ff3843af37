"""An external film may be framed only from its own host, and only when the content has one."""

from stodmaterial.bundle.csp import scan_site
from stodmaterial.bundle.headers import content_security_policy


def test_frame_src_names_only_the_hosts_of_external_films(tmp_path):
    (tmp_path / "a.html").write_text(
        '<figure class="sm-video sm-video--external" data-sm-external-video="https://play.skr.se/v/123"></figure>'
        '<figure data-sm-external-video="javascript:alert(1)"></figure>',
        encoding="utf-8",
    )
    policy = content_security_policy(scan_site(tmp_path))
    assert "frame-src https://play.skr.se;" in policy
    assert "javascript" not in policy


def test_without_external_films_nothing_may_be_framed(demo_site):
    assert "frame-src 'none'" in content_security_policy(scan_site(demo_site))
