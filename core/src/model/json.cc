#include "eduplan/json.h"

#include <boost/json.hpp>
#include <ostream>

#include "util/text.h"

namespace eduplan {

std::string to_json(const std::vector<Finding>& findings) {
  return boost::json::serialize(boost::json::value_from(findings));
}

std::string validation_json(std::string_view file, const std::vector<Finding>& findings) {
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& f : findings) ++counts[static_cast<int>(f.severity)];
  boost::json::object out;
  out["file"] = text::to_valid_utf8(file);  // a file name need not be UTF-8; JSON must be
  out["valid"] = counts[static_cast<int>(Severity::error)] == 0;
  out["counts"] = {{"error", counts[static_cast<int>(Severity::error)]},
                   {"warning", counts[static_cast<int>(Severity::warning)]},
                   {"info", counts[static_cast<int>(Severity::info)]}};
  std::vector<Finding> valid = findings;  // messages may quote the file name
  for (auto& f : valid) {
    f.message = text::to_valid_utf8(f.message);
    f.subject = text::to_valid_utf8(f.subject);
  }
  out["findings"] = boost::json::value_from(valid);
  return boost::json::serialize(out);
}

std::string to_json(const std::vector<PlanInfo>& plans) {
  return boost::json::serialize(boost::json::value_from(plans));
}

std::string to_json(const PlanSummary& summary, const std::vector<Finding>& findings) {
  boost::json::value v = boost::json::value_from(summary);
  v.as_object()["findings"] = boost::json::value_from(findings);
  return boost::json::serialize(v);
}

std::string to_json(const std::vector<Rollup>& rollups) {
  boost::json::array list;
  for (const auto& r : rollups) {
    boost::json::object counts;
    for (const auto& [status, n] : r.counts) counts[status] = n;
    boost::json::object o;
    o["scope"] = r.scope;
    o["name"] = r.name;
    o["responsibilities"] = r.responsibilities;
    o["reported"] = r.reported;
    o["counts"] = std::move(counts);
    if (r.progress)
      o["progress"] = *r.progress;
    else
      o["progress"] = nullptr;
    list.push_back(std::move(o));
  }
  boost::json::object out;
  out["rollups"] = std::move(list);
  return boost::json::serialize(out);
}

void write_json(std::ostream& out, const PlanSummary& summary, FindingStream& findings) {
  std::string head = boost::json::serialize(boost::json::value_from(summary));
  head.pop_back();  // the closing brace: the findings follow
  out << head << ",\"findings\":[";
  findings.rewind();
  bool first = true;
  while (const Finding* f = findings.next()) {
    if (!first) out << ',';
    first = false;
    out << boost::json::serialize(boost::json::value_from(*f));
  }
  out << "]}";
}

}  // namespace eduplan
