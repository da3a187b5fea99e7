# Dear ImGui 1.86 from Debian's source package (fetched by scripts/setup into .deps/imgui).
set(IMGUI_DIR "${DAH_DEPS_DIR}/imgui")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run scripts/setup first")
endif()

# The same sources, three ways: imgui_core without any backend (the headless UI test on ImGui's null
# backend), and `imgui` with the OpenGL3 renderer (WebGL2 / OpenGL ES 3 under Emscripten) plus, on the
# desktop, the SDL2 platform backend. The browser build has its own small input layer
# (web/html5_input.cpp) instead of SDL2, which was the largest part of its download.
set(imgui_sources ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp)
# No demo, no old names, no debug windows, no .ini or log files (the layout never comes from a file).
set(imgui_definitions IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_METRICS_WINDOW
                      IMGUI_DISABLE_FILE_FUNCTIONS)

add_library(imgui STATIC ${imgui_sources} ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_compile_definitions(imgui PUBLIC ${imgui_definitions})
if(EMSCRIPTEN)
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_sources(imgui PRIVATE ${IMGUI_DIR}/backends/imgui_impl_sdl.cpp)
  target_link_libraries(imgui PUBLIC SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
endif()

add_library(imgui_core STATIC ${imgui_sources})
target_include_directories(imgui_core SYSTEM PUBLIC ${IMGUI_DIR})
target_compile_definitions(imgui_core PUBLIC ${imgui_definitions})
