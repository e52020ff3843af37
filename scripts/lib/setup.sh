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
  want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installerar beroenden från requirements.lock ..."
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
      -r requirements.lock || die "kunde inte installera beroendena i requirements.lock"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e . \
      || die "kunde inte installera paketet stodmaterial"
    echo "$want" > "$stamp"
  fi
  export NO_MKDOCS_2_WARNING=1
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
