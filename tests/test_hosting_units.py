"""The hosted service's parts without a server: passwords, settings, credential files, the generated
configuration's structure, and the command line's refusals. (tests/test_hosting_nginx.py runs nginx.)"""

from __future__ import annotations

import grp
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
import yaml

from stodmaterial.hosting import nginx
from stodmaterial.hosting.config import HostingConfig, check_outside_repository, load_hosting_config
from stodmaterial.hosting.credentials import CredentialStore, State
from stodmaterial.hosting.generate import MARKER, generate, write_output
from stodmaterial.hosting.pages import neutral_pages, tenant_not_found
from stodmaterial.hosting.password import ALPHABET, ENTROPY_BITS, SCHEME, generate_password, hash_password, verify_password
from stodmaterial.paths import Layout
from stodmaterial.problems import ProblemError

from conftest import ROOT, TODAY
from hosting_helpers import cli

SITE = """<!DOCTYPE html><html lang="sv"><head><link rel="stylesheet" href="assets/a.css">
<script>var inline = 1;</script></head><body><img src="assets/logo.svg" alt=""></body></html>"""


def settings(tmp_path: Path, **changes) -> dict:
    values = {
        "server_name": "stodmaterial.test",
        "tls_certificate": "/etc/ssl/cert.pem",
        "tls_certificate_key": "/etc/ssl/key.pem",
        "site_root": str(tmp_path / "webbplatser"),
        "credentials_dir": str(tmp_path / "inloggning"),
        "credentials_group": None,
        "output_dir": str(tmp_path / "nginx"),
        "log_dir": str(tmp_path / "log"),
    }
    values.update(changes)
    return values


@pytest.fixture
def world(tmp_path):
    """A repository with two tenants, one built fake site each, and a settings file outside it."""
    repo = tmp_path / "repo"
    (repo / "tenants").mkdir(parents=True)
    shutil.copytree(ROOT / "tenants" / "exempelkommun", repo / "tenants" / "exempelkommun")
    shutil.copytree(ROOT / "tenants" / "exempelkommun", repo / "tenants" / "annan-kommun")
    for slug in ("exempelkommun", "annan-kommun"):
        site = tmp_path / "webbplatser" / slug
        (site / "assets").mkdir(parents=True)
        (site / "index.html").write_text(SITE.replace("1", "2" if slug == "annan-kommun" else "1"))
        (site / "assets" / "a.css").write_text("body{}")
        (site / "assets" / "logo.svg").write_text("<svg/>")
    path = tmp_path / "etc" / "hosting.yml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(settings(tmp_path)))
    return Layout(repo), path


# --- passwords --------------------------------------------------------------------------------------

def test_generated_passwords_are_long_random_and_easy_to_type():
    passwords = {generate_password() for _ in range(200)}
    assert len(passwords) == 200
    for password in passwords:
        assert re.fullmatch(rf"[{ALPHABET}]{{4}}(?:-[{ALPHABET}]{{4}}){{6}}", password)
    assert ENTROPY_BITS >= 128
    assert not set("il1o0") & set(ALPHABET)


def test_a_hash_is_salted_and_only_the_right_password_matches():
    first, second = hash_password("k7mq-xr4t"), hash_password("k7mq-xr4t")
    assert first.startswith(SCHEME) and first != second
    assert verify_password("k7mq-xr4t", first) and verify_password("k7mq-xr4t", second)
    assert not verify_password("k7mq-xr4u", first)
    assert not verify_password("k7mq-xr4t", first[:-4] + "AAAA")
    assert not verify_password("k7mq-xr4t", "$2b$10$abc")


# --- settings ---------------------------------------------------------------------------------------

def test_the_example_settings_in_the_guide_are_valid():
    guide = (ROOT / "DRIFT.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(server_name:.*?)```", guide, re.DOTALL).group(1)
    config = HostingConfig.model_validate(yaml.safe_load(example))
    assert config.credentials == Path("/etc/stodmaterial/inloggning")
    assert config.https_origin == "https://stodmaterial.skr.se"


def test_settings_mistakes_are_named_with_their_line(tmp_path):
    path = tmp_path / "hosting.yml"
    path.write_text(yaml.safe_dump(settings(tmp_path)) + "servername: fel\n")
    with pytest.raises(ProblemError) as error:
        load_hosting_config(path)
    assert "okänd inställning 'servername'" in str(error.value)
    assert error.value.problems[0].line == len(path.read_text().splitlines())


