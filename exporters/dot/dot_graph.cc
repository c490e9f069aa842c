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

std::string wrap(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;  // code points on the current line
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    std::size_t length = 0;
    for (char c : word) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (!word.empty()) {
      if (line > 0 && line + 1 + length > width) {
        out += '\n';
        line = 0;
      } else if (line > 0) {
        out += ' ';
        ++line;
      }
      out += word;
      line += length;
    }
    start = end + 1;
  }
  return out;
}

const std::string& Graph::node(const std::string& id, const std::string& label, const char* shape,
                               int cluster) {
  auto [it, inserted] = index_.emplace(id, nodes.size());
  if (inserted) nodes.push_back({id, label, shape, cluster});
  return nodes[it->second].id;
}

void Graph::edge(const std::string& from, const std::string& to, int weight, bool back) {
  auto key = back ? std::pair{to, from}
             : directed || from < to ? std::pair{from, to}
                                     : std::pair{to, from};
  Edge& e = edges[key];
  e.weight += weight;
  e.back = back;
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

std::string Graph::render(bool show_weights) const {
  std::string out = directed ? "digraph eduplan {\n" : "graph eduplan {\n";
  // Sized for a landscape A3 page (16.5 x 11.7 inches) with the half-inch margin dot adds to a
  // PDF: larger graphs are scaled to fit.
  const std::string font = quote(kFont);
  out += "  graph [rankdir=LR, fontname=" + font +
         ", fontsize=12, size=\"15.4,10.6\", ranksep=0.5, nodesep=0.05, "
         "newrank=true];\n"
         "  node [fontname=" + font + ", fontsize=10, height=0.25, margin=\"0.08,0.03\"];\n"
         "  edge [fontname=" + font + ", fontsize=9, arrowsize=0.6, color=\"#555555\"];\n";
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
    out += "  subgraph cluster_" + std::to_string(c + 1) + " {\n    label=" +
           quote(clusters[c].label) + ";\n";
    if (!clusters[c].fill.empty())
      out += "    style=filled; color=\"#BBBBBB\"; fillcolor=" + quote(clusters[c].fill) + ";\n";
    out += body + "  }\n";
  }
  const char* arrow = directed ? " -> " : " -- ";
  for (const auto& [ends, e] : edges) {
    out += "  " + ends.first + arrow + ends.second;
    if (show_weights)
      out += " [label=\"" + std::to_string(e.weight) + "\", weight=" + std::to_string(e.weight) +
             ", penwidth=" + std::to_string(std::min(1 + e.weight / 2, 8)) + "]";
    else if (e.back)
      out += " [dir=back]";
    out += ";\n";
  }
  return out + "}\n";
}

}  // namespace eduplan::dot_exporter
