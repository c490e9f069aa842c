// The Graphviz exporter: who is responsible for what, who works with whom (views: see
// dot_builder.h). Large plans: field=, division=, collapse=true (units into divisions),
// min-weight=; a graph above max-nodes or max-edges is reduced step by step (collapse=auto) and
// says so under the drawing; render= runs dot with a time limit.
#include <eduplan/exporter_sdk.hpp>
#include <iterator>
#include <string>
#include <utility>

#include "dot_builder.h"
#include "dot_graph.h"
#include "dot_render.h"

namespace eduplan::dot_exporter {
namespace {

using sdk::Request;

constexpr const char* kViews[] = {"responsibility", "cooperation", "fields", nullptr};
constexpr const char* kCollapse[] = {"auto", "true", "false", nullptr};
constexpr const char* kRender[] = {"none", "svg", "png", nullptr};
constexpr const char* kLanguages[] = {"de", "en", nullptr};

const eduplan_option_decl kOptions[] = {
    {"view", EDUPLAN_OPTION_ENUM, "responsibility", kViews,
     "responsibility: Felder, Schwerpunkte, Einheiten; cooperation: Einheiten mit gemeinsamen "
     "Schwerpunkten; "
     "fields: Felder x Einheiten"},
    {"field", EDUPLAN_OPTION_STRING, "", nullptr,
     "nur dieses Handlungsfeld (Titel, Groß-/Kleinschreibung egal)"},
    {"division", EDUPLAN_OPTION_STRING, "", nullptr,
     "nur Einheiten dieses Dezernats (Name, Groß-/Kleinschreibung egal)"},
    {"collapse", EDUPLAN_OPTION_ENUM, "auto", kCollapse,
     "Einheiten zu ihren Dezernaten zusammenfassen; auto: erst wenn der Graph max-nodes oder "
     "max-edges übersteigt"},
    {"min-weight", EDUPLAN_OPTION_INT, "1", nullptr, "Kanten mit geringerem Gewicht weglassen"},
    {"max-nodes", EDUPLAN_OPTION_INT, "500", nullptr,
     "größere Graphen werden verkleinert oder mit sfdp statt dot gesetzt"},
    {"max-edges", EDUPLAN_OPTION_INT, "600", nullptr,
     "größere Graphen werden verkleinert oder mit sfdp statt dot gesetzt"},
    {"render", EDUPLAN_OPTION_ENUM, "none", kRender,
     "mit Graphviz dot als SVG oder PNG ausgeben statt DOT"},
    {"timeout", EDUPLAN_OPTION_INT, "60", nullptr,
     "render: Graphviz nach so vielen Sekunden abbrechen"},
    {"lang", EDUPLAN_OPTION_ENUM, "de", kLanguages,
     "Sprache der eigenen Beschriftungen (Legende, Hinweis unter großen Graphen)"},
};
// Parallel to kOptions, for users who chose English.
constexpr const char* kHelpEnglish[] = {
    "responsibility: fields, focus areas, units; cooperation: units that share focus areas; "
    "fields: fields x units",
    "only this field (its title, case does not matter)",
    "only units of this division (its name, case does not matter)",
    "draw units as their divisions; auto: only when the graph exceeds max-nodes or max-edges",
    "leave out edges of a smaller weight",
    "larger graphs are made smaller or laid out with sfdp instead of dot",
    "larger graphs are made smaller or laid out with sfdp instead of dot",
    "write SVG or PNG through Graphviz dot instead of DOT",
    "render: stop Graphviz after so many seconds",
    "language of the graph's own labels (the key, the note under large graphs)",
};
static_assert(std::size(kHelpEnglish) == std::size(kOptions));

// Parallel to kOptions.
const eduplan_option_range kRanges[] = {sdk::unbounded, sdk::unbounded, sdk::unbounded,
                                        sdk::unbounded, {1, 1000000},   {10, 10000000},
                                        {10, 10000000}, sdk::unbounded, {1, 86400},
                                        sdk::unbounded};
static_assert(std::size(kRanges) == std::size(kOptions));

// The note under a large graph, in the graph's language (option lang), which need not be the
// language of messages (--lang): `german` or `english` with {0}… filled in.
template <class... Args>
std::string in_graph(bool english, const char* german, const char* english_text,
                     const Args&... args) {
  const bool messages = sdk::english_messages();
  sdk::set_english_messages(english);
  std::string out = sdk::say(german, english_text, args...);
  sdk::set_english_messages(messages);
  return out;
}

// For a message to the user, in the language chosen with --lang.
std::string counts_in_message(const Graph& g) {
  return sdk::say("{0} Knoten, {1} Kanten", "{0} nodes, {1} edges", std::to_string(g.nodes.size()),
                  std::to_string(g.edges.size()));
}

class Planner {
 public:
  explicit Planner(const Request& r)
      : r_(r),
        builder_(r),
        view_(r.option("view")),
        collapse_(r.option("collapse")),
        min_weight_(static_cast<int>(r.number("min-weight"))),  // range checked by the host
        max_nodes_(static_cast<std::size_t>(r.number("max-nodes"))),
        max_edges_(static_cast<std::size_t>(r.number("max-edges"))),
        english_(r.option("lang") == "en") {}

