// The one place where the tutor asks the engine (the causal model): once per change for the Result,
// once per knowledge base for the explorer. Front ends only read what comes out.
#include <algorithm>
#include <cmath>

#include "dah/scoring.hpp"
#include "dah/sort_stably.hpp"
#include "dah/tutor/tutor.hpp"
#include "network_view.hpp"

namespace dah::tutor {

namespace {

std::string progress_label(const CaseSession* s, const CaseProgress* p) {
    if (p && p->done) return "done";
    if (s && (s->reached > 0 || std::any_of(s->answers.begin(), s->answers.end(), [](const StageAnswer& a) { return a.committed; })))
        return "in progress";
    return "not started";
}

// The two groups weighed in "why it moved": by default immune against coagulopathic, the question
// the product answers at a glance.
void why_groups(const KnowledgeBase& kb, int chosen_for, int chosen_against, int& a, int& b) {
    const int n = std::max<int>(1, static_cast<int>(kb.groups.size()));
    a = chosen_for >= 0 ? chosen_for : std::max(0, kb.group_index("immune"));  // the tutor's group ids
    b = chosen_against >= 0 ? chosen_against : kb.group_index("coagulopathic");
    if (b < 0 || b == a) b = (a + 1) % n;
}

// The hall answers the first question: scored on the groups, the engine's group totals beside it.
VoteResult vote_result(const std::vector<int>& counts, const std::vector<double>& engine_groups, int answer_group) {
    VoteResult v;
    v.counts = counts;
    for (int n : v.counts) v.total += n;
    if (v.total <= 0) return v;
    v.probabilities = normalised({v.counts.begin(), v.counts.end()});
    v.brier = brier_score(v.probabilities, answer_group);
    v.log_bits = log_score_bits(v.probabilities, answer_group);
    v.engine_brier = brier_score(engine_groups, answer_group);
    v.engine_log_bits = log_score_bits(engine_groups, answer_group);
    return v;
}

bool same_findings(const std::vector<Finding>& a, const std::vector<Finding>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const Finding& x, const Finding& y) { return x == y && x.detail == y.detail; });
}

}  // namespace

const Result& Tutor::result() const {
    if (computed_revision_ != revision_) refresh();
    return result_;
}

void Tutor::refresh() const {
    computed_revision_ = revision_;
    Result r;
    r.revision = revision_;
    for (const CaseEntry& e : library_.cases) {
        const auto s = sessions_.find(e.data.id);
        const auto p = progress_.find(e.data.id);
        const CaseProgress* prog = p == progress_.end() ? nullptr : &p->second;
        r.cards.push_back({progress_label(s == sessions_.end() ? nullptr : &s->second, prog), prog ? prog->best_score : -1});
    }
    const CaseSession* s = session(open_);
    if (open_ >= 0 && library_.kb && s) {
        const KnowledgeBase& kb = *library_.kb;
        const CaseEntry& e = library_.cases[static_cast<std::size_t>(open_)];
        CaseView v;
        v.index = open_;
        v.entry = &e;
        v.stage = std::clamp(stage_, 0, s->reached);
        v.reached = s->reached;
        v.finished = s->finished;
        v.answers = s->answers;
        v.answer = s->answers[static_cast<std::size_t>(v.stage)];
        v.stage_committed = v.answer.committed;
        v.at_last_stage = s->reached + 1 >= static_cast<int>(s->answers.size());
        v.can_reveal_next = !v.at_last_stage && (reveal_without_commit_ || s->answers[static_cast<std::size_t>(s->reached)].committed);
        const StageResult& here = e.replay[static_cast<std::size_t>(v.stage)];
        v.posterior = here.posterior;
        v.groups = here.groups;
        for (int i = 0; i <= v.stage; ++i) v.group_history.push_back(e.replay[static_cast<std::size_t>(i)].groups);
        for (int i = 0; i <= v.stage; ++i)
            for (const Finding& f : e.data.stages[static_cast<std::size_t>(i)].findings) v.revealed.push_back({i, f});
        why_groups(kb, why_for_, why_against_, v.why_for, v.why_against);
        fill_engine_answers(v, e);
        v.learner_case_score = case_score(*s, true);
        v.engine_case_score = case_score(*s, false);
        std::vector<int> counts(kb.groups.size(), 0);
        if (const auto c = votes_.find(e.data.id); c != votes_.end())
            if (const auto st = c->second.find(v.stage); st != c->second.end()) counts = st->second;
        const int answer_group = e.data.answer >= 0 ? kb.diagnoses[static_cast<std::size_t>(e.data.answer)].group : -1;
        v.vote = vote_result(counts, v.groups, answer_group);
        v.teaching_points = teaching_points_at(kb, e.data, v.stage);
        if (s->finished) v.replay = replay_case(library_, e, *s);
        r.open = std::move(v);
    }
    result_ = std::move(r);
}

