// Plain words for My progress and the debrief's replay: what the numbers say, for a person (and for
// state(), which reports the same sentences).
#pragma once

#include <string>

#include "dah/tutor/library.hpp"
#include "dah/tutor/progress_report.hpp"

namespace dah::ui {

std::string progress_summary_words(const tutor::ProgressReport& r);  // empty, one case, many
std::string stage_trend_words(const tutor::ProgressReport& r);       // history against labs

std::string finding_words(const KnowledgeBase& kb, const Finding& f);  // "ANCA: PR3-ANCA"
std::string move_words(const KnowledgeBase& kb, const tutor::CaseEntry& e, const tutor::FindingMove& m);
std::string widest_gap_words(const KnowledgeBase& kb, const tutor::CaseEntry& e, const tutor::CaseReplay& r);
std::string certainty_words(const tutor::CaseEntry& e, const tutor::CaseReplay& r);

}  // namespace dah::ui
