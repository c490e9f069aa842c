#include "dot_graph.h"

#include <set>

namespace eduplan::dot_exporter {

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

const std::string& Graph::node(const std::string& id, const std::string& label, const char* shape,
                               int cluster) {
  auto [it, inserted] = index_.emplace(id, nodes.size());
  if (inserted) nodes.push_back({id, label, shape, cluster});
  return nodes[it->second].id;
}

void Graph::edge(const std::string& from, const std::string& to, int weight) {
  auto key = directed || from < to ? std::pair{from, to} : std::pair{to, from};
  edges[key] += weight;
}

void Graph::prune(int min_weight) {
  std::set<std::string> used;
  for (auto it = edges.begin(); it != edges.end();) {
    if (it->second < min_weight) {
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

std::string Graph::render(bool show_weights) const {
  std::string out = directed ? "digraph eduplan {\n" : "graph eduplan {\n";
  out += "  graph [rankdir=LR, fontname=\"Helvetica\"];\n  node [fontname=\"Helvetica\"];\n";
  auto node_line = [](const Node& n) {
    return "  " + n.id + " [label=" + quote(n.label) + ", shape=" + n.shape + "];\n";
  };
  for (const auto& n : nodes) {
    if (n.cluster < 0) out += node_line(n);
  }
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    std::string body;
    for (const auto& n : nodes) {
      if (n.cluster == static_cast<int>(c)) body += "  " + node_line(n);
    }
    if (body.empty()) continue;
    out += "  subgraph cluster_" + std::to_string(c + 1) + " {\n    label=" + quote(clusters[c]) +
           ";\n" + body + "  }\n";
  }
  const char* arrow = directed ? " -> " : " -- ";
  for (const auto& [ends, weight] : edges) {
    out += "  " + ends.first + arrow + ends.second;
    if (show_weights)
      out += " [label=\"" + std::to_string(weight) + "\", weight=" + std::to_string(weight) +
             ", penwidth=" + std::to_string(std::min(1 + weight / 2, 8)) + "]";
    out += ";\n";
  }
  return out + "}\n";
}

}  // namespace eduplan::dot_exporter
