// Look-ups by id in a loaded knowledge base.
#include "dah/knowledge_base.hpp"

namespace dah {

namespace {
template <class Items>
int index_of(const Items& items, std::string_view id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) return static_cast<int>(i);
    }
    return -1;
}
}  // namespace

int KnowledgeBase::group_index(std::string_view id) const { return index_of(groups, id); }
int KnowledgeBase::diagnosis_index(std::string_view id) const { return index_of(diagnoses, id); }
int KnowledgeBase::variable_index(std::string_view id) const { return index_of(variables, id); }

int KnowledgeBase::value_index(int variable, std::string_view value_id) const {
    if (variable < 0 || variable >= static_cast<int>(variables.size())) return -1;
    return index_of(variables[static_cast<std::size_t>(variable)].values, value_id);
}

const Source* KnowledgeBase::source(std::string_view id) const {
    const int i = index_of(sources, id);
    return i < 0 ? nullptr : &sources[static_cast<std::size_t>(i)];
}

}  // namespace dah
