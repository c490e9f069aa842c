#include "eduplan/reader.h"

#include "eduplan/validation.h"
#include "parse/document_parser.h"
#include "parse/flat_table_reader.h"
#include "resolve/resolver.h"
#include "util/file_io.h"

namespace eduplan {

Plan read_plan(std::string_view document, std::string_view source, const ReadOptions& options) {
  std::vector<Finding> findings;
  Plan plan;
  if (looks_like_flat_table(document)) {
    if (check_encoding(document, findings)) plan = read_flat_table(document, findings);
  } else {
    RawDocument raw = parse_markdown(document, findings);
    if (!has_errors(findings)) plan = resolve(std::move(raw), options.directory, findings);
  }
  if (has_errors(findings)) {
    plan = Plan{};
  } else {
    auto rule_findings = validate(plan, options.directory);
    findings.insert(findings.end(), rule_findings.begin(), rule_findings.end());
  }
  if (!options.title.empty()) plan.title = options.title;
  plan.source = std::string(source);
  plan.name = options.plan_name;
  if (plan.name.empty()) plan.name = plan.title;
  if (plan.name.empty()) plan.name = std::filesystem::path(source).stem().string();
  if (plan.name.empty()) plan.name = "plan";
  sort_findings(findings);
  plan.findings = std::move(findings);
  return plan;
}

Plan read_plan_file(const std::filesystem::path& path, const ReadOptions& options) {
  return read_plan(read_file(path), path.string(), options);
}

}  // namespace eduplan
