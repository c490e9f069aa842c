#include "eduplan/reader.h"

#include <algorithm>

#include "eduplan/validation.h"
#include "model/plan_integrity.h"
#include "model/rule_catalog.h"
#include "parse/document_parser.h"
#include "parse/flat_table_reader.h"
#include "parse/office.h"
#include "read/plan_sink.h"
#include "resolve/resolver.h"
#include "rules/rules.h"
#include "util/encoding.h"
#include "util/file_io.h"
#include "util/text.h"
#include "util/unicode.h"
#include "util/utf16_hint.h"
#include "util/xml_tree.h"
#include "util/zip_archive.h"

namespace eduplan {
namespace {

enum class Format { markdown, flat_table, other_csv, docx, odt, old_office };

std::string extension_of(std::string_view source) {
  return unicode::lower(std::filesystem::path(source).extension().string());
}

Format detect(std::string_view document, std::string_view source) {
  const std::string ext = extension_of(source);
  if (looks_like_zip(document)) return ext == ".odt" || ext == ".ott" ? Format::odt : Format::docx;
  if (document.starts_with(std::string_view("\xD0\xCF\x11\xE0", 4)) || ext == ".docx" ||
      ext == ".odt" || ext == ".doc")
    return Format::old_office;  // OLE: .doc, or an encrypted .docx; or not a zip at all
  if (looks_like_flat_table(document)) return Format::flat_table;
  if (ext == ".csv" || ext == ".tsv") return Format::other_csv;
  return Format::markdown;
}

void unreadable(std::vector<Finding>& findings, std::string message) {
  findings.push_back(make_finding(rule::kDocumentUnreadable, std::move(message), 0));
}

// A Word or LibreOffice document: its blocks, then the same recogniser as Markdown.
RawDocument read_office(std::string_view document, Format format, std::vector<Finding>& findings) {
  unicode::Changes changes;
  int first_line = 0;
  std::vector<Block> blocks;
  try {
    XmlErrorScope memory;  // a text read as empty for want of memory would be a wrong plan
    blocks = format == Format::odt ? office::odt_blocks(document, changes, first_line, findings)
                                   : office::docx_blocks(document, changes, first_line, findings);
    memory.check();
  } catch (const ArchiveError& e) {
    unreadable(findings, e.what());
    return {};
  }
  if (changes.any()) findings.push_back(canonical_text_finding(changes, {}, first_line));
  return parse_document(blocks, findings);
}

// Text in another encoding than UTF-8 is converted, and that is said.
std::optional<std::string> converted(std::string_view document, std::vector<Finding>& findings) {
  auto decoded = decode_text(document);
  if (!decoded || !decoded->from) return std::nullopt;
  findings.push_back(
      make_finding(rule::kEncodingConverted,
                   tr({"Datei ist in {0} gespeichert, nicht in UTF-8; umgewandelt (Umlaute prüfen)",
                       "the file is saved as {0}, not as UTF-8; converted (check the umlauts)"},
                      decoded->from),
                   1));
  return std::move(decoded->text);
}

// `owned`, if not null, holds `original` and may be emptied once the text is no longer needed.
Plan read_document(std::string_view original, std::string* owned, std::string_view source,
                   const ReadOptions& options, std::vector<Finding>& findings,
                   const FieldBuilt& field_built) {
  std::optional<std::string> utf8;
  if (!looks_like_zip(original)) {
    utf8 = converted(original, findings);
    // UTF-16 that cannot be decoded is full of NUL bytes: say so, not "binary file".
    if (!utf8 && original.find('\0') != std::string_view::npos) {
      if (auto problem = utf16_problem(original)) {
        findings.push_back(make_finding(rule::kEncodingInvalidUtf8, std::move(*problem), 1));
        return {};
      }
    }
  }
  const std::string_view document = utf8 ? std::string_view(*utf8) : original;
  switch (detect(document, source)) {
    case Format::old_office:
      unreadable(findings, tr({"keine .docx/.odt-Datei (ZIP): ein altes .doc, eine verschlüsselte "
                               "oder eine beschädigte Datei? In Word oder LibreOffice als .docx "
                               "oder .odt speichern",
                               "not a .docx/.odt (zip) file: an old .doc, an encrypted or a "
                               "damaged file? Save it as .docx or .odt in Word or LibreOffice"}));
      return {};
    case Format::docx:
    case Format::odt: {
      RawDocument raw = read_office(document, detect(document, source), findings);
      if (has_errors(findings)) return {};
      return resolve(std::move(raw), options.directory, findings, field_built);
    }
    case Format::flat_table:
    case Format::other_csv: {
      if (!check_encoding(document, findings)) return {};
      // The CSV structure is read from the text as it is; the values are made canonical after.
      if (!looks_like_flat_table(document)) {
        findings.push_back(make_finding(rule::kFlatTableInvalid, flat_table_problem(document), 1));
        return {};
      }
      return read_flat_table(document, findings, options.directory);
    }
    case Format::markdown:
      break;
  }
  RawDocument raw = parse_markdown(document, findings, [&] {
    utf8.reset();
    if (owned) std::string().swap(*owned);
  });
  if (has_errors(findings)) return {};
  return resolve(std::move(raw), options.directory, findings, field_built);
}

// The plan's name, title and source as the options and the document give them.
void name_plan(Plan& plan, std::string_view source, const ReadOptions& options) {
  if (!options.title.empty()) plan.title = options.title;
  // A file name need not be UTF-8 (a Latin-1 name on a Linux disk): what is derived from it is
  // made valid, with U+FFFD for each byte that is not; a name taken from it loses its control
  // characters (names are one line of printable text).
  plan.source = text::to_valid_utf8(source);
  plan.name = options.plan_name;
  if (plan.name.empty()) plan.name = plan.title;
  if (plan.name.empty())
    plan.name =
        text::without_controls(text::to_valid_utf8(std::filesystem::path(source).stem().string()));
  if (plan.name.empty()) plan.name = "plan";
}

// Checks each field as it is built and hands it on (see PlanSink); keeps what the checks of
// the whole plan need at the end.
class Streamer {
 public:
  Streamer(PlanSink& sink, std::string_view source, const ReadOptions& options,
           const std::vector<Finding>& findings)
      : sink_(sink), source_(source), options_(options), findings_(findings),
        rules_(options.directory) {}