@pytest.mark.parametrize("change, words", [
    ({"credentials_dir": "{site}/inloggning"}, "ligger i varandra"),
    ({"credentials_dir": "{output}/inloggning"}, "ligger i varandra"),
    ({"output_dir": "{site}/nginx"}, "ligger i varandra"),
    ({"site_root": "relative/path"}, "ingen tillåten sökväg"),
    ({"site_root": "/srv/a b"}, "ingen tillåten sökväg"),
    ({"site_root": "/srv/x;include /etc/passwd"}, "ingen tillåten sökväg"),
    ({"credentials_dir": "/srv/../etc"}, "ingen tillåten sökväg"),
    ({"server_name": "https://x.se/"}, "inget giltigt värdnamn"),
    ({"listen": ["localhost"]}, "ingen IP-adress"),
    ({"rate_limit": {"exempt": ["10.0.0.0/33"]}}, "inget nät"),
])
def test_unsafe_or_overlapping_settings_are_refused(tmp_path, change, words):
    values = settings(tmp_path)
    for key, value in change.items():
        if isinstance(value, str):
            value = value.format(site=values["site_root"], output=values["output_dir"])
        values[key] = value
    path = tmp_path / "hosting.yml"
    path.write_text(yaml.safe_dump(values))
    with pytest.raises(ProblemError, match=words):
        load_hosting_config(path)


def test_credentials_and_output_inside_the_repository_are_refused(tmp_path):
    config = HostingConfig.model_validate(settings(tmp_path, credentials_dir=str(ROOT / "credentials")))
    with pytest.raises(ProblemError, match="ligger i repot"):
        check_outside_repository(config, ROOT)


# --- credential files -------------------------------------------------------------------------------

def test_create_rotate_revoke_and_reopen(tmp_path):
    store = CredentialStore(tmp_path / "inloggning")
    assert store.state("exempelkommun") is State.MISSING
    first = store.create("exempelkommun")
    path = tmp_path / "inloggning" / "exempelkommun.htpasswd"
    assert first.path == path and store.state("exempelkommun") is State.ACTIVE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    text = path.read_text()
    assert first.password not in text
    [(user, hashed)] = store.users("exempelkommun")
    assert user == "exempelkommun" and verify_password(first.password, hashed)
    with pytest.raises(ProblemError, match="har redan en inloggning"):
        store.create("exempelkommun")

    second = store.rotate("exempelkommun")
    [(_, hashed)] = store.users("exempelkommun")
    assert verify_password(second.password, hashed) and not verify_password(first.password, hashed)

    store.revoke("exempelkommun")
    assert store.state("exempelkommun") is State.REVOKED and store.users("exempelkommun") == []
    assert "återkallades" in path.read_text()
    with pytest.raises(ProblemError, match="ingen aktiv inloggning"):
        store.rotate("exempelkommun")
    third = store.create("exempelkommun")
    assert store.state("exempelkommun") is State.ACTIVE and third.password not in (first.password, second.password)
    assert sorted(p.name for p in path.parent.iterdir()) == ["exempelkommun.htpasswd"]  # no temporary files left


def test_with_a_group_the_file_is_readable_by_the_group_only(tmp_path):
    group = grp.getgrgid(os.getgid()).gr_name
    store = CredentialStore(tmp_path / "inloggning", group)
    store.create("exempelkommun")
    path = tmp_path / "inloggning" / "exempelkommun.htpasswd"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.stat().st_gid == os.getgid()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o750


def test_foreign_users_symlinks_and_bad_slugs_are_refused(tmp_path):
    store = CredentialStore(tmp_path)
    (tmp_path / "exempelkommun.htpasswd").write_text("exempelkommun:{SSHA}x\nadmin:{SSHA}y\n")
    with pytest.raises(ProblemError, match="bara ha användaren"):
        store.state("exempelkommun")
    (tmp_path / "elsewhere").write_text("x")
    (tmp_path / "annan.htpasswd").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ProblemError, match="symbolisk länk"):
        store.state("annan")
    with pytest.raises(ProblemError, match="inget giltigt kortnamn"):
        store.create("../etc/passwd")


# --- the generated configuration --------------------------------------------------------------------

def blocks(text: str) -> list[str]:
    """Each location block's own lines, without the lines of blocks nested in it (nginx.py writes one
    directive per line and opens a block at the end of its line)."""
    found, stack = [], []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("location ") and stripped.endswith("{"):
            stack.append([])
        elif stripped == "}" and stack:
            found.append("\n".join(stack.pop()))
        elif stack:
            stack[-1].append(stripped)
    return found


def assert_sound(text: str) -> None:
    for block in blocks(text):
        if "add_header" in block:
            assert re.search(r"include \S+/headers-[a-z0-9-]+\.conf;", block), block  # the add_header trap
        if "auth_basic " in block:
            assert not re.search(r"^(return|rewrite)\b", block, re.MULTILINE), block  # runs before the login check
        if "error_page" in block:
            assert "error_page 401 /_/401.html;" in block, block  # error_page is not inherited once set


