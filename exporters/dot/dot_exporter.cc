// The Graphviz exporter: who is responsible for what, who works with whom.
//   view=responsibility  fields -> focus areas -> units, units clustered by division
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
    {"field", EDUPLAN_OPTION_STRING, "", nullptr, "nur dieses Handlungsfeld (Titel)"},
    {"division", EDUPLAN_OPTION_STRING, "", nullptr, "nur Einheiten dieses Dezernats (Name)"},
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

class Builder {
 public:
  explicit Builder(const Request& r)
      : r_(r),
        field_(r.option("field")),
        division_(r.option("division")),
        collapse_(r.flag("collapse")) {
    for (const auto& f : r.fields()) {
      if (!field_.empty() && view(f.title) == field_) field_found_ = true;
    }
    for (const auto& u : r.units()) {
      if (!division_.empty() && u.is_division && view(u.name) == division_) division_found_ = true;
    }
    if (!field_.empty() && !field_found_)
      throw sdk::Failure("kein Handlungsfeld „" + field_ + "“ im Plan");
    if (!division_.empty() && !division_found_)
      throw sdk::Failure("kein Dezernat „" + division_ + "“ im Plan");
  }

  Graph build(std::string_view kind) {
    Graph g;
    g.directed = kind != "cooperation";
    for (std::size_t f = 0; f < r_.fields().size(); ++f) {
      const auto& field = r_.fields()[f];
      if (!field_.empty() && view(field.title) != field_) continue;
      const auto areas = Request::focus_areas(field);
      for (std::size_t a = 0; a < areas.size(); ++a) {
        std::vector<std::string> units;
        for (std::size_t u : Request::units_of(areas[a])) {
          if (in_division(u)) units.push_back(unit_node(g, u));
        }
        if (units.empty()) continue;
        if (kind == "responsibility") {
          const std::string fid = g.node("f" + std::to_string(f + 1), str(field.title), "box");
          const std::string aid = g.node("a" + std::to_string(f + 1) + "_" + std::to_string(a + 1),
                                         str(areas[a].text), "note");
          g.edge(fid, aid);
          for (const auto& u : units) g.edge(aid, u);
        } else if (kind == "fields") {
          const std::string fid = g.node("f" + std::to_string(f + 1), str(field.title), "box");
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
  std::size_t division_of(std::size_t u) const {
    const auto& unit = r_.units()[u];
    return unit.is_division ? u : unit.division;
  }

  bool in_division(std::size_t u) const {
    if (division_.empty()) return true;
    std::size_t d = division_of(u);
    return d != EDUPLAN_NO_INDEX && view(r_.units()[d].name) == division_;
  }

  int cluster_of(Graph& g, std::size_t division) {
    auto [it, inserted] = clusters_.emplace(division, static_cast<int>(g.clusters.size()));
    if (inserted) g.clusters.push_back(str(r_.units()[division].name));
    return it->second;
  }

  std::string unit_node(Graph& g, std::size_t u) {
    const std::size_t d = division_of(u);
    if (collapse_ && d != EDUPLAN_NO_INDEX)
      return g.node("d" + std::to_string(d + 1), str(r_.units()[d].name), "folder");
    const auto& unit = r_.units()[u];
    if (unit.is_division) return g.node("d" + std::to_string(u + 1), str(unit.name), "folder");
    return g.node("u" + std::to_string(u + 1), str(unit.name), "ellipse",
                  d == EDUPLAN_NO_INDEX ? -1 : cluster_of(g, d));
  }

  const Request& r_;
  std::string field_, division_;
  bool collapse_, field_found_ = false, division_found_ = false;
  std::map<std::size_t, int> clusters_;
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
