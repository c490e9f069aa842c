// Writing Graphviz DOT: a small graph model with synthetic node ids.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dot_text.h"

namespace eduplan::dot_exporter {

// The graph's one font: sans-serif for nodes, clusters and edge labels alike (a fontconfig
// pattern for the renderers, a CSS family list in SVG).
inline constexpr const char* kFont = "Helvetica,Arial,sans-serif";

struct Node {
  std::string id;  // synthetic: f1, a2, u3, d4
  std::string label;
  std::string shape;  // "box", "ellipse", …
  int cluster = -1;   // index into Graph::clusters, or -1
  std::string fill;   // fill colour ("#RRGGBB"), "" for none
};

struct Cluster {
  std::string label;
  std::string fill;  // background colour, "" for none
};

struct Graph {
  bool directed = true;
  std::vector<Cluster> clusters;  // emitted as subgraph cluster_<n>
  std::vector<Node> nodes;        // in order of first use
  struct Edge {
    int weight = 0;
    bool back = false;  // drawn from `to` to `from`: laid out right to left
    std::string colour;  // "" for the default
  };
  std::map<std::pair<std::string, std::string>, Edge> edges;  // (tail, head) as laid out
  bool show_weights = false;  // edge labels and widths from the weights
  std::string layout;         // "" for dot; "sfdp" for a large graph (no clusters drawn)
  std::string note;           // shown under the graph, "" for none
  // A key to the fill colours (label, colour), drawn as a cluster of its own; empty for none.
  std::vector<std::pair<std::string, std::string>> legend;
  std::string legend_title;

  // Adds the node if new; returns its id.
  const std::string& node(const std::string& id, const std::string& label, const char* shape,
                          int cluster = -1);
  // An edge from `from` to `to`; `back`: laid out from `to` to `from` (its node ranks before
  // `from`'s), the arrow still pointing at `to`.
  void edge(const std::string& from, const std::string& to, int weight = 1, bool back = false);
  void fill(const std::string& id, const std::string& colour);  // of an existing node
  // The colour of the edge between from and to (as edge() was called).
  void colour_edge(const std::string& from, const std::string& to, bool back,
                   const std::string& colour);
  // Removes edges below min_weight, then nodes without edges.
  void prune(int min_weight);
  // The largest edge weight, 0 without edges.
  int max_weight() const;
  std::string render() const;

  // sfdp removes node overlaps with prism up to this many nodes, by scaling above.
  static constexpr std::size_t kPrismNodes = 2000;

 private:
  const char* overlap() const;

  std::map<std::string, std::size_t> index_;
};

}  // namespace eduplan::dot_exporter
