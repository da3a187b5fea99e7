# The UI font: DejaVu Sans (Debian's fonts-dejavu-core) cut down to the characters the app uses, in two
# files so the first frame waits only for the first: ui-font.ttf holds what the UI's own strings use
# (ASCII, Latin-1 signs such as ° ± µ · ×, punctuation, arrows, ≤ ≥ − ≈, ▶ ✓ ✗: 8.5 kB brotli);
# ui-font-extra.ttf (11.4 kB), fetched with the cases after the first frame and merged into the same
# ImGui font, holds what only case text needs: accented letters (Latin-1 and Extended-A, for European
# names), Greek letters (units), per mille and primes, the super- and subscript digits of lab units
# (10⁹/L, PaO₂), €, the block elements. web/ui/fonts.cpp gives ImGui the same ranges
# (tests/shell/font_ranges.test.mjs checks both). Only the tables stb_truetype reads are kept (cmap,
# glyf, loca, head, hhea, hmtx, maxp): no hinting, layout (GSUB/GPOS/GDEF, MATH), names or OS/2 metrics.
set(DAH_FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "TTF the UI font is cut from")
set(DAH_FONT "${CMAKE_BINARY_DIR}/assets/ui-font.ttf")
set(DAH_FONT_EXTRA "${CMAKE_BINARY_DIR}/assets/ui-font-extra.ttf")
set(DAH_FONT_UNICODES "U+0020-007E,U+00A0-00BF,U+00D7,U+00F7,U+2010-2027,U+2190-2194,U+2212,U+2248,U+2264-2265,U+25B6,U+2713,U+2717")
set(DAH_FONT_EXTRA_UNICODES "U+00C0-00D6,U+00D8-00F6,U+00F8-017F,U+0391-03A9,U+03B1-03C9,U+2030-203A,U+2070,U+2074-207B,U+2080-2089,U+20AC,U+2580-259F")
foreach(part IN ITEMS "DAH_FONT;DAH_FONT_UNICODES" "DAH_FONT_EXTRA;DAH_FONT_EXTRA_UNICODES")
  list(GET part 0 file_var)
  list(GET part 1 unicodes_var)
  add_custom_command(
    OUTPUT ${${file_var}}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/assets
    COMMAND /usr/bin/python3 -m fontTools.subset ${DAH_FONT_SOURCE} --unicodes=${${unicodes_var}}
            --output-file=${${file_var}} --no-hinting --desubroutinize --layout-features=
            --drop-tables+=GSUB,GPOS,GDEF,MATH,kern,FFTM,gasp,post,name,OS/2
    DEPENDS ${DAH_FONT_SOURCE}
    COMMENT "Subsetting the UI font (${file_var})"
    VERBATIM)
endforeach()
add_custom_target(dah_font ALL DEPENDS ${DAH_FONT} ${DAH_FONT_EXTRA})
