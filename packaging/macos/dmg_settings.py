"""dmgbuild settings for the macOS disk image: the app and a link to /Applications to drag it to.

build.py runs `python -m dmgbuild -s dmg_settings.py -D app=PATH/Evidence Kit.app NAME OUT.dmg`;
dmgbuild executes this file with `defines` holding the -D values.
"""

import os.path

application = defines["app"]  # noqa: F821 (given by dmgbuild)
appname = os.path.basename(application)

format = "UDZO"  # zlib-compressed, opens on every macOS release the app supports
files = [application]
symlinks = {"Applications": "/Applications"}
badge_icon = None
icon_locations = {appname: (150, 130), "Applications": (490, 130)}
window_rect = ((200, 200), (640, 320))
default_view = "icon-view"
show_icon_preview = False
icon_size = 128
text_size = 14
