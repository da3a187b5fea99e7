// Picture descriptions from JSON: kinds, feature types allowed per kind, keys allowed per feature,
// enums, ranges and counts, each error at its pointer.
#include "picture_reader.hpp"

#include <algorithm>
#include <utility>

#include "json_document.hpp"

namespace dah {

namespace {

using detail::ErrorSink;
using detail::json;
using detail::Need;
using detail::in_quotes;
using detail::ObjectReader;

template <class E>
struct Named {
    const char* id;
    E value;
};

const Named<PictureKind> kinds[] = {
    {"chest_xray", PictureKind::chest_xray},       {"ct_axial", PictureKind::ct_axial},
    {"histology", PictureKind::histology},         {"immunofluorescence", PictureKind::immunofluorescence},
    {"urine_microscopy", PictureKind::urine_microscopy}, {"bal_tubes", PictureKind::bal_tubes},
};
const Named<Side> sides[] = {{"left", Side::left}, {"right", Side::right}, {"both", Side::both}};
const Named<Zone> zones[] = {{"upper", Zone::upper}, {"middle", Zone::middle}, {"lower", Zone::lower}, {"all", Zone::all}};
const Named<OpacityPattern> patterns[] = {{"perihilar", OpacityPattern::perihilar}, {"diffuse", OpacityPattern::diffuse},
                                          {"patchy", OpacityPattern::patchy}, {"lower_zone", OpacityPattern::lower_zone}};
const Named<Appearance> appearances[] = {{"ground_glass", Appearance::ground_glass},
                                         {"consolidation", Appearance::consolidation},
                                         {"crazy_paving", Appearance::crazy_paving}};
const Named<Amount> amounts[] = {{"small", Amount::small}, {"moderate", Amount::moderate}, {"large", Amount::large}};
const Named<SparingSite> sites[] = {{"peripheral", SparingSite::peripheral}, {"apical", SparingSite::apical}};
const Named<CtLevel> levels[] = {{"upper", CtLevel::upper}, {"hilar", CtLevel::hilar}, {"lower", CtLevel::lower}};
const Named<Tissue> tissues[] = {{"lung", Tissue::lung}, {"kidney", Tissue::kidney}};

// Which picture kinds a feature type may appear in, as bits of 1 << PictureKind.
constexpr unsigned bit(PictureKind k) { return 1u << static_cast<unsigned>(k); }
constexpr unsigned xray = bit(PictureKind::chest_xray), ct = bit(PictureKind::ct_axial);

struct FeatureSpec {
    const char* id;
    FeatureType type;
    unsigned kinds;
    std::vector<std::string> required, optional;  // keys besides "type" and "label"
};

const std::vector<FeatureSpec>& feature_specs() {
    static const std::vector<FeatureSpec> specs = {
        {"opacity", FeatureType::opacity, xray | ct, {"side", "pattern", "density"}, {"zone", "appearance"}},
        {"nodule", FeatureType::nodule, xray | ct, {"side", "size_mm"}, {"zone", "cavitated", "count"}},
        {"effusion", FeatureType::effusion, xray | ct, {"side", "amount"}, {}},
        {"heart", FeatureType::heart, xray, {"ratio"}, {}},
        {"septal_lines", FeatureType::septal_lines, xray, {"side"}, {}},
        {"septal_thickening", FeatureType::septal_thickening, ct, {"side"}, {}},
        {"sparing", FeatureType::sparing, xray | ct, {"site"}, {}},
        {"alveolar_blood", FeatureType::alveolar_blood, bit(PictureKind::histology), {"density"}, {}},
        {"capillaritis", FeatureType::capillaritis, bit(PictureKind::histology), {"density"}, {}},
        {"hemosiderin_macrophages", FeatureType::hemosiderin_macrophages, bit(PictureKind::histology), {"count"}, {}},
        {"linear_igg", FeatureType::linear_igg, bit(PictureKind::immunofluorescence), {"density"}, {}},
        {"granular_deposits", FeatureType::granular_deposits, bit(PictureKind::immunofluorescence), {"density"}, {}},
        {"rbc_casts", FeatureType::rbc_casts, bit(PictureKind::urine_microscopy), {"count"}, {}},
        {"dysmorphic_rbcs", FeatureType::dysmorphic_rbcs, bit(PictureKind::urine_microscopy), {"count"}, {}},
        {"isomorphic_rbcs", FeatureType::isomorphic_rbcs, bit(PictureKind::urine_microscopy), {"count"}, {}},
        {"aliquot", FeatureType::aliquot, bit(PictureKind::bal_tubes), {"density"}, {}},
    };
    return specs;
}

// The index of the id read at `key` in a table of Named<E> (`stride` bytes apart), or -1 with the error
// reported; one function for every enum, so the WebAssembly carries it once.
int read_enum_index(ErrorSink& sink, ObjectReader& r, const char* key, const void* table, std::size_t n,
                    std::size_t stride, Need need) {
    std::string id;
    if (!r.string(key, id, need)) return -1;
    const auto name = [&](std::size_t i) {
        return *reinterpret_cast<const char* const*>(static_cast<const char*>(table) + i * stride);
    };
    for (std::size_t i = 0; i < n; ++i)
        if (id == name(i)) return static_cast<int>(i);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) ids.emplace_back(name(i));
    sink.error(r.pointer_of(key), {"unknown ", key, " ", in_quotes(id), "; expected one of: ", detail::join(ids)});
    return -1;
}

// Reads an enum member by id; `key` names it in the message ("side", "pattern", ...).
template <class E, std::size_t N>
bool read_enum(ErrorSink& sink, ObjectReader& r, const char* key, const Named<E> (&table)[N], E& out, Need need) {
    const int i = read_enum_index(sink, r, key, table, N, sizeof(Named<E>), need);
    if (i >= 0) out = table[i].value;
    return i >= 0;
}

bool read_range(ErrorSink& sink, ObjectReader& r, const char* key, double lo, double hi, double& out, Need need) {
    double x = 0;
    if (!r.number(key, x, need)) return false;
    if (!(x >= lo && x <= hi)) {
        sink.error(r.pointer_of(key), {key, " ", detail::format_number(x), " out of range; expected a number in [", detail::format_number(lo), ", ", detail::format_number(hi), "]"});
        return false;
    }
    out = x;
    return true;
}

bool read_count(ErrorSink& sink, ObjectReader& r, const char* key, int lo, int hi, int& out, Need need) {
    int n = 0;
    if (!r.integer(key, n, need)) return false;
    if (n < lo || n > hi) {
        sink.error(r.pointer_of(key), {key, " ", std::to_string(n), " out of range; expected an integer from ", std::to_string(lo), " to ", std::to_string(hi)});
        return false;
    }
    out = n;
    return true;
}

bool read_text(ErrorSink& sink, ObjectReader& r, const char* key, std::size_t max_bytes, std::string& out, Need need) {
    if (!r.string(key, out, need)) return false;
    if (out.size() > max_bytes) {
        sink.error(r.pointer_of(key), {key, " of ", std::to_string(out.size()), " bytes is too long; expected at most ", std::to_string(max_bytes)});
        return false;
    }
    return true;
}

class PictureReader {
public:
    explicit PictureReader(ErrorSink& sink) : sink_(sink) {}

