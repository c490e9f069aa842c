// The Graphviz exporter: who is responsible for what, who works with whom.
//   view=responsibility  fields -> focus areas -> units, each field's focus areas in a cluster,
//                        units clustered by division between two halves of the fields
//   view=cooperation     units joined when they share focus areas, weighted by how many
//   view=fields          fields x units, weighted by the number of focus areas
// Large plans: field=, division=, collapse=true (units into divisions), min-weight=.
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <eduplan/exporter_sdk.hpp>
#include <map>
#include <set>

#include "dot_graph.h"

extern char** environ;

namespace eduplan::dot_exporter {
namespace {

using sdk::Request;
using sdk::view;

constexpr const char* kViews[] = {"responsibility", "cooperation", "fields", nullptr};
constexpr const char* kRender[] = {"none", "svg", "png", nullptr};

const eduplan_option_decl kOptions[] = {
    {"view", EDUPLAN_OPTION_ENUM, "responsibility", kViews,
     "responsibility: Felder, Schwerpunkte, Einheiten; cooperation: Einheiten mit gemeinsamen "
     "Schwerpunkten; "
     "fields: Felder x Einheiten"},
    {"field", EDUPLAN_OPTION_STRING, "", nullptr,
     "nur dieses Handlungsfeld (Titel, Groß-/Kleinschreibung egal)"},
    {"division", EDUPLAN_OPTION_STRING, "", nullptr,
     "nur Einheiten dieses Dezernats (Name, Groß-/Kleinschreibung egal)"},
    {"collapse", EDUPLAN_OPTION_BOOL, "false", nullptr,
     "Einheiten zu ihren Dezernaten zusammenfassen"},
    {"min-weight", EDUPLAN_OPTION_INT, "1", nullptr, "Kanten mit geringerem Gewicht weglassen"},
    {"render", EDUPLAN_OPTION_ENUM, "none", kRender,
     "mit Graphviz dot als SVG oder PNG ausgeben statt DOT"},
};
// Parallel to kOptions: only min-weight has a range.
const eduplan_option_range kRanges[] = {sdk::unbounded, sdk::unbounded, sdk::unbounded,
                                        sdk::unbounded, {1, 1000000},   sdk::unbounded};
static_assert(std::size(kRanges) == std::size(kOptions));

std::string str(eduplan_str s) { return std::string(view(s)); }

// Names compared the way a user types them: ASCII and Latin-1 letters (Ä, Ö, Ü, É, …) in
// either case, surrounding spaces ignored.
std::string folded(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto n = static_cast<unsigned char>(out[i + 1]);
      if (n >= 0x80 && n <= 0x9E && n != 0x97) out[i + 1] = static_cast<char>(n + 0x20);
      ++i;
    }
  }
  return out;
}

// "kein Handlungsfeld „Mint“ im Plan; es gibt: „MINT“, „Teilhabe“"
[[noreturn]] void not_found(const char* what, const std::string& wanted,
                            const std::vector<std::string>& names) {
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "„" : ", „") + n + "“";
  throw sdk::Failure(std::string("kein ") + what + " „" + wanted + "“ im Plan; es gibt: " +
                     (list.empty() ? std::string("keines") : list));
}

class Builder {
 public:
  explicit Builder(const Request& r)
      : r_(r),
        field_(r.option("field")),
        division_(r.option("division")),
        collapse_(r.flag("collapse")) {
    if (!field_.empty()) {
      std::vector<std::string> names;
      for (const auto& f : r.fields()) {
        names.push_back(str(f.title));
        if (folded(view(f.title)) == folded(field_)) field_title_ = str(f.title);
      }
      if (field_title_.empty()) not_found("Handlungsfeld", field_, names);
    }
    if (!division_.empty()) {
      std::vector<std::string> names;
      for (const auto& u : r.units()) {
        if (!u.is_division) continue;
        names.push_back(str(u.name));
        if (folded(view(u.name)) == folded(division_)) division_name_ = str(u.name);
      }
      if (division_name_.empty()) not_found("Dezernat", division_, names);
    }
  }

  Graph build(std::string_view kind) {
    Graph g;
    g.directed = kind != "cooperation";
    const auto right = right_side();
    for (std::size_t f = 0; f < r_.fields().size(); ++f) {
      const auto& field = r_.fields()[f];
      if (!field_title_.empty() && view(field.title) != field_title_) continue;
      const auto areas = Request::focus_areas(field);
      for (std::size_t a = 0; a < areas.size(); ++a) {
        std::vector<std::string> units;
        for (std::size_t u : Request::units_of(areas[a])) {
          if (in_division(u)) units.push_back(unit_node(g, u));
        }
        if (units.empty()) continue;
        if (kind == "responsibility") {
          // Each field's focus areas in a cluster of their own, the field at its head.
          const int cluster = cluster_of(g, "f" + std::to_string(f), str(field.title), "#F2F2F2");
          const std::string fid =
              g.node("f" + std::to_string(f + 1), wrap(str(field.title), 24), "box", cluster);
          const std::string aid = g.node("a" + std::to_string(f + 1) + "_" + std::to_string(a + 1),
                                         wrap(str(areas[a].text), 60), "note", cluster);
          // Fields on the right are laid out right to left: units in the middle column.
          g.edge(fid, aid, 1, right[f]);
          for (const auto& u : units) g.edge(aid, u, 1, right[f]);
        } else if (kind == "fields") {
          const std::string fid =
              g.node("f" + std::to_string(f + 1), wrap(str(field.title), 24), "box");
          for (const auto& u : std::set<std::string>(units.begin(), units.end())) g.edge(fid, u);
        } else {
          std::set<std::string> distinct(units.begin(), units.end());
          for (auto i = distinct.begin(); i != distinct.end(); ++i) {
            for (auto j = std::next(i); j != distinct.end(); ++j) g.edge(*i, *j);
          }
        }
      }
    }
    return g;
  }

