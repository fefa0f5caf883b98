#!/usr/bin/env bash
# Debian packages the Python dependencies need at run time: Pango and a font for WeasyPrint's
# PDFs (kcsite.pdf). Installed once with apt when running as root; otherwise named.
set -uo pipefail
missing=()
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core fontconfig)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[setup] installing Debian packages for PDFs: ${missing[*]} (first time only)…"
    mkdir -p var
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
        >var/apt-system.log 2>&1 || { tail -20 var/apt-system.log; echo "[setup] apt-get install failed"; exit 1; }
else
    echo "[setup] PDFs need these Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})"
fi