    bool read(const json& value, const std::string& at, Picture& p) {
        const std::size_t errors_before = sink_.count();
        ObjectReader r(sink_, value, at, {"kind", "seed", "caption", "level", "tissue", "features"});
        if (!r.is_object()) return false;
        const bool kind_ok = read_enum(sink_, r, "kind", kinds, p.kind, Need::required);
        int seed = 1;
        if (r.integer("seed", seed, Need::optional)) {
            if (seed < 0) sink_.error(r.pointer_of("seed"), {"seed ", std::to_string(seed), " out of range; expected an integer from 0 to 1000000000"});
            else p.seed = static_cast<std::uint32_t>(seed);
        }
        read_text(sink_, r, "caption", PictureLimits::max_caption_bytes, p.caption, Need::required);
        if (r.get("level", Need::optional) && kind_ok && p.kind != PictureKind::ct_axial) {
            sink_.error_at_key(r.pointer_of("level"), "\"level\" applies to a ct_axial picture only");
        } else {
            read_enum(sink_, r, "level", levels, p.level, Need::optional);
        }
        if (r.get("tissue", Need::optional) && kind_ok && p.kind != PictureKind::immunofluorescence) {
            sink_.error_at_key(r.pointer_of("tissue"), "\"tissue\" applies to an immunofluorescence picture only");
        } else {
            read_enum(sink_, r, "tissue", tissues, p.tissue, Need::optional);
        }
        if (const json* features = r.array("features", Need::required)) {
            if (features->size() > PictureLimits::max_features) {
                sink_.error(r.pointer_of("features"), {std::to_string(features->size()), " features; expected at most ", std::to_string(PictureLimits::max_features)});
            } else {
                bool all_ok = true;
                for (std::size_t i = 0; i < features->size(); ++i) {
                    PictureFeature f;
                    if (read_feature((*features)[i], r.pointer_of("features") + "/" + std::to_string(i), kind_ok, p.kind, f))
                        p.features.push_back(std::move(f));
                    else
                        all_ok = false;
                }
                // Counting rules only once every feature is readable, so one bad feature gives one error.
                if (kind_ok && all_ok) check_whole(p, r.pointer_of("features"));
            }
        }
        return sink_.count() == errors_before;
    }

private:
    bool read_feature(const json& value, const std::string& at, bool kind_ok, PictureKind kind, PictureFeature& f) {
        const std::size_t errors_before = sink_.count();
        ObjectReader r(sink_, value, at,
                       {"type", "label", "side", "zone", "pattern", "appearance", "amount", "site", "density", "size_mm",
                        "cavitated", "count", "ratio"});
        if (!r.is_object()) return false;
        read_text(sink_, r, "label", PictureLimits::max_label_bytes, f.label, Need::optional);
        std::string type;
        if (!r.id("type", type, Need::required)) return false;
        const auto& specs = feature_specs();
        auto spec = std::find_if(specs.begin(), specs.end(), [&](const FeatureSpec& s) { return type == s.id; });
        if (spec == specs.end()) {
            std::vector<std::string> ids;
            for (const auto& s : specs) ids.emplace_back(s.id);
            sink_.error(r.pointer_of("type"), {"unknown feature type ", in_quotes(type), "; expected one of: ", detail::join(ids)});
            return false;
        }
        f.type = spec->type;
        if (kind_ok && !(spec->kinds & bit(kind))) {
            std::vector<std::string> allowed;
            for (const auto& s : specs)
                if (s.kinds & bit(kind)) allowed.emplace_back(s.id);
            sink_.error(r.pointer_of("type"), {"feature ", in_quotes(type), " does not belong in a ", in_quotes(picture_kind_id(kind)), " picture; expected one of: ", detail::join(allowed)});
            return false;
        }
        // Keys that exist but do not apply to this type (or to this kind, for the CT/X-ray differences).
        std::vector<std::string> allowed = {"type", "label"};
        allowed.insert(allowed.end(), spec->required.begin(), spec->required.end());
        for (const std::string& k : spec->optional) {
            const bool xray_only = k == "zone";
            const bool ct_only = k == "appearance";
            if ((xray_only && kind == PictureKind::ct_axial) || (ct_only && kind == PictureKind::chest_xray)) continue;
            allowed.push_back(k);
        }
        for (const JsonMember& m : value.members()) {
            // Keys unknown to every feature type were reported by ObjectReader already.
            if (std::find(allowed.begin(), allowed.end(), m.key) == allowed.end() && is_feature_key(m.key)) {
                sink_.error_at_key(r.pointer_of(m.key), {"key ", in_quotes(m.key), " does not apply to ", in_quotes(type), (kind_ok ? " in a " + std::string(picture_kind_id(kind)) + " picture" : ""), "; expected one of: ", detail::join(allowed)});
            }
        }
        auto need = [&](const char* key) {
            return std::find(spec->required.begin(), spec->required.end(), key) != spec->required.end() ? Need::required
                                                                                                          : Need::optional;
        };
        auto applies = [&](const char* key) { return std::find(allowed.begin(), allowed.end(), key) != allowed.end(); };
        if (applies("side")) read_enum(sink_, r, "side", sides, f.side, need("side"));
        if (applies("zone")) read_enum(sink_, r, "zone", zones, f.zone, need("zone"));
        if (applies("pattern")) read_enum(sink_, r, "pattern", patterns, f.pattern, need("pattern"));
        if (applies("appearance")) read_enum(sink_, r, "appearance", appearances, f.appearance, need("appearance"));
        if (applies("amount")) read_enum(sink_, r, "amount", amounts, f.amount, need("amount"));
        if (applies("site") && read_enum(sink_, r, "site", sites, f.site, need("site")) && kind == PictureKind::ct_axial &&
            f.site == SparingSite::apical) {
            sink_.error(r.pointer_of("site"), "apical sparing is not seen on one axial slice; expected \"peripheral\" on a ct_axial picture");
        }
        if (applies("density")) read_range(sink_, r, "density", 0, 1, f.density, need("density"));
        if (applies("size_mm"))
            read_range(sink_, r, "size_mm", PictureLimits::min_nodule_mm, PictureLimits::max_nodule_mm, f.size_mm, need("size_mm"));
        if (applies("ratio")) read_range(sink_, r, "ratio", 0.3, 0.8, f.ratio, need("ratio"));
        if (applies("count")) {
            const int max = f.type == FeatureType::nodule ? PictureLimits::max_nodules : PictureLimits::max_count;
            read_count(sink_, r, "count", 1, max, f.count, need("count"));
        }
        if (applies("cavitated")) {
            if (const json* v = r.get("cavitated", Need::optional)) {
                if (v->is_boolean()) f.cavitated = v->boolean();
                else sink_.error(r.pointer_of("cavitated"), {"expected true or false, found ", detail::type_name(*v)});
            }
        }
        return sink_.count() == errors_before;
    }

