# Shared by scripts/demo and scripts/test: set up .venv from requirements.lock, idempotently.
# Sourced, not run. Fails loudly when something it needs is missing and cannot be installed.

die() { echo "FEL: $*" >&2; exit 1; }

as_root_apt_install() {
  # apt_install PACKAGE...: install Debian packages when root; otherwise say exactly what is missing.
  if [ "$(id -u)" -ne 0 ]; then
    die "saknar $* och kan inte installera utan root. Kör: sudo apt-get install -y $*"
  fi
  if [ -z "${STODMATERIAL_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update misslyckades"
    export STODMATERIAL_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || die "apt-get install $* misslyckades"
}

setup_python() {
  command -v python3 >/dev/null || die "python3 saknas (Python 3.11 behövs)."
  python3 -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else 1)' \
    || die "Python 3.11 eller senare behövs, men python3 är $(python3 --version 2>&1)."
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv 2>/dev/null || {
      rm -rf .venv
      as_root_apt_install python3-venv
      python3 -m venv .venv || die "kunde inte skapa .venv"
    }
  fi
  local stamp=.venv/.requirements.sha256
  local want
  want=$(cat requirements.lock pyproject.toml scripts/lib/uv.lock scripts/lib/build.lock | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installerar beroenden från requirements.lock ..."
    install_locked || die "kunde inte installera beroendena i requirements.lock"
    echo "$want" > "$stamp"
  fi
  export NO_MKDOCS_2_WARNING=1
}

install_locked() {
  # uv (pinned and hashed in scripts/lib/uv.lock) installs the lock in seconds, compiling the bytecode
  # as pip does; pip takes about a minute. Every file is checked against its hash either way, so uv may
  # take a file from whichever index has it (the lock's extra indexes included). Without uv: pip.
  # Our own package is then built offline with the setuptools and wheel of scripts/lib/build.lock.
  if .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
       -r scripts/lib/uv.lock; then
    UV_LINK_MODE=copy .venv/bin/uv pip install --quiet --python .venv/bin/python --require-hashes --no-deps \
      --index-strategy unsafe-best-match --compile-bytecode -r requirements.lock -r scripts/lib/build.lock \
      && UV_LINK_MODE=copy .venv/bin/uv pip install --quiet --python .venv/bin/python --no-deps --offline \
        --no-build-isolation -e . \
      && return 0
    echo "OBS: uv kunde inte installera beroendena (se ovan); försöker med pip, som tar längre tid." >&2
  else
    echo "OBS: kunde inte installera uv (scripts/lib/uv.lock); installerar med pip, som tar längre tid." >&2
  fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
    -r requirements.lock -r scripts/lib/build.lock || return 1
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-index --no-build-isolation -e .
}

setup_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installerar Debians chromium för webbläsartesterna ..."
    as_root_apt_install chromium
  fi
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium saknas efter installationen."
}

setup_nginx() {
  # Debian's nginx, for the tests that serve a bundle with its generated configuration on 127.0.0.1.
  # The tests start their own unprivileged nginx; the system service is not needed.
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    echo "Installerar Debians nginx för testerna av driftpaketen ..."
    as_root_apt_install nginx
  fi
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || die "nginx saknas efter installationen."
  # The bundle tests also sign and verify with OpenSSH's ssh-keygen.
  command -v ssh-keygen >/dev/null || as_root_apt_install openssh-client
}

setup_fail2ban() {
  # Debian's fail2ban, for fail2ban-regex: the tests run the filter in DRIFT.md against real nginx log lines.
  # Only the tool is needed; the tests never start the fail2ban service.
  if ! command -v fail2ban-regex >/dev/null; then
    echo "Installerar Debians fail2ban för testet av filtret mot lösenordsgissning ..."
    as_root_apt_install fail2ban
    echo "OBS: Debian kan starta tjänsten fail2ban efter installationen; testerna behöver den inte" \
         "(stäng av den med: systemctl disable --now fail2ban)."
  fi
  command -v fail2ban-regex >/dev/null || die "fail2ban-regex saknas efter installationen."
}

setup_apache() {
  # Debian's apache2, for the test that serves a bundle with its .htaccess on 127.0.0.1.
  # The test starts its own unprivileged Apache; the system service is not needed.
  if [ ! -x /usr/sbin/apache2 ]; then
    echo "Installerar Debians apache2 för testet av paketets Apache-konfiguration ..."
    as_root_apt_install apache2
    echo "OBS: Debian kan starta tjänsten apache2 på port 80 efter installationen; testerna behöver den inte" \
         "(stäng av den med: systemctl disable --now apache2)."
  fi
  [ -x /usr/sbin/apache2 ] || die "apache2 saknas efter installationen."
}

setup_scorm_runtime() {
  # scorm-again, a real SCORM 1.2 runtime for the learning-platform package's tests, pinned exactly in
  # tests/scorm/package-lock.json (apart from the root package.json, so the two never conflict).
  command -v npm >/dev/null || as_root_apt_install npm
  command -v npm >/dev/null || die "npm saknas efter installationen."
  local stamp=tests/scorm/node_modules/.package-lock.sha256
  local want
  want=$(sha256sum tests/scorm/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installerar testplattformen för SCORM (npm ci i tests/scorm/) ..."
    (cd tests/scorm && npm ci --ignore-scripts --no-audit --no-fund) \
      || die "npm ci i tests/scorm/ misslyckades: testerna av lärplattformspaketet kan inte köras."
    echo "$want" > "$stamp"
  fi
}

setup_poppler() {
  # Debian's poppler-utils (pdftotext, pdfinfo), for the tests of the accessible PDF.
  if ! command -v pdftotext >/dev/null; then
    echo "Installerar Debians poppler-utils (pdftotext) för testerna av PDF-filen ..."
    as_root_apt_install poppler-utils
  fi
  command -v pdftotext >/dev/null || die "pdftotext saknas efter installationen av poppler-utils."
}

setup_node() {
  # Node for ESLint and the JavaScript unit tests: Debian's nodejs and npm when missing. ESLint 9
  # needs Node 18.18 or later (Debian 12 has 18.20).
  command -v node >/dev/null || as_root_apt_install nodejs
  command -v npm >/dev/null || as_root_apt_install npm
  command -v node >/dev/null && command -v npm >/dev/null || die "node eller npm saknas efter installationen."
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 18 || (a === 18 && b >= 18) ? 0 : 1)' \
    || die "Node 18.18 eller senare behövs för ESLint, men node är $(node --version)."
  # npm ci from the committed lock, only when node_modules does not already match it.
  local stamp=node_modules/.package-lock.sha256
  local want
  want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installerar JavaScript-verktygen från package-lock.json ..."
    npm ci --no-audit --no-fund --loglevel=error >/dev/null || die "npm ci misslyckades (package-lock.json)"
    echo "$want" > "$stamp"
  fi
}

run_js_checks() {
  # ESLint with no warnings allowed, then the unit tests of the scripts (tests/js/*.test.js).
  echo "ESLint (overrides/assets/javascripts/stodmaterial, tests/js) ..."
  node_modules/.bin/eslint --max-warnings 0 overrides/assets/javascripts/stodmaterial tests/js eslint.config.js \
    || die "ESLint hittade fel eller varningar i JavaScript-koden (se ovan)."
  echo "JavaScript-enhetstester (node --test tests/js) ..."
  node --test tests/js/*.test.js > .cache/node-test.log 2>&1 || {
    cat .cache/node-test.log
    die "JavaScript-enhetstesterna misslyckades (se ovan)."
  }
  grep -E "^# (tests|pass|fail) " .cache/node-test.log
}
