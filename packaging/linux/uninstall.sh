#!/bin/sh
# Remove what install.sh put into ~/.local; your cases, settings and logs are kept.
exec sh "$(dirname "$0")/install.sh" --uninstall
