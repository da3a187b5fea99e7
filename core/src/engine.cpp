// Engine: current evidence with a cached posterior, recomputed only after the evidence changed.
#include "dah/engine.hpp"

#include "posterior_detail.hpp"

namespace dah {

Engine::Engine(const KnowledgeBase& kb) : kb_(&kb), evidence_(Evidence::none(kb)) {}

void Engine::reveal(const Finding& f) {
    if (f.variable < 0 || static_cast<std::size_t>(f.variable) >= evidence_.value_of.size()) return;
    if (evidence_.value_of[static_cast<std::size_t>(f.variable)] == f.value) return;
    evidence_.set(f);
    outdated_ = true;
}

void Engine::hide(int variable) { reveal(Finding{variable, -1, {}}); }

void Engine::set_evidence(const Evidence& e) {
    Evidence resized = e;
    resized.value_of.resize(kb_->variables.size(), -1);
    if (resized == evidence_) return;
    evidence_ = std::move(resized);
    outdated_ = true;
}

void Engine::reset() { set_evidence(Evidence::none(*kb_)); }

const std::vector<double>& Engine::posterior() const {
    refresh();
    return posterior_;
}

const std::vector<double>& Engine::groups() const {
    refresh();
    return groups_;
}

void Engine::refresh() const {
    if (!outdated_) return;
    // Into the existing vectors: an update allocates nothing once they have their size.
    detail::posterior_into(*kb_, evidence_, posterior_);
    detail::group_totals_into(*kb_, posterior_, groups_);
    outdated_ = false;
    ++recomputations_;
}

}  // namespace dah
