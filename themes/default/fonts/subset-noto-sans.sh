#!/usr/bin/env bash
# Remakes the bundled Noto Sans subsets (a development step; the results are
# committed): WOFF2 for the pages and poster (static/fonts/), TTF for the
# share image, which is drawn in Rust and cannot read WOFF2.
# Needs Debian's fonts-noto-core and `pip install fonttools brotli`.
set -euo pipefail
cd "$(dirname "$0")"
src=/usr/share/fonts/truetype/noto
# Vietnamese (Latin Extended Additional, the tone marks, Ơ Ư Đ Ă Ĩ Ũ),
# Latin-1 and Latin Extended-A for names, and the punctuation pages use.
unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+01A0-01A1,U+01AF-01B0,U+0300-0304,U+0306,U+0309,U+0323,U+1EA0-1EF9,U+2000-200B,U+2010-2015,U+2018-201E,U+2020-2022,U+2026,U+202F,U+2030,U+2039-203A,U+20AB,U+20AC,U+2116,U+2122"
for weight in 400:Regular 700:Bold; do
  for flavor in woff2 ttf; do
    out=noto-sans-${weight%%:*}.$flavor
    [ "$flavor" = woff2 ] && out=../static/fonts/$out
    pyftsubset "$src/NotoSans-${weight#*:}.ttf" --unicodes="$unicodes" \
      --layout-features+=tnum,case,lnum --no-hinting --desubroutinize \
      $([ "$flavor" = woff2 ] && echo --flavor=woff2) --output-file="$out"
  done
done
