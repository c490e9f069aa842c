// The graphs of a plan: which nodes and edges each view draws, after the field= and division=
// filters.
//   responsibility  fields -> focus areas -> units, each field's focus areas in a cluster,
//                   units clustered by division between two halves of the fields
//   cooperation     units joined when they share focus areas, weighted by how many
//   fields          fields x units, weighted by the number of focus areas
#pragma once

#include <eduplan/exporter_sdk.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "dot_graph.h"

namespace eduplan::dot_exporter {

struct Clusters;

class Builder {
 public:
  // Reads the field= and division= options; throws sdk::Failure naming the plan's fields or
  // divisions if one is not in the plan.
  explicit Builder(const sdk::Request& r);

  // The graph of `view`; `collapse`: each unit drawn as its division. Nothing pruned.
  Graph build(std::string_view view, bool collapse) const;

  // " im Handlungsfeld „MINT“ für Dezernat „BOB“", or "" without filters: for messages.
  std::string selection() const;

 private:
  std::vector<bool> right_side() const;
  std::size_t division_of(std::size_t u) const;
  bool in_division(std::size_t u) const;
  std::string unit_node(Graph& g, Clusters& clusters, std::size_t u, bool collapse) const;
  // Monitoring: a focus area filled in the colour of its reports' status, each responsibility's
  // edge in the colour of its own; a key to the colours.
  void colour_statuses(Graph& g, std::size_t f, std::size_t a, const std::string& area_id,
                       bool back, bool collapse) const;
  void add_legend(Graph& g) const;

  const sdk::Request& r_;
  bool english_;                             // lang=en: the key's own words in English
  std::string field_title_, division_name_;  // as the plan spells them, "" for all
  std::vector<std::string_view> scale_;      // the status scale; empty without reports
};

}  // namespace eduplan::dot_exporter