    static bool is_feature_key(const std::string& key) {
        static const char* const keys[] = {"type", "label", "side", "zone", "pattern", "appearance", "amount",
                                           "site", "density", "size_mm", "cavitated", "count", "ratio"};
        return std::any_of(std::begin(keys), std::end(keys), [&](const char* k) { return key == k; });
    }

    // Rules about the picture as a whole: one heart, aliquots in a BAL picture, nodules bounded.
    void check_whole(const Picture& p, const std::string& at) {
        auto count_of = [&](FeatureType t) {
            return std::count_if(p.features.begin(), p.features.end(), [&](const PictureFeature& f) { return f.type == t; });
        };
        if (count_of(FeatureType::heart) > 1) sink_.error(at, "more than one \"heart\" feature; expected at most one");
        if (p.kind == PictureKind::bal_tubes) {
            const auto n = count_of(FeatureType::aliquot);
            if (n < 2 || n > PictureLimits::max_aliquots) {
                sink_.error(at, {"a bal_tubes picture has ", std::to_string(n), " aliquots; expected 2 to ", std::to_string(PictureLimits::max_aliquots)});
            }
        }
        int nodules = 0;
        for (const PictureFeature& f : p.features)
            if (f.type == FeatureType::nodule) nodules += f.count;
        if (nodules > PictureLimits::max_nodules) {
            sink_.error(at, {std::to_string(nodules), " nodules in all; expected at most ", std::to_string(PictureLimits::max_nodules)});
        }
    }

