#!/bin/sh
# Remove what install.sh put into ~/.local. Your cases, settings and logs are kept: they live in
# your documents and the app's data folders, never inside the program's folder.
set -eu
APP_ID=io.github.evidencekit.EvidenceKit
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
app=$data/evidence-kit

# the command link only if it is ours (points into the app folder)
if [ -L "$bin/evidence-kit" ] && [ "$(readlink "$bin/evidence-kit")" = "$app/evidence-kit" ]; then
  rm -f "$bin/evidence-kit"
fi
rm -f "$data/applications/$APP_ID.desktop" "$data/metainfo/$APP_ID.metainfo.xml" \
  "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
rm -rf "$app"
refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
  fi
}
refresh_caches
echo "Evidence Kit is removed. Your cases and settings are kept."