  void field(Plan& plan, std::size_t index) {
    if (index == 0) name_plan(plan, source_, options_);
    const bool sound = integrity_.field(plan, index);
    for (; errors_seen_ < findings_.size(); ++errors_seen_)
      failed_ = failed_ || findings_[errors_seen_].severity == Severity::error;
    failed_ = failed_ || !sound;
    if (!failed_) {
      rules_.field(plan, index);
      sink_.field(plan, index);
    }
    std::vector<FocusArea>().swap(plan.fields[index].focus_areas);
    streamed_ = index + 1;
  }

  // The fields no callback brought (the flat table is read whole), then the checks of the
  // whole plan. Appends the findings that the checks of a whole plan give.
  void finish(Plan& plan, std::vector<Finding>& findings) {
    for (std::size_t f = streamed_; f < plan.fields.size(); ++f) field(plan, f);
    if (has_errors(findings)) return;
    if (!integrity_.finish(plan, findings)) return;
    auto rule_findings = rules_.finish(plan);
    findings.insert(findings.end(), std::make_move_iterator(rule_findings.begin()),
                    std::make_move_iterator(rule_findings.end()));
  }

 private:
  PlanSink& sink_;
  std::string_view source_;
  const ReadOptions& options_;
  const std::vector<Finding>& findings_;
  PlanIntegrity integrity_;
  PlanRules rules_;
  std::size_t streamed_ = 0, errors_seen_ = 0;
  bool failed_ = false;
};

std::string read_document_file(const std::filesystem::path& path) {
  std::string bytes = read_file(path, kMaxArchiveFileBytes);
  if (!looks_like_zip(bytes) && bytes.size() > kMaxTextFileBytes)
    throw_too_large(path, kMaxTextFileBytes);
  return bytes;
}

Plan read_owned(std::string_view document, std::string* owned, std::string_view source,
                const ReadOptions& options, PlanSink* sink = nullptr) {
  // Names and titles are stored, exported (XLSX, JSON) and printed: UTF-8 or nothing.
  text::require_printable_utf8(tr({"Der Name des Plans", "The plan's name"}), options.plan_name);
  text::require_printable_utf8(tr({"Der Titel des Plans", "The plan's title"}), options.title);
  std::vector<Finding> findings;
  std::optional<Streamer> streamer;
  FieldBuilt field_built;
  if (sink) {
    streamer.emplace(*sink, source, options, findings);
    field_built = [&](Plan& plan) { streamer->field(plan, plan.fields.size() - 1); };
  }
  Plan plan = read_document(document, owned, source, options, findings, field_built);
  if (streamer) {
    streamer->finish(plan, findings);
  } else if (!has_errors(findings)) {
    // What the storage requires, checked for every kind of document: a contradiction is an
    // error with its line here, never a failed constraint in the database.
    if (check_plan_integrity(plan, findings)) {
      auto rule_findings = validate(plan, options.directory);
      findings.insert(findings.end(), std::make_move_iterator(rule_findings.begin()),
                      std::make_move_iterator(rule_findings.end()));
    }
  }
  if (has_errors(findings)) plan = Plan{};
  name_plan(plan, source, options);
  for (auto& f : findings) {  // messages quote the document, which is UTF-8 by now; to be sure
    if (text::find_invalid_utf8(f.message)) f.message = text::to_valid_utf8(f.message);
    if (text::find_invalid_utf8(f.subject)) f.subject = text::to_valid_utf8(f.subject);
  }
  sort_findings(findings);
  plan.findings = std::move(findings);
  return plan;
}

}  // namespace

Plan read_plan(std::string_view document, std::string_view source, const ReadOptions& options) {
  return read_owned(document, nullptr, source, options);
}

Plan read_plan_file(const std::filesystem::path& path, const ReadOptions& options) {
  std::string bytes = read_document_file(path);
  return read_owned(bytes, &bytes, path.string(), options);
}

Plan read_plan_file(const std::filesystem::path& path, const ReadOptions& options, PlanSink& sink) {
  std::string bytes = read_document_file(path);
  return read_owned(bytes, &bytes, path.string(), options, &sink);
}

std::vector<Finding> check_plan_file(const std::filesystem::path& path,
                                     const ReadOptions& options) {
  // The import's way without a store: each checked field is let go.
  class Discard final : public PlanSink {
    void field(const Plan&, std::size_t) override {}
  } discard;
  return read_plan_file(path, options, discard).findings;
}

}  // namespace eduplan
