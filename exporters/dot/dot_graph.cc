#include "dot_graph.h"

#include <algorithm>
#include <set>

namespace eduplan::dot_exporter {

const std::string& Graph::node(const std::string& id, const std::string& label, const char* shape,
                               int cluster) {
  auto [it, inserted] = index_.emplace(id, nodes.size());
  if (inserted) nodes.push_back({id, label, shape, cluster});
  return nodes[it->second].id;
}

void Graph::edge(const std::string& from, const std::string& to, int weight, bool back) {
  auto key = back                    ? std::pair{to, from}
             : directed || from < to ? std::pair{from, to}
                                     : std::pair{to, from};
  Edge& e = edges[key];
  e.weight += weight;
  e.back = back;
}

void Graph::fill(const std::string& id, const std::string& colour) {
  if (auto it = index_.find(id); it != index_.end()) nodes[it->second].fill = colour;
}

void Graph::colour_edge(const std::string& from, const std::string& to, bool back,
                        const std::string& colour) {
  auto key = back                    ? std::pair{to, from}
             : directed || from < to ? std::pair{from, to}
                                     : std::pair{to, from};
  if (auto it = edges.find(key); it != edges.end()) it->second.colour = colour;
}

void Graph::prune(int min_weight) {
  std::set<std::string> used;
  for (auto it = edges.begin(); it != edges.end();) {
    if (it->second.weight < min_weight) {
      it = edges.erase(it);
      continue;
    }
    used.insert(it->first.first);
    used.insert(it->first.second);
    ++it;
  }
  std::vector<Node> kept;
  for (auto& n : nodes) {
    if (used.count(n.id)) kept.push_back(std::move(n));
  }
  nodes = std::move(kept);
  index_.clear();
  for (std::size_t i = 0; i < nodes.size(); ++i) index_[nodes[i].id] = i;
}

int Graph::max_weight() const {
  int max = 0;
  for (const auto& [ends, e] : edges) max = std::max(max, e.weight);
  return max;
}

// Overlaps removed by prism, which takes a minute at 4,000 nodes; by scaling above kPrismNodes.
const char* Graph::overlap() const { return nodes.size() <= kPrismNodes ? "prism" : "scale"; }

std::string Graph::render() const {
  std::string out = directed ? "digraph eduplan {\n" : "graph eduplan {\n";
  // Sized for a landscape A3 page (16.5 x 11.7 inches) with the half-inch margin dot adds to a
  // PDF: larger graphs are scaled to fit.
  const std::string font = quote(kFont);
  std::string graph_attributes = "rankdir=LR, fontname=" + font +
                                 ", fontsize=12, size=\"15.4,10.6\", ranksep=0.5, "
                                 "nodesep=0.05, newrank=true";
  if (!layout.empty()) graph_attributes += ", layout=" + layout + ", overlap=" + overlap();
  out += "  graph [" + graph_attributes + "];\n";
  out += "  node [fontname=" + font + ", fontsize=10, height=0.25, margin=\"0.08,0.03\"];\n";
  out += "  edge [fontname=" + font + ", fontsize=9, arrowsize=0.6, color=\"#555555\"];\n";
  auto node_line = [](const Node& n) {
    std::string line = "  " + n.id + " [label=" + label(n.label) + ", shape=" + n.shape;
    if (!n.fill.empty()) line += ", style=filled, fillcolor=" + quote(n.fill);
    return line + "];\n";
  };
  // sfdp draws no clusters: all nodes at the top level.
  const bool with_dot = layout.empty();
  for (const auto& n : nodes) {
    if (n.cluster < 0 || !with_dot) out += node_line(n);
  }
  for (std::size_t c = 0; with_dot && c < clusters.size(); ++c) {
    std::string body;
    for (const auto& n : nodes) {
      if (n.cluster == static_cast<int>(c)) body += "  " + node_line(n);
    }
    if (body.empty()) continue;
    out += "  subgraph cluster_" + std::to_string(c + 1) +
           " {\n    label=" + label(clusters[c].label) + ";\n";
    if (!clusters[c].fill.empty())
      out += "    style=filled; color=\"#BBBBBB\"; fillcolor=" + quote(clusters[c].fill) + ";\n";
    out += body + "  }\n";
  }
  if (!legend.empty()) {
    out += with_dot ? "  subgraph cluster_legend {\n    label=" + label(legend_title) + ";\n" : "";
    for (std::size_t i = 0; i < legend.size(); ++i) {
      out += "    legend_" + std::to_string(i + 1) + " [label=" + label(legend[i].first) +
             ", shape=box, style=filled, fillcolor=" + quote(legend[i].second) + "];\n";
    }
    out += with_dot ? "  }\n" : "";
  }
  const char* arrow = directed ? " -> " : " -- ";
  for (const auto& [ends, e] : edges) {
    out += "  " + ends.first + arrow + ends.second;
    // sfdp takes 15 times as long with edge labels: there the width alone shows the weight.
    std::string attributes;
    if (show_weights && with_dot)
      attributes = "label=\"" + std::to_string(e.weight) +
                   "\", weight=" + std::to_string(e.weight) +
                   ", penwidth=" + std::to_string(std::min(1 + e.weight / 2, 8));
    else if (show_weights)
      attributes = "penwidth=" + std::to_string(std::min(1 + e.weight / 2, 8));
    else if (e.back)
      attributes = "dir=back";
    if (!e.colour.empty())
      attributes += (attributes.empty() ? "" : ", ") + std::string("color=") + quote(e.colour);
    if (!attributes.empty()) out += " [" + attributes + "]";
    out += ";\n";
  }
  // After the clusters, so that they do not inherit the note's position.
  if (!note.empty()) out += "  label=" + label(wrap(note, 120)) + "; labelloc=b; labeljust=l;\n";
  return out + "}\n";
}

}  // namespace eduplan::dot_exporter
