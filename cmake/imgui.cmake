# Dear ImGui 1.86 from Debian's source package (fetched by scripts/setup into .deps/imgui), with the
# SDL2 platform backend and the OpenGL3 renderer (WebGL2 / OpenGL ES 3 under Emscripten).
set(IMGUI_DIR "${DAH_DEPS_DIR}/imgui")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run scripts/setup first")
endif()

if(EMSCRIPTEN)
  set(SDL2_WASM_DIR "${DAH_DEPS_DIR}/sdl2-wasm")
  if(NOT EXISTS "${SDL2_WASM_DIR}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2 for Emscripten not found in ${SDL2_WASM_DIR}: run scripts/setup first")
  endif()
  add_library(dah_sdl2 INTERFACE)
  target_include_directories(dah_sdl2 INTERFACE "${SDL2_WASM_DIR}/include/SDL2")
  target_link_libraries(dah_sdl2 INTERFACE "${SDL2_WASM_DIR}/lib/libSDL2.a")
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
  add_library(dah_sdl2 INTERFACE)
  target_link_libraries(dah_sdl2 INTERFACE SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/backends/imgui_impl_sdl.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_link_libraries(imgui PUBLIC dah_sdl2)
# No demo window, no obsolete functions; WebGL2 needs the ES3 loader path under Emscripten.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
if(EMSCRIPTEN)
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
endif()

# The same library without any backend, for the headless UI test on ImGui's null backend.
add_library(imgui_core STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(imgui_core SYSTEM PUBLIC ${IMGUI_DIR})
target_compile_definitions(imgui_core PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
