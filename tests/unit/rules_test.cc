// Data-driven rule tests: every document in tests/data/rules/ says in HTML comments
// which rules must fire on which line ("<!-- expect RULE LINE -->") and which must not
// ("<!-- absent RULE -->"); "<!-- directory FILE -->" names a units directory.
#include <eduplan/language.h>
#include <eduplan/reader.h>
#include <eduplan/validation.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "test_support.h"

namespace eduplan {
namespace {

namespace fs = std::filesystem;

struct Expectations {
  std::multiset<std::pair<std::string, int>> expected;
  std::set<std::string> absent;
  std::string directory;
};

Expectations expectations_of(const std::string& text) {
  Expectations e;
  constexpr std::string_view kOpen = "<!-- ", kClose = " -->";
  for (std::size_t at = text.find(kOpen); at != std::string::npos; at = text.find(kOpen, at + 1)) {
    std::size_t end = text.find(kClose, at);
    if (end == std::string::npos) break;
    std::istringstream words(text.substr(at + kOpen.size(), end - at - kOpen.size()));
    std::string verb, argument;
    int line = 0;
    words >> verb >> argument;
    if (verb == "expect" && (words >> line)) e.expected.insert({argument, line});
    if (verb == "absent") e.absent.insert(argument);
    if (verb == "directory") e.directory = argument;
  }
  return e;
}

std::vector<fs::path> rule_documents() {
  std::vector<fs::path> docs;
  for (const auto& entry : fs::directory_iterator(testing::data_path("rules"))) {
    if (entry.path().extension() == ".md") docs.push_back(entry.path());
  }
  std::sort(docs.begin(), docs.end());
  return docs;
}

std::string contents(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Reads a rule document as its expectations say: with its units directory, if it names one.
Plan read_rule_document(const fs::path& path, const Expectations& e) {
  UnitsDirectory dir;
  ReadOptions options;
  if (!e.directory.empty()) {
    std::vector<Finding> dir_findings;
    dir = UnitsDirectory::load(path.parent_path() / e.directory, dir_findings);
    EXPECT_TRUE(dir_findings.empty()) << e.directory;
    options.directory = &dir;
  }
  return read_plan(contents(path), path.string(), options);
}

class RuleDocument : public ::testing::TestWithParam<fs::path> {};

TEST_P(RuleDocument, FiresExactlyWhereExpected) {
  const Expectations e = expectations_of(contents(GetParam()));
  const Plan plan = read_rule_document(GetParam(), e);
  std::set<std::string> expected_rules;
  for (const auto& [rule, line] : e.expected) expected_rules.insert(rule);
  std::multiset<std::pair<std::string, int>> actual;
  for (const auto& f : plan.findings) {
    if (expected_rules.count(f.rule)) actual.insert({f.rule, f.line});
    EXPECT_FALSE(e.absent.count(f.rule))
        << f.rule << " fired at line " << f.line << ": " << f.message;
  }
  EXPECT_EQ(actual, e.expected);
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleDocument, ::testing::ValuesIn(rule_documents()),
                         [](const auto& info) {
                           std::string name = info.param.stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(RuleDocuments, CleanDocumentHasNoFindingsAtAll) {
  const Plan plan = read_plan_file(testing::data_path("rules/clean.md"));
  for (const auto& f : plan.findings)
    ADD_FAILURE() << f.rule << " at line " << f.line << ": " << f.message;
  ASSERT_EQ(plan.fields.size(), 2u);
}

TEST(RuleDocuments, EveryCatalogueRuleHasADocumentThatTriggersIt) {
  std::set<std::string> covered;
  for (const auto& doc : rule_documents()) {
    for (const auto& [rule, line] : expectations_of(contents(doc)).expected) covered.insert(rule);
  }
  // Rules that need bytes a Markdown file cannot hold, or another file type, are tested elsewhere:
  // reader_test (encoding), units_directory_test (directory-invalid), csv_reader_test (csv-syntax),
  // cli_csv.py (flat-table-invalid), cli_office.py (document-unreadable),
  // cli_office_fidelity.py (hidden-text: Word and LibreOffice only).
  const std::set<std::string> elsewhere = {"encoding-nul-byte",  "encoding-invalid-utf8",
                                           "directory-invalid",  "csv-syntax",
                                           "flat-table-invalid", "document-unreadable",
                                           "hidden-text"};
  for (const auto& rule : rule_catalog()) {
    if (!elsewhere.count(std::string(rule.id))) {
      EXPECT_TRUE(covered.count(std::string(rule.id))) << "no document triggers " << rule.id;
    }
  }
}

// Every document is read as its expectations say (with its directory, so that the
// directory-only rules such as unit-division-mismatch fire too).
TEST(RuleCatalogue, FindingsUseOnlyCataloguedRulesWithTheirSeverity) {
  std::map<std::string, Severity> catalogue;
  for (const auto& r : rule_catalog()) catalogue[std::string(r.id)] = r.severity;
  std::set<std::string> seen;
  for (const auto& doc : rule_documents()) {
    const Plan plan = read_rule_document(doc, expectations_of(contents(doc)));
    for (const auto& f : plan.findings) {
      seen.insert(f.rule);
      ASSERT_TRUE(catalogue.count(f.rule)) << f.rule;
      EXPECT_EQ(catalogue[f.rule], f.severity) << f.rule;
    }
  }
  EXPECT_TRUE(seen.count("unit-division-mismatch"));
}

TEST(RuleCatalogue, IdsAreUniqueAndDescribedInBothLanguages) {
  std::set<std::string> ids;
  const Language before = language();
  for (Language l : {Language::de, Language::en}) {
    set_language(l);
    for (const auto& r : rule_catalog()) {
      EXPECT_FALSE(r.description.empty()) << r.id;
      if (l == Language::de) {
        EXPECT_TRUE(ids.insert(std::string(r.id)).second) << r.id;
      }
    }
  }
  set_language(before);
}

}  // namespace
}  // namespace eduplan
