#include "eduplan/json.h"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>
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

namespace {

// A percentage as people and scripts read it: "49.04255319148936", "65", "0.0002" (Boost.JSON
// writes every double in exponent form, "4.904255319148936E1", "6.5E1", and so would the
// shortest form for small values, "2e-04"). std::to_chars in fixed format gives the shortest
// text without an exponent that reads back as the same double.
std::string json_number(double value) {
  char text[400];  // the longest fixed text of a double (1e308) fits
  const auto [end, error] =
      std::to_chars(text, text + sizeof text, value, std::chars_format::fixed);
  if (error != std::errc() || !std::isfinite(value)) return "null";
  return std::string(text, end);
}

}  // namespace

namespace {

// "[…]" of the roll-ups; counts in the order of `scale`, then any other status (a std::map's
// order: alphabetical) — with no scale, all alphabetical.
std::string rollup_array(const std::vector<Rollup>& rollups, const std::vector<std::string>& scale) {
  std::string out = "[";
  bool first = true;
  for (const auto& r : rollups) {
    boost::json::object counts;
    for (const auto& status : scale) {
      if (const auto it = r.counts.find(status); it != r.counts.end()) counts[status] = it->second;
    }
    for (const auto& [status, n] : r.counts) {
      if (!counts.contains(status)) counts[status] = n;
    }
    boost::json::object o;
    o["scope"] = r.scope;
    o["name"] = r.name;
    o["responsibilities"] = r.responsibilities;
    o["reported"] = r.reported;
    o["counts"] = std::move(counts);
    std::string text = boost::json::serialize(o);
    text.pop_back();  // the closing brace: the progress follows, written by json_number
    if (!first) out += ',';
    first = false;
    out += text;
    out += ",\"progress\":";
    out += r.progress ? json_number(*r.progress) : std::string("null");
    out += '}';
  }
  return out + "]";
}

}  // namespace

std::string to_json(const std::vector<Rollup>& rollups) {
  return "{\"rollups\":" + rollup_array(rollups, {}) + "}";
}

std::string to_json(const std::vector<Rollup>& rollups, std::string_view plan,
                    std::optional<std::string_view> period, const std::vector<std::string>& scale) {
  boost::json::array scale_json;
  for (const auto& s : scale) scale_json.emplace_back(s);
  std::string out = "{\"plan\":" + boost::json::serialize(boost::json::value(plan)) +
                    ",\"period\":" +
                    (period ? boost::json::serialize(boost::json::value(*period)) : "null") +
                    ",\"scale\":" + boost::json::serialize(scale_json) +
                    ",\"rollups\":" + rollup_array(rollups, scale) + "}";
  return out;
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
