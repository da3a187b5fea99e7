// The tutor's commands: each checks that it applies, changes the state, logs the learner's action
// and marks the result outdated.
#include "dah/tutor/tutor.hpp"

#include <algorithm>
#include <chrono>

#include "dah/scoring.hpp"

namespace dah::tutor {

namespace {

std::vector<std::pair<std::string, double>> by_diagnosis_id(const KnowledgeBase& kb, const std::vector<double>& p) {
    std::vector<std::pair<std::string, double>> out;
    for (std::size_t d = 0; d < p.size() && d < kb.diagnoses.size(); ++d) out.emplace_back(kb.diagnoses[d].id, p[d]);
    return out;
}

std::vector<std::pair<std::string, double>> by_group_id(const KnowledgeBase& kb, const std::vector<double>& q) {
    std::vector<std::pair<std::string, double>> out;
    for (std::size_t g = 0; g < q.size() && g < kb.groups.size(); ++g) out.emplace_back(kb.groups[g].id, q[g]);
    return out;
}

}  // namespace

double Tutor::system_clock() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

Tutor::Tutor(Clock clock) : clock_(std::move(clock)) {}

void Tutor::changed(bool unsaved) {
    ++revision_;
    unsaved_ = unsaved_ || unsaved;
}

bool Tutor::take_unsaved() {
    const bool was = unsaved_;
    unsaved_ = false;
    return was;
}

Event Tutor::event_for(const std::string& type) const {
    Event e;
    e.time = clock_ ? clock_() : 0;
    e.type = type;
    if (open_ >= 0) {
        e.case_id = library_.cases[static_cast<std::size_t>(open_)].data.id;
        e.stage = stage_;
    }
    return e;
}

void Tutor::log(Event e) { events_.add(std::move(e)); }

// --- the library ---------------------------------------------------------------------------------

void Tutor::load(const std::vector<InputFile>& files) {
    const std::string open_id = open_ >= 0 ? library_.cases[static_cast<std::size_t>(open_)].data.id : "";
    std::vector<InputFile> imports;
    for (const CaseEntry& e : library_.cases)
        if (e.imported) imports.push_back({e.file, e.source});
    library_ = load_library(files);
    for (const InputFile& f : imports) add_import(library_, f);
    open_ = library_.index_of(open_id);
    if (open_ < 0) close_case();
    explorer_outdated_ = true;
    engine_ = {};
    changed(false);
}

std::vector<Diagnostic> Tutor::import_case(const InputFile& file, std::string* case_id) {
    std::vector<Diagnostic> errors = add_import(library_, file, case_id);
    if (errors.empty()) changed();
    return errors;
}


// --- the learner's walk --------------------------------------------------------------------------

CaseSession& Tutor::session_of(int case_index) {
    const CaseEntry& entry = library_.cases.at(static_cast<std::size_t>(case_index));
    CaseSession& s = sessions_[entry.data.id];
    const std::size_t n_diag = library_.kb ? library_.kb->diagnoses.size() : 0;
    if (s.answers.size() != entry.data.stages.size()) s.answers.resize(entry.data.stages.size());
    for (auto& a : s.answers) {
        if (a.draft.size() != n_diag) {
            a.draft = even_spread(*library_.kb);
            a.draft_causes = 0;
        }
        if (a.committed && a.committed_p.size() != n_diag) a.committed = false;
        if (a.committed && a.committed_groups.size() != library_.kb->groups.size())
            a.committed_groups = group_totals(*library_.kb, a.committed_p);
    }
    s.reached = std::clamp(s.reached, 0, std::max(0, static_cast<int>(entry.data.stages.size()) - 1));
    return s;
}

const CaseSession* Tutor::session(int case_index) const {
    if (case_index < 0 || case_index >= static_cast<int>(library_.cases.size())) return nullptr;
    const auto it = sessions_.find(library_.cases[static_cast<std::size_t>(case_index)].data.id);
    return it == sessions_.end() ? nullptr : &it->second;
}

bool Tutor::open_case(int index) {
    if (index < 0 || index >= static_cast<int>(library_.cases.size()) || !library_.kb) return false;
    CaseSession& s = session_of(index);
    open_ = index;
    stage_ = s.reached;
    what_if_.reset();
    log(event_for("open"));
    changed();
    return true;
}

bool Tutor::open_case(const std::string& case_id) { return open_case(library_.index_of(case_id)); }

void Tutor::close_case() {
    open_ = -1;
    stage_ = 0;
    what_if_.reset();
    changed(false);
}

bool Tutor::view_stage(int stage) {
    if (open_ < 0) return false;
    const CaseSession& s = session_of(open_);
    if (stage < 0 || stage > s.reached) return false;
    if (stage == stage_) return true;
    stage_ = stage;
    what_if_.reset();
    log(event_for("view"));
    changed(false);
    return true;
}

StageAnswer* Tutor::editable_answer() {
    if (open_ < 0) return nullptr;
    CaseSession& s = session_of(open_);
    StageAnswer& a = s.answers[static_cast<std::size_t>(s.reached)];
    return stage_ == s.reached && !a.committed ? &a : nullptr;
}

bool Tutor::set_groups(const std::vector<double>& groups) {
    StageAnswer* a = editable_answer();
    if (!a || groups.size() != library_.kb->groups.size()) return false;
    for (double q : groups)
        if (!(q >= 0)) return false;
    set_group_totals(*library_.kb, a->draft, groups);
    changed();
    return true;
}

bool Tutor::set_group(int group, double value) {
    StageAnswer* a = editable_answer();
    if (!a || group < 0 || group >= static_cast<int>(library_.kb->groups.size())) return false;
    std::vector<double> q = group_totals(*library_.kb, a->draft);
    tutor::set_probability(q, group, value);
    return set_groups(q);
}

bool Tutor::set_cause_share(int diagnosis, double share) {
    StageAnswer* a = editable_answer();
    if (!a || !set_share_in_group(*library_.kb, a->draft, diagnosis, share)) return false;
    a->draft_causes |= 1u << library_.kb->diagnoses[static_cast<std::size_t>(diagnosis)].group;
    changed();
    return true;
}

bool Tutor::set_probability(int diagnosis, double value, const std::vector<int>& held) {
    StageAnswer* a = editable_answer();
    if (!a || diagnosis < 0 || diagnosis >= static_cast<int>(a->draft.size())) return false;
    tutor::set_probability(a->draft, diagnosis, value, held);
    a->draft_causes = all_groups(*library_.kb);
    changed();
    return true;
}

bool Tutor::set_draft(const std::vector<double>& p) {
    StageAnswer* a = editable_answer();
    if (!a || p.size() != a->draft.size()) return false;
    a->draft = normalised(p);
    a->draft_causes = all_groups(*library_.kb);
    changed();
    return true;
}

bool Tutor::spread_evenly() {
    StageAnswer* a = editable_answer();
    if (!a) return false;
    a->draft = even_spread(*library_.kb);
    a->draft_causes = 0;
    changed();
    return true;
}

bool Tutor::commit(const std::vector<double>& p) { return commit_answer(p, all_groups(*library_.kb)); }

bool Tutor::commit_groups(const std::vector<double>& groups) {
    StageAnswer* a = editable_answer();
    if (!a || groups.size() != library_.kb->groups.size()) return false;
    std::vector<double> p = a->draft;
    set_group_totals(*library_.kb, p, groups);
    return commit_answer(p, 0);
}

bool Tutor::commit_answer(const std::vector<double>& p, unsigned causes_of) {
    StageAnswer* a = editable_answer();
    if (!a || p.size() != a->draft.size()) return false;
    a->draft = normalised(p);
    a->draft_causes = causes_of & all_groups(*library_.kb);
    return commit();
}

bool Tutor::commit() {
    StageAnswer* a = editable_answer();
    if (!a) return false;
    const KnowledgeBase& kb = *library_.kb;
    const CaseEntry& entry = library_.cases[static_cast<std::size_t>(open_)];
    a->committed_p = normalised(a->draft);
    a->draft = a->committed_p;
    a->committed = true;
    a->causes_of = a->draft_causes & all_groups(kb);
    a->level = level_of(kb, a->causes_of);
    a->committed_groups = group_totals(kb, a->committed_p);
    // Scored on what was answered, the engine on the same outcomes.
    std::vector<double> outcomes;
    int truth = answered_outcomes(kb, a->committed_p, a->causes_of, entry.data.answer, outcomes);
    a->learner_brier = brier_score(outcomes, truth);
    a->learner_log_bits = log_score_bits(outcomes, truth);
    if (stage_ < static_cast<int>(entry.replay.size())) {
        truth = answered_outcomes(kb, entry.replay[static_cast<std::size_t>(stage_)].posterior, a->causes_of, entry.data.answer, outcomes);
        a->engine_brier = brier_score(outcomes, truth);
        a->engine_log_bits = log_score_bits(outcomes, truth);
    }
    CaseSession& s = session_of(open_);
    const bool all = std::all_of(s.answers.begin(), s.answers.end(), [](const StageAnswer& x) { return x.committed; });
    if (all && !s.finished) {
        s.finished = true;
        s.finished_at = clock_ ? clock_() : 0;
        CaseProgress& p = progress_[entry.data.id];
        p.done = true;
        p.best_score = std::max(p.best_score, case_score(s, true));
    }
    Event e = event_for("commit");
    e.values = by_diagnosis_id(kb, a->committed_p);
    e.level = level_id(a->level);
    e.groups = by_group_id(kb, a->committed_groups);
    if (a->level == CommitLevel::top_causes)
        for (std::size_t g = 0; g < kb.groups.size(); ++g)
            if (a->causes_of & (1u << g)) e.causes_of.push_back(kb.groups[g].id);
    log(std::move(e));
    changed();
    return true;
}

void Tutor::set_reveal_without_commit(bool on) {
    if (reveal_without_commit_ == on) return;
    reveal_without_commit_ = on;
    changed(false);
}

bool Tutor::reveal_next() {
    if (open_ < 0) return false;
    CaseSession& s = session_of(open_);
    if (s.reached + 1 >= static_cast<int>(s.answers.size())) return false;
    const StageAnswer& before = s.answers[static_cast<std::size_t>(s.reached)];
    if (!before.committed && !reveal_without_commit_) return false;
    s.reached += 1;
    StageAnswer& next = s.answers[static_cast<std::size_t>(s.reached)];
    // The learner starts the new stage from where they left the last one, at the same level.
    if (!next.committed) {
        next.draft = before.committed ? before.committed_p : before.draft;
        next.draft_causes = before.committed ? before.causes_of : before.draft_causes;
    }
    stage_ = s.reached;
    what_if_.reset();
    log(event_for("reveal"));
    changed();
    return true;
}

bool Tutor::reach_debrief() {
    if (open_ < 0) return false;
    log(event_for("debrief"));
    changed();
    return true;
}

bool Tutor::set_what_if(std::optional<Finding> f) {
    if (open_ < 0 || !library_.kb) return false;
    if (f) {
        // Only a revealed variable, with one of its values.
        const Case& c = library_.cases[static_cast<std::size_t>(open_)].data;
        bool revealed = false;
        for (int i = 0; i <= stage_ && i < static_cast<int>(c.stages.size()); ++i)
            for (const Finding& x : c.stages[static_cast<std::size_t>(i)].findings) revealed = revealed || x.variable == f->variable;
        if (!revealed) return false;
        const Variable& v = library_.kb->variables[static_cast<std::size_t>(f->variable)];
        if (f->value < 0 || f->value >= static_cast<int>(v.values.size())) return false;
        f->detail.clear();
    }
    if (what_if_ == f) return true;
    what_if_ = std::move(f);
    Event e = event_for("what_if");
    if (what_if_) {
        const Variable& v = library_.kb->variables[static_cast<std::size_t>(what_if_->variable)];
        e.variable = v.id;
        e.value = v.values[static_cast<std::size_t>(what_if_->value)].id;
    }
    log(std::move(e));
    changed();
    return true;
}

bool Tutor::weigh(int group_for, int group_against) {
    if (!library_.kb) return false;
    const int n = static_cast<int>(library_.kb->groups.size());
    if (group_for < -1 || group_for >= n || group_against < -1 || group_against >= n) return false;
    why_for_ = group_for;
    why_against_ = group_against;
    changed(false);
    return true;
}

bool Tutor::restart_case(int index) {
    if (index < 0 || index >= static_cast<int>(library_.cases.size())) return false;
    const std::string& id = library_.cases[static_cast<std::size_t>(index)].data.id;
    sessions_.erase(id);
    votes_.erase(id);
    Event e = event_for("restart");
    e.case_id = id;
    e.stage = -1;
    log(std::move(e));
    if (open_ == index) {  // the case stays open, at its first stage, with fresh answers
        session_of(index);
        stage_ = 0;
        what_if_.reset();
    }
    changed();
    return true;
}

// The next learner (a kiosk's) finds nothing of the last one: answers, scores, votes and the log.
void Tutor::reset() {
    sessions_.clear();
    progress_.clear();
    votes_.clear();
    events_.clear();
    close_case();
    why_for_ = why_against_ = -1;
    Event e = event_for("reset");
    log(std::move(e));
    changed();
}

// --- the class vote ------------------------------------------------------------------------------

std::vector<int>* Tutor::vote_counts() {
    if (open_ < 0 || !library_.kb) return nullptr;
    std::vector<int>& v = votes_[library_.cases[static_cast<std::size_t>(open_)].data.id][stage_];
    v.resize(library_.kb->groups.size(), 0);
    return &v;
}

bool Tutor::set_votes(const std::vector<int>& new_counts) {
    std::vector<int>* counts = vote_counts();
    if (!counts || new_counts.size() != counts->size()) return false;
    int total = 0;
    for (std::size_t g = 0; g < counts->size(); ++g) total += (*counts)[g] = std::clamp(new_counts[g], 0, 100000);
    // The hall's vote becomes the stage's draft while it is open (the first question only), so the
    // player shows it too and showing the engine commits it.
    if (StageAnswer* a = editable_answer(); a && total > 0) {
        set_group_totals(*library_.kb, a->draft, std::vector<double>(counts->begin(), counts->end()));
        a->draft_causes = 0;
    }
    Event e = event_for("vote");
    for (std::size_t g = 0; g < counts->size(); ++g)
        if ((*counts)[g] > 0) e.counts.emplace_back(library_.kb->groups[g].id, (*counts)[g]);
    log(std::move(e));
    changed();
    return true;
}

bool Tutor::set_vote(int group, int count) {
    const std::vector<int>* counts = vote_counts();
    if (!counts || group < 0 || group >= static_cast<int>(counts->size())) return false;
    std::vector<int> next = *counts;
    next[static_cast<std::size_t>(group)] = count;
    return set_votes(next);
}

bool Tutor::change_vote(int group, int delta) {
    const std::vector<int>* counts = vote_counts();
    if (!counts || group < 0 || group >= static_cast<int>(counts->size())) return false;
    return set_vote(group, (*counts)[static_cast<std::size_t>(group)] + delta);
}

}  // namespace dah::tutor
