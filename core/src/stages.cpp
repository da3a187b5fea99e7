// The six stages: ids as used in the JSON files and names shown to learners.
#include "dah/knowledge_base.hpp"

namespace dah {

std::string_view stage_id(Stage stage) {
    switch (stage) {
        case Stage::history: return "history";
        case Stage::bal: return "bal";
        case Stage::labs: return "labs";
        case Stage::imaging: return "imaging";
        case Stage::biopsy: return "biopsy";
        case Stage::course: return "course";
    }
    return "history";
}

std::string_view stage_name(Stage stage) {
    switch (stage) {
        case Stage::history: return "History and exam";
        case Stage::bal: return "Bronchoalveolar lavage";
        case Stage::labs: return "Laboratory tests";
        case Stage::imaging: return "Imaging";
        case Stage::biopsy: return "Biopsy";
        case Stage::course: return "Course";
    }
    return "History and exam";
}

bool stage_from_id(std::string_view id, Stage& out) {
    for (Stage s : all_stages) {
        if (stage_id(s) == id) {
            out = s;
            return true;
        }
    }
    return false;
}

}  // namespace dah
