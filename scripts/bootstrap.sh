#!/usr/bin/env bash
# One-time set-up on a fresh Debian/Ubuntu machine: Qt's runtime libraries, then the venv.
# Safe to re-run; it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_RUNTIME_PKGS="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fontconfig-config"
BUILD_PKGS="binutils"  # PyInstaller needs objdump on Linux
QT_XCB_PKGS="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth"

missing_pkgs() {
    local pkg out=""
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || out="$out $pkg"
    done
    echo "$out"
}

if command -v dpkg >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    need=$(missing_pkgs $QT_RUNTIME_PKGS $QT_XCB_PKGS $BUILD_PKGS)
    if [ -n "$need" ]; then
        echo "Installing Qt runtime packages:$need"
        sudo_cmd=""
        [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $need
    fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[dev]"
    touch .venv/.installed
fi
