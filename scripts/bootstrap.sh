# Shared by scripts/demo and scripts/test: a virtualenv in .venv with the project installed.
# Usage: . scripts/bootstrap.sh EXTRAS   (e.g. "desktop,heic,dev")
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

# What PySide6's Gui, Widgets and offscreen platform load from the system, and Kazakh glyphs.
QT_OFFSCREEN_PACKAGES="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 fonts-noto-core"
# The frozen-build test makes its build where GTK is installed (and the X11 libraries, which the
# window needs and the build bundles), to show that what is bundled does not
# depend on what else the build machine has (tests/test_frozen_build.py); readelf checks the bundle.
BUILD_CHECK_PACKAGES="libgtk-3-0 binutils"
# The Windows build made here under Wine (scripts/windows-build, tests/test_windows_build.py): Wine,
# NSIS's makensis for the installer, and a C compiler for the two DLLs Debian 12's Wine lacks.
WINDOWS_BUILD_PACKAGES="wine wine64 nsis gcc-mingw-w64-x86-64-win32"
# A real window on X11 (Qt's xcb platform) needs these as well.
QT_X11_PACKAGES="libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxcb-image0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0"

apt_install() {
    # System packages, when we are root on a Debian-like machine and they are missing.
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "Installing system packages: ${missing[*]}"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
        else
            echo "Note: missing system packages (install them for the full experience): ${missing[*]}" >&2
        fi
    fi
}

have_postgres_server() {
    # PostgreSQL's server binaries, where server/pgcluster.py (find_pg_bin) looks for them.
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
        || command -v initdb >/dev/null \
        || { command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; }
}

ensure_postgres_server() {
    # For the tests' and benchmarks' throwaway clusters (server/pgcluster.py starts and deletes them;
    # nothing here starts a server). Debian's "postgresql" is the server of the release's version.
    have_postgres_server || apt_install postgresql
}

LOCK="$ROOT/requirements.lock"

bootstrap_venv() {
    # Every environment (tests, demo, CI, the PyInstaller build) installs exactly the set in
    # requirements.lock — versions and hashes — and then the project itself without its dependencies,
    # so a new release on PyPI never changes what is built. scripts/lock refreshes the lock.
    if [ ! -x "$VENV/bin/python" ]; then
        echo "Creating $VENV"
        "$PYTHON" -m venv "$VENV"
    fi
    local stamp="$VENV/.installed-lock"
    if [ ! -f "$stamp" ] || [ "$LOCK" -nt "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
        local log="$VENV/install.log"
        echo "Installing the locked dependencies and taza-field (details in $log)"
        if ! { "$VENV/bin/python" -m pip install --no-input --require-hashes --no-deps -r "$LOCK" \
               && "$VENV/bin/python" -m pip install --no-input --no-deps --no-build-isolation -e "$ROOT" \
               && "$VENV/bin/python" -m pip check; } >"$log" 2>&1; then
            tail -n 40 "$log" >&2
            echo "Installation failed; the whole log is $log" >&2
            exit 1
        fi
        touch "$stamp"
    fi
}
