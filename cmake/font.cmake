# The UI font: DejaVu Sans (Debian's fonts-dejavu-core) cut down to the characters the app uses, to keep
# the download small (493 glyphs, 17 kB brotli; 1,025 and 40 kB before): ASCII, Latin-1 and Latin
# Extended-A (European names in imported cases), Greek letters (units), general punctuation, the super-
# and subscript digits of lab units (10⁹/L, PaO₂), €, arrows ←↑→↓↔, − ≈ ≤ ≥, the block elements, ▶ ✓ ✗.
# web/ui/fonts.cpp gives ImGui the same ranges. Only the tables stb_truetype reads are kept (cmap, glyf,
# loca, head, hhea, hmtx, maxp): no hinting, layout (GSUB/GPOS/GDEF, MATH, whose variants added 22
# glyphs), names or OS/2 metrics.
set(DAH_FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "TTF the UI font is cut from")
set(DAH_FONT "${CMAKE_BINARY_DIR}/assets/ui-font.ttf")
set(DAH_FONT_UNICODES "U+0020-007E,U+00A0-017F,U+0391-03A9,U+03B1-03C9,U+2010-2027,U+2030-203A,U+2070,U+2074-207B,U+2080-2089,U+20AC,U+2190-2194,U+2212,U+2248,U+2264-2265,U+2580-259F,U+25B6,U+2713,U+2717")
add_custom_command(
  OUTPUT ${DAH_FONT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/assets
  COMMAND /usr/bin/python3 -m fontTools.subset ${DAH_FONT_SOURCE} --unicodes=${DAH_FONT_UNICODES}
          --output-file=${DAH_FONT} --no-hinting --desubroutinize --layout-features=
          --drop-tables+=GSUB,GPOS,GDEF,MATH,kern,FFTM,gasp,post,name,OS/2
  DEPENDS ${DAH_FONT_SOURCE}
  COMMENT "Subsetting the UI font"
  VERBATIM)
add_custom_target(dah_font ALL DEPENDS ${DAH_FONT})
