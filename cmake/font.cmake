# The UI font: DejaVu Sans (Debian's fonts-dejavu-core) cut down to the characters the app uses
# (Latin, Greek letters for units, punctuation, arrows, maths, a few shapes) to keep the download small.
set(DAH_FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "TTF the UI font is cut from")
set(DAH_FONT "${CMAKE_BINARY_DIR}/assets/ui-font.ttf")
set(DAH_FONT_UNICODES "U+0020-007E,U+00A0-017F,U+0391-03C9,U+2010-2044,U+2070-209F,U+20AC,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2713-2717")
add_custom_command(
  OUTPUT ${DAH_FONT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/assets
  COMMAND /usr/bin/python3 -m fontTools.subset ${DAH_FONT_SOURCE} --unicodes=${DAH_FONT_UNICODES}
          --output-file=${DAH_FONT} --no-hinting --desubroutinize --layout-features=
  DEPENDS ${DAH_FONT_SOURCE}
  COMMENT "Subsetting the UI font"
  VERBATIM)
add_custom_target(dah_font ALL DEPENDS ${DAH_FONT})
