#!/usr/bin/env bash
# Install the irviewer bundle for the current user: the app, its menu entry and its icon.
# build.sh copies this script into dist/irviewer/, so it works from the bundle folder alone:
#
#   dist/irviewer/install-linux.sh              # copy to ~/.local/opt/irviewer, add the menu entry
#   dist/irviewer/install-linux.sh --uninstall  # remove all of that again (your library stays)
#
# Nothing needs root. The library and settings live in ~/.local/share/irviewer and
# ~/.config/irviewer, which neither installing nor uninstalling touches.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$HOME/.local/opt/irviewer
bin_link=$HOME/.local/bin/irviewer
desktop_file=$data_home/applications/irviewer.desktop
icon_root=$data_home/icons/hicolor
sizes="16 24 32 48 64 128 256 512"

refresh_caches() {
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$data_home/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$icon_root" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app_dir"
    rm -f "$desktop_file" "$icon_root/scalable/apps/irviewer.svg"
    [ -L "$bin_link" ] && rm -f "$bin_link"
    for s in $sizes; do rm -f "$icon_root/${s}x${s}/apps/irviewer.png"; done
    refresh_caches
    echo "irviewer removed (your library and settings are kept)"
    exit 0
fi

# The bundle keeps resources/ under _internal/ (PyInstaller 6); a checkout has it at the top.
if [ -d "$here/_internal/resources" ]; then
    resources=$here/_internal/resources
    bundle=$here
elif [ -x "$here/../dist/irviewer/irviewer" ]; then
    resources=$here/../resources
    bundle=$(cd "$here/../dist/irviewer" && pwd)
else
    echo "install-linux.sh: run it from the bundle folder (dist/irviewer/)" >&2
    exit 1
fi

mkdir -p "$(dirname "$app_dir")" "$(dirname "$bin_link")"
if [ "$bundle" != "$app_dir" ]; then
    rm -rf "$app_dir"
    cp -a "$bundle" "$app_dir"
fi
ln -sfn "$app_dir/irviewer" "$bin_link"
for s in $sizes; do
    install -D -m 644 "$resources/icons/irviewer-$s.png" "$icon_root/${s}x${s}/apps/irviewer.png"
done
install -D -m 644 "$resources/icons/app.svg" "$icon_root/scalable/apps/irviewer.svg"
mkdir -p "$(dirname "$desktop_file")"
sed -e "s|^Exec=.*|Exec=$app_dir/irviewer|" -e "s|^TryExec=.*|TryExec=$app_dir/irviewer|" \
    "$resources/irviewer.desktop" > "$desktop_file"
chmod 644 "$desktop_file"
refresh_caches
echo "irviewer installed in $app_dir; menu entry $desktop_file; command $bin_link"
