#!/usr/bin/env bash
# Set up Evidence Kit in ./.venv (and the Debian packages Qt needs), then:
#   ./evidence-kit.sh demo    open the app on the bundled sample case
#   ./evidence-kit.sh test    run the whole test suite
#   ./evidence-kit.sh [ARGS]  run `evidence-kit ARGS`
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
VENV=.venv

say() { printf '\033[1m[evidence-kit]\033[0m %s\n' "$*" >&2; }

need_python() {
  if ! command -v "$PY" >/dev/null 2>&1; then
    say "Python 3.11 or newer is needed (python3 was not found)."; exit 2
  fi
  if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    say "Python 3.11 or newer is needed; $("$PY" --version) was found."; exit 2
  fi
}

apt_install_missing() {
  # Install only what is missing from the given package lists, so a prepared machine needs no
  # root and no network. Not Debian or Ubuntu (no dpkg): nothing to do.
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=() list pkg
  for list in "$@"; do
    while read -r pkg; do
      [[ -z "$pkg" || "$pkg" == \#* ]] && continue
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done < "$list"
  done
  ((${#missing[@]})) || return 0
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "Please install these Debian packages first: ${missing[*]}"; exit 2
    fi
  fi
  say "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

file_hash() {
  # Python, not sha256sum: macOS has none
  "$PY" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()[:16])' "$1"
}

setup_venv() {
  local stamp
  stamp="$VENV/.installed-$(file_hash pyproject.toml)"
  [[ -f "$stamp" ]] && return 0
  if [[ ! -x "$VENV/bin/python" ]]; then
    say "Creating the virtual environment in $VENV"
    "$PY" -m venv "$VENV"
  fi
  say "Installing Evidence Kit and its dependencies (first run takes a few minutes)"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e '.[test]'
  rm -f "$VENV"/.installed-*
  touch "$stamp"
}

need_python
# the app needs only the runtime list; the tests also need the reference tools
if [[ "${1:-demo}" == test ]]; then
  apt_install_missing packaging/debian-packages.txt packaging/debian-packages-test.txt
else
  apt_install_missing packaging/debian-packages.txt
fi
setup_venv

case "${1:-demo}" in
  demo)
    shift || true
    exec "$VENV/bin/evidence-kit" demo "$@" ;;
  test)
    shift || true
    export QT_QPA_PLATFORM=offscreen
    "$VENV/bin/ruff" check evidence_kit tests benchmarks scripts packaging setup.py
    "$VENV/bin/ruff" format --check --quiet evidence_kit tests benchmarks scripts packaging setup.py
    "$VENV/bin/lint-imports"
    "$VENV/bin/mypy" --no-error-summary
    exec "$VENV/bin/python" -m pytest "$@" ;;
  *)
    exec "$VENV/bin/evidence-kit" "$@" ;;
esac
