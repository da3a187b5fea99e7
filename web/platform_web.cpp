// The browser implementation of Platform: localStorage (or the page's storage hook) for settings and
// progress, a Blob download for exports. JavaScript failures (storage full, private mode) come back as
// false, never a throw.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>

#include "platform_web.hpp"

// clang-format off
// A page may install window.dahTutor.storage ({save(key, text) → bool, load(key) → string or null}), as
// the SCORM package does to keep progress in the learning-management system; otherwise localStorage.
EM_JS(int, dah_js_save, (const char* key, const char* text), {
    try {
        const hook = window['dahTutor'] && window['dahTutor']['storage'];
        if (hook) return hook['save'](UTF8ToString(key), UTF8ToString(text)) ? 1 : 0;
        window.localStorage.setItem('dah-tutor:' + UTF8ToString(key), UTF8ToString(text));
        return 1;
    } catch (e) { return 0; }
});
EM_JS(char*, dah_js_load, (const char* key), {
    let v = null;
    try {
        const hook = window['dahTutor'] && window['dahTutor']['storage'];
        v = hook ? hook['load'](UTF8ToString(key)) : window.localStorage.getItem('dah-tutor:' + UTF8ToString(key));
    } catch (e) { v = null; }
    if (typeof v !== 'string') return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(int, dah_js_download, (const char* name, const char* mime, const char* text), {
    try {
        const blob = new Blob([UTF8ToString(text)], { type: UTF8ToString(mime) });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = UTF8ToString(name);
        document.body.appendChild(a);
        a.click();
        setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 0);
        return 1;
    } catch (e) { return 0; }
});
// The page (shell/loader.js) owns the hidden <input type=file>; the chosen file comes back through
// dah_import_file. Works within the user activation of the click or key press that asked for it.
EM_JS(int, dah_js_pick_file, (), {
    try { const page = window['dahTutor']; if (page && page['pickCaseFile']) { page['pickCaseFile'](); return 1; } }
    catch (e) {}
    return 0;
});
// clang-format on

namespace dah::ui {

bool WebPlatform::save(const std::string& key, const std::string& text) {
    return dah_js_save(key.c_str(), text.c_str()) != 0;
}

std::optional<std::string> WebPlatform::load(const std::string& key) {
    char* p = dah_js_load(key.c_str());
    if (!p) return std::nullopt;
    std::string s(p);
    std::free(p);
    return s;
}

std::string WebPlatform::export_file(const std::string& file_name, const std::string& mime_type, const std::string& text) {
    return dah_js_download(file_name.c_str(), mime_type.c_str(), text.c_str()) ? "Downloaded " + file_name
                                                                               : "The browser refused the download of " + file_name;
}

double WebPlatform::now_seconds() { return emscripten_get_now() / 1000.0; }

bool WebPlatform::pick_import_file() { return dah_js_pick_file() != 0; }

}  // namespace dah::ui
