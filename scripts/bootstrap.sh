#!/usr/bin/env bash
# Installs the Debian packages Primer needs, if any are missing. Safe to run again: when
# everything is present it only checks (no apt-get update, no network).
#
#   scripts/bootstrap.sh            # what building and testing need
#   scripts/bootstrap.sh --browser  # also Chromium and fonts for the browser check
#   scripts/bootstrap.sh --sandbox  # also bubblewrap, for `primer check --sandbox`
set -euo pipefail

packages=(
  pkg-config        # how SwiftPM finds the C libraries below
  libcmark-dev      # CommonMark parsing (CCmark)
  libopenblas-dev   # BLAS and LAPACK for the engines (COpenBLAS)
  zlib1g-dev        # gzip for the IDX data files (CZlib)
  dataset-fashion-mnist  # the course's image data, /usr/share/datasets/fashion-mnist
  tmux              # the terminal tests of `primer step`
  fonts-dejavu-extra  # DejaVu Math TeX Gyre, which the site ships for MathML
)
for flag in "$@"; do
  case "$flag" in
    --browser) packages+=(chromium fonts-noto-core fonts-noto-cjk) ;;
    --sandbox) packages+=(bubblewrap) ;;   # `primer … --sandbox` and books with "sandbox": true
    *) echo "usage: scripts/bootstrap.sh [--browser] [--sandbox]" >&2; exit 2 ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "Installing missing Debian packages: ${missing[*]}" >&2
sudo=()
if [[ "$(id -u)" != 0 ]]; then
  if command -v sudo >/dev/null; then sudo=(sudo); else
    echo "error: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}" >&2