 private:
  // The responsibility view draws fields, focus areas, units, focus areas, fields from left to
  // right: half the focus areas on each side of the units halves the drawing's height. A field
  // goes to the side with fewer focus areas so far.
  std::vector<bool> right_side() const {
    std::vector<bool> right(r_.fields().size(), false);
    std::size_t left_count = 0, right_count = 0;
    for (std::size_t f = 0; f < r_.fields().size(); ++f) {
      if (!field_title_.empty()) break;  // one field: one side
      const std::size_t n = r_.fields()[f].focus_area_count;
      right[f] = right_count < left_count;
      (right[f] ? right_count : left_count) += n;
    }
    return right;
  }

  std::size_t division_of(std::size_t u) const {
    const auto& unit = r_.units()[u];
    return unit.is_division ? u : unit.division;
  }

  bool in_division(std::size_t u) const {
    if (division_name_.empty()) return true;
    std::size_t d = division_of(u);
    return d != EDUPLAN_NO_INDEX && view(r_.units()[d].name) == division_name_;
  }

  int cluster_of(Graph& g, const std::string& key, const std::string& label,
                 const std::string& fill = "") {
    auto [it, inserted] = clusters_.emplace(key, static_cast<int>(g.clusters.size()));
    if (inserted) g.clusters.push_back({label, fill});
    return it->second;
  }

  std::string unit_node(Graph& g, std::size_t u) {
    const std::size_t d = division_of(u);
    if (collapse_ && d != EDUPLAN_NO_INDEX)
      return g.node("d" + std::to_string(d + 1), wrap(str(r_.units()[d].name), 28), "folder");
    const auto& unit = r_.units()[u];
    if (unit.is_division)
      return g.node("d" + std::to_string(u + 1), wrap(str(unit.name), 28), "folder");
    return g.node("u" + std::to_string(u + 1), wrap(str(unit.name), 28), "ellipse",
                  d == EDUPLAN_NO_INDEX
                      ? -1
                      : cluster_of(g, "d" + std::to_string(d), str(r_.units()[d].name)));
  }

  const Request& r_;
  std::string field_, division_;
  std::string field_title_, division_name_;  // as the plan spells them
  bool collapse_;
  std::map<std::string, int> clusters_;
};

// Runs `dot -T<format> -o <out> <in>` without a shell.
void render_with_dot(const std::string& format, const std::string& in, const char* out) {
  std::string type = "-T" + format;
  std::string o = out, i = in;
  char* argv[] = {
      const_cast<char*>("dot"), type.data(), const_cast<char*>("-o"), o.data(), i.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "dot", nullptr, nullptr, argv, environ) != 0) {
    throw sdk::Failure(
        "Graphviz „dot“ nicht gefunden: Paket graphviz installieren oder ohne render= exportieren");
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw sdk::Failure("Graphviz „dot“ ist mit einem Fehler beendet worden");
  }
}

void write_dot(const Request& request) {
  const auto kind = request.option("view");
  Graph g = Builder(request).build(kind);
  g.prune(static_cast<int>(request.number("min-weight")));  // range checked by the host
  const std::string text = g.render(kind != "responsibility");
  const auto render = std::string(request.option("render"));
  if (render == "none") {
    sdk::OutputFile out(request.output_path());
    out.write(text);
    out.close();
    return;
  }
  const std::string dot_file = std::string(request.output_path()) + ".dot";
  struct Remove {
    const std::string& path;
    ~Remove() { std::remove(path.c_str()); }
  } remove_later{dot_file};
  {
    sdk::OutputFile out(dot_file.c_str());
    out.write(text);
    out.close();
  }
  render_with_dot(render, dot_file, request.output_path());
}

const eduplan_exporter kExporter =
    sdk::describe("dot", "1.0.0", "Graphviz-Netzwerke: Zuständigkeiten und Zusammenarbeit", "dot",
                  kOptions, std::size(kOptions), sdk::run<write_dot>, 0, kRanges);

}  // namespace
}  // namespace eduplan::dot_exporter

extern "C" EDUPLAN_EXPORTER_ENTRY { return &eduplan::dot_exporter::kExporter; }
