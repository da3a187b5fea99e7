// The hall's phones (class mode in the page, shell/class_mode.js) vote on the four groups; their counts
// become the class vote when the stage they answer is the one on screen, so E scores the hall in the
// tutor exactly as typed hands would be.
#include "ui/app.hpp"

namespace dah::ui {

bool set_class_votes(AppState& app, const std::string& case_id, int stage,
                     const std::vector<std::pair<std::string, int>>& counts_by_group) {
    const tutor::Result& r = app.tutor.result();
    const KnowledgeBase* kb = app.tutor.kb();
    if (!kb || !r.open || r.open->entry->data.id != case_id || r.open->stage != stage) return false;
    std::vector<int> counts(kb->groups.size(), 0);
    for (const auto& [group, count] : counts_by_group) {
        const int g = kb->group_index(group);
        if (g < 0 || count < 0) return false;
        counts[static_cast<std::size_t>(g)] = count;
    }
    return app.tutor.set_votes(counts);
}

}  // namespace dah::ui
