#!/usr/bin/env bash
# SDL2 built once for Emscripten, static, only the subsystems the stock ImGui example needs: the
# benchmark's baseline only (the app itself has no SDL2 in the browser). Source: .deps/SDL2, fetched
# by scripts/setup from Debian's source package.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
deps=$root/.deps
export EM_CACHE=$deps/em-cache EM_FROZEN_CACHE=0 NODE_PATH=/usr/share/nodejs
log() { printf '[bench] %s\n' "$*" >&2; }
sdl_wasm="$deps/sdl2-wasm"
if [[ ! -f $sdl_wasm/lib/libSDL2.a ]]; then
  log "building SDL2 for emscripten (once, about 3 minutes)"
  rm -rf "$deps/sdl2-wasm-build"
  emcmake cmake -S "$deps/SDL2" -B "$deps/sdl2-wasm-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$sdl_wasm" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
    -DSDL_AUDIO=OFF -DSDL_HAPTIC=OFF -DSDL_JOYSTICK=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF \
    -DSDL_HIDAPI=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF >"$deps/sdl2-wasm-build.log" 2>&1
  cmake --build "$deps/sdl2-wasm-build" >>"$deps/sdl2-wasm-build.log" 2>&1
  cmake --install "$deps/sdl2-wasm-build" >>"$deps/sdl2-wasm-build.log" 2>&1
fi
