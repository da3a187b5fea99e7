#!/usr/bin/env bash
# Builds the stock Dear ImGui SDL2 + OpenGL3 example for Emscripten (examples/example_emscripten_opengl3,
# the SDL2 + OpenGL3 example of ImGui 1.86 made for the browser) as the baseline DAH Tutor is compared
# with: demo window off, the same compile flags as the app's imgui and the same link flags as the app
# (read from the app's build directory), against the same SDL2 build. The example's source is copied
# into the build folder and edited there (never in the repository).
#   build_baseline.sh APP_BUILD_DIR OUT_DIR  →  OUT_DIR/site/{index.html,baseline.js,baseline.wasm,...}
set -euo pipefail
app_build=$1
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
imgui=$root/.deps/imgui
sdl=$root/.deps/sdl2-wasm
export EM_CACHE=$root/.deps/em-cache EM_FROZEN_CACHE=0 NODE_PATH=/usr/share/nodejs
export EM_CLOSURE_COMPILER=$root/cmake/closure/node_modules/.bin/google-closure-compiler
mkdir -p "$out/obj" "$out/site"

# The app's flags: compile flags of its imgui.cpp, link flags of dah_tutor (settings and optimisation only).
read -r -a cflags < <(python3 - "$app_build/compile_commands.json" <<'PY'
import json, shlex, sys
try:
    cmds = json.load(open(sys.argv[1]))
    cmd = next(c["command"] for c in cmds if c["file"].endswith("/imgui/imgui.cpp"))
    keep = [t for t in shlex.split(cmd)[1:] if t.startswith(("-O", "-D", "-f", "-g", "-s", "-std=")) and t != "-fcolor-diagnostics"]
except Exception:
    keep = ["-Os", "-DNDEBUG", "-DIMGUI_DISABLE_DEMO_WINDOWS", "-DIMGUI_DISABLE_OBSOLETE_FUNCTIONS", "-DIMGUI_IMPL_OPENGL_ES3", "-std=c++17"]
print(" ".join(keep))
PY
)
link_line=$(ninja -C "$app_build" -t commands bin/dah_tutor.js 2>/dev/null | tail -n 1 || true)
read -r -a lflags < <(python3 - "$link_line" <<'PY'
import shlex, sys
line = sys.argv[1]
keep = []
if line:
    tokens = shlex.split(line)[1:]
    for i, t in enumerate(tokens):
        if t.startswith("-sEXPORTED_FUNCTIONS"):
            continue
        if t.startswith(("-O", "-s", "-flto", "--profiling", "-g")) or t in ("--no-entry",):
            keep.append(t)
        if t == "--closure" and i + 1 < len(tokens):
            # SDL2 2.26's JS needs these two kept alive under Closure.
            keep += [t, tokens[i + 1], "-sDEFAULT_LIBRARY_FUNCS_TO_INCLUDE=$autoResumeAudioContext,$dynCall"]
if not keep:
    keep = ["-Os", "-sMODULARIZE=1", "-sEXPORT_NAME=createDahTutor", "-sINVOKE_RUN=0", "-sENVIRONMENT=web",
            "-sUSE_WEBGL2=1", "-sMIN_WEBGL_VERSION=2", "-sMAX_WEBGL_VERSION=2", "-sALLOW_MEMORY_GROWTH=1",
            "-sFILESYSTEM=0", "-sEXPORTED_RUNTIME_METHODS=callMain,UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPU8",
            "-sDISABLE_EXCEPTION_CATCHING=1"]
print(" ".join(keep))
PY
)
printf '%s\n' "${cflags[*]}" > "$out/compile-flags.txt"
printf '%s\n' "${lflags[*]}" > "$out/link-flags.txt"

# The example, edited in the build folder: demo window off, the WebGL 2 / GLSL ES 3 path the app uses,
# and no game-controller subsystem (the shared SDL2 build has joysticks switched off, as the app needs none).
sed -e 's/show_demo_window = true/show_demo_window = false/' \
    -e 's|const char\* glsl_version = "#version 100";|const char* glsl_version = "#version 300 es";|' \
    -e 's/SDL_GL_CONTEXT_MAJOR_VERSION, 2)/SDL_GL_CONTEXT_MAJOR_VERSION, 3)/' \
    -e "s/ | SDL_INIT_GAMECONTROLLER//" \
    "$imgui/examples/example_emscripten_opengl3/main.cpp" > "$out/obj/main.cpp"
grep -q 'show_demo_window = false' "$out/obj/main.cpp"

objs=()
for src in "$out/obj/main.cpp" "$imgui"/imgui.cpp "$imgui"/imgui_draw.cpp "$imgui"/imgui_tables.cpp \
           "$imgui"/imgui_widgets.cpp "$imgui"/imgui_demo.cpp "$imgui"/backends/imgui_impl_sdl.cpp \
           "$imgui"/backends/imgui_impl_opengl3.cpp; do
  obj=$out/obj/$(basename "${src%.cpp}").o
  if [[ ! -f $obj || $src -nt $obj || $out/compile-flags.txt -nt $obj ]]; then
    em++ "${cflags[@]}" -DIMGUI_DISABLE_FILE_FUNCTIONS -I"$imgui" -I"$imgui/backends" -I"$sdl/include/SDL2" -c "$src" -o "$obj"
  fi
  objs+=("$obj")
done
em++ "${objs[@]}" "$sdl/lib/libSDL2.a" "${lflags[@]}" -sEXPORTED_FUNCTIONS=_main -o "$out/site/baseline.js"
cp "$root"/tests/perf/baseline/{index.html,baseline_loader.js,baseline.css} "$out/site/"
echo "baseline built in $out/site"
