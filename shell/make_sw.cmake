# Writes sw.js (script mode): the precache list is every file of the site with its SHA-256 (the worker
# takes a copy the page already downloaded only when its bytes match), the version a hash of them all.
file(GLOB_RECURSE files RELATIVE ${SITE} ${SITE}/*)
list(REMOVE_ITEM files sw.js)
list(FILTER files EXCLUDE REGEX "\\.(br|gz)$")
# The app reads the data from cases/library.json only; the single files would be cached twice.
list(FILTER files EXCLUDE REGEX "^cases/(knowledge-base-v2|index|.*\\.case)\\.json$")
# Class mode (class/) is loaded only in a live class, which needs the network anyway.
list(FILTER files EXCLUDE REGEX "^(class/|vote\\.html$)")
list(SORT files)
set(hashes "")
file(SHA256 ${SITE}/index.html index_hash)
set(precache "'./': '${index_hash}'")
foreach(f IN LISTS files)
  file(SHA256 ${SITE}/${f} h)
  string(APPEND hashes "${f}:${h}\n")
  string(APPEND precache ",\n  './${f}': '${h}'")
endforeach()
string(SHA256 build_id "${hashes}")
string(SUBSTRING ${build_id} 0 16 DAH_BUILD_ID)
set(DAH_PRECACHE ${precache})
configure_file(${TEMPLATE} ${SITE}/sw.js @ONLY)