    ErrorSink& sink_;
};

}  // namespace

namespace detail {

bool read_picture(ErrorSink& sink, const json& value, const std::string& pointer, Picture& out) {
    return PictureReader(sink).read(value, pointer, out);
}

bool read_pictures(ErrorSink& sink, const json& list, const std::string& pointer, std::vector<Picture>& out) {
    if (list.size() > PictureLimits::max_pictures_per_stage) {
        sink.error(pointer, {std::to_string(list.size()), " pictures; expected at most ", std::to_string(PictureLimits::max_pictures_per_stage)});
        return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < list.size(); ++i) {
        Picture p;
        if (read_picture(sink, list[i], pointer + "/" + std::to_string(i), p)) out.push_back(std::move(p));
        else ok = false;
    }
    return ok;
}

}  // namespace detail

std::string_view picture_kind_id(PictureKind kind) {
    for (const auto& k : kinds)
        if (k.value == kind) return k.id;
    return "chest_xray";
}

std::string_view feature_type_id(FeatureType type) {
    for (const auto& s : feature_specs())
        if (s.type == type) return s.id;
    return "opacity";
}

Loaded<Picture> load_picture(std::string_view json_text, std::string_view file_name) {
    Loaded<Picture> result;
    detail::JsonDocument doc = detail::parse_document(json_text, file_name, result.errors);
    if (doc.parsed) {
        ErrorSink sink(file_name, doc.root, result.errors);
        Picture p;
        if (detail::read_picture(sink, doc.root, "", p) && result.errors.empty()) result.value = std::move(p);
    }
    detail::finish_errors(result.errors);
    return result;
}

}  // namespace dah
