#!/bin/sh
# Install Evidence Kit for this user only (no root): the app into ~/.local/share/evidence-kit,
# the command into ~/.local/bin, and the menu entry, icon and software-centre data into
# ~/.local/share. Run it from the unpacked tarball: ./install.sh
# Remove it again with ~/.local/share/evidence-kit/uninstall.sh (the same as install.sh --uninstall).
# Your cases, settings and logs are never inside the program's folder, so both keep them.
set -eu
APP_ID=io.github.evidencekit.EvidenceKit
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
app=$data/evidence-kit

# the menu and icon caches, where the tools exist (the caches are shared by every app)
refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
  fi
}

uninstall() {
  # the command link only if it is ours (points into the app folder)
  if [ -L "$bin/evidence-kit" ] && [ "$(readlink "$bin/evidence-kit")" = "$app/evidence-kit" ]; then
    rm -f "$bin/evidence-kit"
  fi
  rm -f "$data/applications/$APP_ID.desktop" "$data/metainfo/$APP_ID.metainfo.xml" \
    "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
  rm -rf "$app"
  refresh_caches
  echo "Evidence Kit is removed. Your cases and settings are kept."
}

install() {
  if [ ! -x "$here/evidence-kit" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run me from the unpacked Evidence Kit folder (evidence-kit and _internal/ beside me)" >&2
    exit 2
  fi
  echo "Installing Evidence Kit into $app"
  rm -rf "$app.new"
  mkdir -p "$app.new" "$bin" "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
  # copy the whole folder (links kept), then swap it in, so a failed copy leaves the old install
  cp -a "$here/." "$app.new/"
  rm -rf "$app.old"
  if [ -d "$app" ]; then mv "$app" "$app.old"; fi
  mv "$app.new" "$app"
  rm -rf "$app.old"

  ln -sfn "$app/evidence-kit" "$bin/evidence-kit"
  # the menu entry names the installed launcher by its full path: ~/.local/bin is not on
  # every desktop session's PATH
  sed -e "s|^Exec=.*|Exec=\"$app/evidence-kit\"|" -e "s|^TryExec=.*|TryExec=$app/evidence-kit|" \
    "$here/share/applications/$APP_ID.desktop" > "$data/applications/$APP_ID.desktop"
  cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$data/metainfo/"
  cp "$here/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$data/icons/hicolor/scalable/apps/"
  refresh_caches

  echo "Done. Start Evidence Kit from your applications menu, or run: $bin/evidence-kit"
  case ":$PATH:" in *":$bin:"*) ;; *) echo "(Add $bin to your PATH to type just 'evidence-kit'.)" ;; esac
}

case "${1:-}" in
  --uninstall) uninstall ;;
  "") install ;;
  *) echo "usage: install.sh [--uninstall]" >&2; exit 2 ;;
esac
