// The tutor: the learner's side of DAH Tutor as a UI-free library over the core. It holds the library,
// the answers and progress of every case, the class vote and the event log; it takes commands and
// exposes one cached Result. Every front end (the ImGui app, `dah session`, the tests) goes through it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dah/tutor/events.hpp"
#include "dah/tutor/library.hpp"
#include "dah/tutor/result.hpp"
#include "dah/tutor/session.hpp"

namespace dah::tutor {

// What restoring saved progress found. A file that cannot be read whole is kept by the front end
// (`keep_original`) before anything is saved over it.
struct RestoreOutcome {
    bool ok = true;
    std::string notice;  // for the learner; empty when all was read
    bool keep_original = false;
};

class Tutor {
public:
    using Clock = std::function<double()>;  // seconds since 1970-01-01 UTC
    static double system_clock();

    explicit Tutor(Clock clock = system_clock);

    // --- the library
    void load(const std::vector<InputFile>& files);  // replaces the library; answers by case id stay
    std::vector<Diagnostic> import_case(const InputFile& file, std::string* case_id = nullptr);  // empty = accepted
    std::vector<Diagnostic> restore_imports(const std::string& saved_json);  // errors of saved imports that no longer load
    std::string imports_json() const;
    const Library& library() const { return library_; }
    const KnowledgeBase* kb() const { return library_.kb ? &*library_.kb : nullptr; }

    // --- the learner's walk. Each returns false when it does not apply (and changes nothing).
    bool open_case(int index);
    bool open_case(const std::string& case_id);
    void close_case();
    bool view_stage(int stage);  // any revealed stage
    // The draft of the reached, uncommitted stage, at three levels: the four groups (the first question),
    // the causes within a group (optional), every cause (detailed: set_probability, set_draft).
    bool set_groups(const std::vector<double>& groups);  // by group (knowledge-base order), normalised
    bool set_group(int group, double value);             // one group's share; the others rescale
    bool set_cause_share(int diagnosis, double share);   // its share of its group's total (0..1)
    // Detailed: the diagnoses in `held` keep their values while the others rescale.
    bool set_probability(int diagnosis, double value, const std::vector<int>& held = {});
    bool set_draft(const std::vector<double>& p);
    bool spread_evenly();  // back to the untouched answer: the groups even, even within each
    bool commit();                                       // the draft of the viewed (= reached) stage, at its level
    bool commit(const std::vector<double>& p);           // the given probabilities instead (detailed)
    bool commit_groups(const std::vector<double>& groups);  // the first question only (by group)
    bool reveal_next();
    bool reach_debrief();  // logs that the learner reached the debrief
    bool set_what_if(std::optional<Finding> f);       // a revealed variable with another value; nullopt = off
    bool weigh(int group_for, int group_against);     // "why it moved": which groups
    bool restart_case(int index);
    void reset();  // forgets every answer, score and vote, keeps the library and imports
    // A lecturer (presenter mode, free reveal) may reveal a stage without committing.
    void set_reveal_without_commit(bool on);

    // --- the class vote (presenter mode), at the viewed stage of the open case: hands for the four
    // answers to the first question. `counts` by group in the knowledge base's order (kb()->groups:
    // immune, coagulopathic, both, other); the whole show of hands at once, replacing the last.
    bool set_votes(const std::vector<int>& counts);
    bool set_vote(int group, int count);
    bool change_vote(int group, int delta);

    // --- commands as events: applies one (from `dah session` or a saved log); false when refused
    bool apply(const Event& command);

    // --- reading
    const Result& result() const;         // recomputed once after a change
    bool result_outdated() const { return computed_revision_ != revision_; }  // result() would recompute
    const ExplorerTable& explorer() const;  // computed once per knowledge base
    int engine_computations() const { return engine_computations_; }  // the engine asked anew, for tests
    const ProgressReport& progress_report() const;  // "My progress": recomputed once after a change
    const EventLog& events() const { return events_; }
    const CaseSession* session(int case_index) const;
    const std::map<std::string, CaseProgress>& progress() const { return progress_; }
    int open_index() const { return open_; }
    int viewed_stage() const { return stage_; }

    // --- persistence (text: the front end stores it where it can)
    std::string progress_json() const;
    RestoreOutcome restore_progress(const std::string& text);
    // True once after each change worth saving (answers, progress, votes, events).
    bool take_unsaved();

    // --- exports of one case's answers
    std::string answers_json(int case_index) const;
    std::string answers_csv(int case_index) const;

private:
    CaseSession& session_of(int case_index);
    StageAnswer* editable_answer();
    bool commit_answer(const std::vector<double>& p, unsigned causes_of);
    void changed(bool unsaved = true);
    void log(Event e);
    Event event_for(const std::string& type) const;
    std::vector<int>* vote_counts();
    void refresh() const;
    // The engine's answers at the viewed stage: they depend only on the model (a load clears them), the
    // evidence before and at the stage, the stage's findings, the groups weighed and the what-if, so a
    // moved slider or a counted vote reuses them (result.cpp).
    struct EngineAnswers {
        std::vector<int> before, here;
        std::vector<Finding> findings;
        int why_for = -1, why_against = -1;
        std::optional<Finding> what_if;
        std::vector<CausePresent> causes;
        std::vector<WhyRow> why;
        std::vector<TestSuggestion> next_tests;
        std::vector<double> what_if_posterior, what_if_groups;
    };
    void fill_engine_answers(CaseView& v, const CaseEntry& e) const;

    Clock clock_;
    Library library_;
    std::map<std::string, CaseSession> sessions_;  // by case id
    std::map<std::string, CaseProgress> progress_;  // by case id
    Votes votes_;
    EventLog events_;
    int open_ = -1;   // the open case, -1 = none
    int stage_ = 0;   // the viewed stage of the open case
    std::optional<Finding> what_if_;
    int why_for_ = -1, why_against_ = -1;  // -1 = immune against coagulopathic
    bool reveal_without_commit_ = false;
    bool unsaved_ = false;

    long revision_ = 1;
    mutable EngineAnswers engine_;
    mutable int engine_computations_ = 0;
    mutable long computed_revision_ = 0;
    mutable Result result_;
    mutable long report_revision_ = 0;
    mutable ProgressReport report_;
    mutable bool explorer_outdated_ = true;
    mutable ExplorerTable explorer_;
};

}  // namespace dah::tutor