  // The graph to draw: the view as asked for if it is within max-nodes and max-edges; else,
  // with collapse=auto, units drawn as their divisions, then (responsibility view) fields x
  // divisions; if still too large, laid out by sfdp. A note under the graph says what was done.
  Graph plan() const {
    Graph g = checked(builder_.build(view_, collapse_ == "true"));
    if (!too_large(g)) return g;
    const std::string full =
        in_graph(english_, "{0} Knoten, {1} Kanten", "{0} nodes, {1} edges",
                 std::to_string(g.nodes.size()), std::to_string(g.edges.size()));
    std::string done;
    if (collapse_ == "auto") {
      Graph collapsed = pruned(builder_.build(view_, true));
      if (smaller(collapsed, g)) {
        g = std::move(collapsed);
        done = in_graph(english_, "Einheiten zu ihren Dezernaten zusammengefasst",
                        "units drawn as their divisions");
      }
      if (too_large(g) && view_ == "responsibility") {
        Graph fields = pruned(builder_.build("fields", true));
        if (smaller(fields, g)) {
          g = std::move(fields);
          done = in_graph(english_,
                          "Schwerpunkte zu ihren Handlungsfeldern und Einheiten zu ihren "
                          "Dezernaten zusammengefasst (wie view=fields collapse=true)",
                          "focus areas drawn as their fields and units as their divisions (as "
                          "view=fields collapse=true)");
        }
      }
    }
    if (too_large(g)) {
      g.layout = "sfdp";
      done += std::string(done.empty() ? "" : "; ") +
              in_graph(english_, "mit sfdp statt dot gesetzt, ohne Kästen",
                       "laid out with sfdp instead of dot, without boxes") +
              (g.show_weights ? in_graph(english_, ", Gewichte nur als Linienstärke",
                                         ", weights only as line widths")
                              : std::string());
    }
    g.note = in_graph(english_,
                      "Großer Graph ({0}; Grenzen max-nodes={1}, max-edges={2}): {3}. Alles mit "
                      "dot: collapse=false und höhere Grenzen; kleiner: field=, division=, "
                      "min-weight=.",
                      "Large graph ({0}; limits max-nodes={1}, max-edges={2}): {3}. All with dot: "
                      "collapse=false and higher limits; smaller: field=, division=, min-weight=.",
                      full, std::to_string(max_nodes_), std::to_string(max_edges_), done);
    return g;
  }

 private:
  bool too_large(const Graph& g) const {
    return g.nodes.size() > max_nodes_ || g.edges.size() > max_edges_;
  }

  // A reduction that leaves something to draw and draws less.
  static bool smaller(const Graph& reduced, const Graph& g) {
    return !reduced.edges.empty() &&
           (reduced.nodes.size() < g.nodes.size() || reduced.edges.size() < g.edges.size());
  }

  Graph pruned(Graph g) const {
    g.prune(min_weight_);
    return g;
  }

  // The graph pruned; an error that says why if nothing is left to draw.
  Graph checked(Graph g) const {
    const std::string where = builder_.selection();
    if (r_.fields().empty())
      throw sdk::Failure(sdk::say("der Plan enthält kein Handlungsfeld: nichts zu zeichnen",
                                  "the plan has no field: nothing to draw"));
    if (g.nodes.empty()) {
      throw sdk::Failure(sdk::say("keine Zuständigkeiten{0}: nichts zu zeichnen",
                                  "no responsibilities{0}: nothing to draw",
                                  where.empty() ? sdk::say(" im Plan", " in the plan") : where));
    }
    if (g.edges.empty()) {
      throw sdk::Failure(sdk::say(
          "keine zwei Einheiten teilen einen Schwerpunkt{0}: nichts zu zeichnen "
          "(view=cooperation)",
          "no two units share a focus area{0}: nothing to draw (view=cooperation)", where));
    }
    const int strongest = g.max_weight();
    g.prune(min_weight_);
    if (g.edges.empty())
      throw sdk::Failure(
          sdk::say("min-weight={0} lässt keine Verbindung übrig; die stärkste hat das Gewicht {1}",
                   "min-weight={0} leaves no connection; the strongest has the weight {1}",
                   std::to_string(min_weight_), std::to_string(strongest)));
    return g;
  }

  const Request& r_;
  Builder builder_;
  std::string view_, collapse_;
  int min_weight_;
  std::size_t max_nodes_, max_edges_;
  bool english_;  // lang=en
};

void write_dot(const Request& request) {
  const Graph g = Planner(request).plan();
  const std::string text = g.render();
  const auto render = std::string(request.option("render"));
  if (render == "none") {
    sdk::OutputFile out(request.output_path());
    out.write(text);
    out.close();
    return;
  }
  render_with_dot({render, text, request.output_path(), static_cast<int>(request.number("timeout")),
                   counts_in_message(g)});
}

const eduplan_exporter kExporter =
    sdk::describe("dot", "1.0.0", "Graphviz-Netzwerke: Zuständigkeiten und Zusammenarbeit", "dot",
                  kOptions, std::size(kOptions), sdk::run<write_dot>, 0, kRanges,
                  "Graphviz networks: responsibilities and cooperation", kHelpEnglish);

}  // namespace
}  // namespace eduplan::dot_exporter

extern "C" EDUPLAN_EXPORTER_ENTRY { return &eduplan::dot_exporter::kExporter; }
