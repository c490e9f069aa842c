// Writing Graphviz DOT: escaping and a small graph model with synthetic node ids.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eduplan::dot_exporter {

// A DOT quoted string: \ and " escaped, line breaks as \n, CR dropped.
std::string quote(std::string_view text);

struct Node {
  std::string id;  // synthetic: f1, a2, u3, d4
  std::string label;
  std::string shape;  // "box", "ellipse", …
  int cluster = -1;   // index into Graph::clusters, or -1
};

struct Graph {
  bool directed = true;
  std::vector<std::string> clusters;  // cluster labels; emitted as subgraph cluster_<n>
  std::vector<Node> nodes;            // in order of first use
  std::map<std::pair<std::string, std::string>, int> edges;  // (from, to) -> weight

  // Adds the node if new; returns its id.
  const std::string& node(const std::string& id, const std::string& label, const char* shape,
                          int cluster = -1);
  void edge(const std::string& from, const std::string& to, int weight = 1);
  // Removes edges below min_weight, then nodes without edges.
  void prune(int min_weight);
  std::string render(bool show_weights) const;

 private:
  std::map<std::string, std::size_t> index_;
};

}  // namespace eduplan::dot_exporter