void Tutor::fill_engine_answers(CaseView& v, const CaseEntry& e) const {
    const net::Network& n = *library_.network;
    const std::vector<int>& here = e.replay[static_cast<std::size_t>(v.stage)].evidence.value_of;
    const std::vector<int> before = v.stage > 0 ? e.replay[static_cast<std::size_t>(v.stage - 1)].evidence.value_of
                                                : net::Evidence::none(n).value_of;
    const std::vector<Finding>& findings = e.data.stages[static_cast<std::size_t>(v.stage)].findings;
    EngineAnswers& a = engine_;
    const bool same = a.here == here && a.before == before &&
                      same_findings(a.findings, findings) && a.why_for == v.why_for && a.why_against == v.why_against &&
                      a.what_if == what_if_;
    if (!same) {
        a = EngineAnswers{};
        a.before = before;
        a.here = here;
        a.findings = findings;
        a.why_for = v.why_for;
        a.why_against = v.why_against;
        a.what_if = what_if_;
        ++engine_computations_;
        const net::Evidence evidence{here};
        // Each cause's own probability: they coexist, so these show what the exclusive outcomes hide.
        if (const net::Posterior post = net::posterior_after(n, evidence); post.possible) {
            for (int c : n.causes) a.causes.push_back({c, post.present[static_cast<std::size_t>(c)]});
            sort_stably(a.causes, [](const CausePresent& x, const CausePresent& y) { return x.probability > y.probability; });
        }
        // Why it moved: each of this stage's findings given everything revealed before it.
        net::Evidence known{before};
        const net::Hypothesis ha = group_hypothesis(n, v.why_for), hb = group_hypothesis(n, v.why_against);
        for (const Finding& f : findings) {
            WhyRow row;
            row.finding = f;
            row.weight_db = net::weight_of_evidence_db(n, known, f.variable, f.value, ha, hb);
            row.likelihood_ratio = std::pow(10.0, row.weight_db / 10.0);
            node_sources(n, f.variable, row.sources, row.estimates);
            a.why.push_back(std::move(row));
            known.set(n, f.variable, f.value);
        }
        for (const net::TestSuggestion& t : net::suggest_next_tests(n, evidence)) a.next_tests.push_back({t.node, t.expected_bits});
        if (what_if_) {
            net::Evidence changed = evidence;
            changed.set(n, what_if_->variable, what_if_->value);
            a.what_if_posterior = net::outcome_distribution(n, library_.outcomes, changed);
            a.what_if_groups = net::outcome_group_totals(library_.outcomes, a.what_if_posterior);
        }
    }
    v.causes = a.causes;
    v.why = a.why;
    v.next_tests = a.next_tests;
    v.what_if = what_if_;
    v.what_if_posterior = a.what_if_posterior;
    v.what_if_groups = a.what_if_groups;
}

const ProgressReport& Tutor::progress_report() const {
    if (report_revision_ != revision_) {
        report_ = build_progress_report(library_, sessions_);
        report_revision_ = revision_;
    }
    return report_;
}

const ExplorerTable& Tutor::explorer() const {
    if (!explorer_outdated_) return explorer_;
    explorer_outdated_ = false;
    explorer_.clear();
    if (library_.network) explorer_ = explorer_lines(*library_.network);
    return explorer_;
}

}  // namespace dah::tutor