def test_generate_writes_open_locked_and_left_out_tenants_and_sound_locations(world, tmp_path):
    layout, path = world
    config = load_hosting_config(path)
    store = CredentialStore(config.credentials)
    store.create("exempelkommun")
    result = generate(layout, config, TODAY)
    assert [t.slug for t in result.plan.open] == ["exempelkommun"]
    assert result.plan.without_login == ["annan-kommun"]
    text = (config.output / nginx.MAIN).read_text()
    assert "/annan-kommun" not in text
    assert "location ^~ /exempelkommun/" in text and "location = /exempelkommun " in text
    assert len(blocks(text)) == 11  # redirect; /, css, robots, favicon, /_/, catch-all; tenant: /slug, @, /slug/, hashed
    assert_sound(text)
    snippet = (config.output / "snippets" / "headers-exempelkommun.conf").read_text()
    assert "'sha256-" in snippet and "Strict-Transport-Security" in snippet and "'unsafe-inline'" not in snippet
    assert (config.output / MARKER).is_file() and (config.output / nginx.EMPTY).is_dir()

    store.create("annan-kommun")
    locked = generate(layout, config, TODAY.replace(year=2029))
    assert sorted(t.slug for t in locked.plan.locked) == ["annan-kommun", "exempelkommun"]
    text = (config.output / nginx.MAIN).read_text()
    assert "error_page 403 /_/stangd.html;" in text and "headers-exempelkommun.conf" not in text
    assert_sound(text)


def test_an_unbuilt_licensed_tenant_is_reported_and_left_out(world):
    layout, path = world
    config = load_hosting_config(path)
    CredentialStore(config.credentials).create("annan-kommun")
    shutil.rmtree(config.sites / "annan-kommun")
    result = generate(layout, config, TODAY)
    assert result.plan.open == [] and "inte byggd" in result.plan.problems[0].message


def test_a_folder_not_made_by_hosting_is_never_replaced(tmp_path):
    target = tmp_path / "nginx"
    target.mkdir()
    (target / "nginx.conf").write_text("important")
    with pytest.raises(ProblemError, match="skrivs inte över"):
        write_output(target, {MARKER: "x"})
    assert (target / "nginx.conf").read_text() == "important"
    write_output(tmp_path / "new", {MARKER: "x", "a/b.conf": "y"})
    write_output(tmp_path / "new", {MARKER: "x"})
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == [MARKER, nginx.EMPTY]  # stale files are gone


def test_neutral_pages_name_no_tenant_and_mark_their_english(world):
    layout, _ = world
    pages = neutral_pages()
    for name, text in pages.items():
        if name.endswith(".html"):
            assert text.startswith("<!DOCTYPE html>\n<html lang=\"sv\">") and '<section lang="en">' in text, name
            assert "exempelkommun" not in text.lower() and "<script" not in text, name
    assert 'href="/exempelkommun/index.html"' in tenant_not_found("exempelkommun", ("sv",))


# --- command line -----------------------------------------------------------------------------------

def test_cli_refuses_without_settings_and_for_unknown_tenants(world, monkeypatch):
    layout, path = world
    monkeypatch.delenv("STODMATERIAL_HOSTING_CONFIG", raising=False)
    code, _, err = cli("--repo", str(layout.root), "hosting")
    assert code == 1 and "--config" in err
    code, out, err = cli("--repo", str(layout.root), "login", "create", "finns-inte", "--config", str(path))
    assert code == 1 and "Lösenord" not in out
    code, out, _ = cli("--repo", str(layout.root), "login", "create", "exempelkommun", "--config", str(path))
    assert code == 0 and re.search(r"Lösenord:\s+\S{34}$", out, re.MULTILINE)
    monkeypatch.setenv("STODMATERIAL_HOSTING_CONFIG", str(path))
    code, out, _ = cli("--repo", str(layout.root), "--today", TODAY.isoformat(), "hosting")
    assert code == 0 and "Öppna (1): exempelkommun" in out and "Utan inloggning (1): annan-kommun" in out


def test_a_broken_tenant_file_is_locked_and_the_others_still_get_a_config(world):
    layout, path = world
    config = load_hosting_config(path)
    store = CredentialStore(config.credentials)
    store.create("exempelkommun")
    store.create("annan-kommun")
    assert sorted(t.slug for t in generate(layout, config, TODAY).plan.open) == ["annan-kommun", "exempelkommun"]
    # A NUL byte (a traceback before) in one file, and a later day on which the other licence has ended.
    (layout.tenants / "annan-kommun" / "tenant.yml").write_bytes(b'name: "A\x00"\n')
    result = generate(layout, config, TODAY.replace(year=2029))
    locked = {t.slug: t.why for t in result.plan.locked}
    assert "har fel" in locked["annan-kommun"] and "licensen gick ut" in locked["exempelkommun"]
    assert result.plan.open == []
    assert any("annan-kommun/tenant.yml" in str(p.file) for p in result.plan.problems)
    text = (config.output / nginx.MAIN).read_text()
    assert "headers-exempelkommun.conf" not in text and "headers-annan-kommun.conf" not in text
    assert text.count("error_page 403 /_/stangd.html;") >= 2
