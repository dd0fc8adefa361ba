#!/usr/bin/env bash
# Build the PyInstaller bundle (`make package`): dist/irviewer/ with the executable at
# dist/irviewer/irviewer. Needs the venv from `make setup` (PyInstaller is a dev dependency).
#
#   bash packaging/build.sh            # one-folder bundle (the main artefact)
#   bash packaging/build.sh --check    # ... then check its size, run the bundle check and the
#                                      # self-test from it (what CI runs)
#   bash packaging/build.sh --onefile  # one-file executable at dist/onefile/irviewer
#   bash packaging/build.sh --clean    # forget PyInstaller's cache first
set -euo pipefail
cd "$(dirname "$0")/.."

onefile=0 check=0 clean=""
for arg in "$@"; do
    case "$arg" in
        --onefile) onefile=1 ;;
        --check) check=1 ;;
        --clean) clean="--clean" ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    esac
done

PY=.venv/bin/python
if [ ! -x .venv/bin/pyinstaller ]; then
    echo "build.sh: .venv/bin/pyinstaller is missing: run \`make setup\` first" >&2
    exit 1
fi
if [ "$(uname -s)" = Linux ] && ! command -v objdump >/dev/null 2>&1; then
    echo "build.sh: PyInstaller needs objdump on Linux: apt-get install binutils" >&2
    exit 1
fi
if [ ! -f resources/icons/irviewer-256.png ]; then
    QT_QPA_PLATFORM=offscreen "$PY" scripts/make_icons.py
fi

if [ "$onefile" = 1 ]; then
    distpath=dist/onefile
    target=dist/onefile/irviewer
else
    distpath=dist
    target=dist/irviewer/irviewer
fi

start=$(date +%s)
IRVIEWER_ONEFILE=$onefile .venv/bin/pyinstaller packaging/irviewer.spec $clean --noconfirm \
    --log-level WARN --distpath "$distpath" --workpath build/pyinstaller
seconds=$(( $(date +%s) - start ))
if [ ! -x "$target" ]; then
    echo "build.sh: PyInstaller did not produce $target" >&2
    exit 1
fi
if [ "$onefile" = 1 ]; then
    size=$(du -sh "$target" | cut -f1)
else
    cp packaging/install-linux.sh dist/irviewer/install-linux.sh
    size=$(du -sh dist/irviewer | cut -f1)
fi
echo "built $target in ${seconds} s; size $size"

MAX_MB=220  # the size target for the one-folder bundle
if [ "$check" = 1 ]; then
    if [ "$onefile" = 0 ] && [ "$(du -sm dist/irviewer | cut -f1)" -gt "$MAX_MB" ]; then
        echo "build.sh: the bundle is over $MAX_MB MB" >&2
        exit 1
    fi
    # The checks keep their data in a temporary home: never the user's library or settings.
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    export QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
        XDG_CACHE_HOME="$tmp/cache"
    IRVIEWER_BUNDLE_CHECK=1 "$target" </dev/null
    "$target" --self-test </dev/null
fi
