#include "storage/status_store.h"

#include <climits>
#include <cstdint>
#include <utility>
#include <vector>
#include <set>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "eduplan/status_carry.h"
#include "storage/storage_checks.h"
#include "util/text.h"
#include "util/unicode.h"
#include <algorithm>
#include <ctime>

namespace eduplan::status_store {

using sqlite::Statement;

namespace {

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return out;
}

}  // namespace

void check_scale(const std::vector<std::string>& scale) {
  if (scale.empty())
    throw UsageError(tr({"die Statusskala braucht mindestens einen Status",
                         "the status scale needs at least one status"}));
  // A scale is a drop-down in every form and a column in every roll-up: a handful of short
  // words. The limits keep forms and reports usable (and a form's row of statuses on its sheet).
  constexpr std::size_t kMaxStatuses = 50, kMaxCharacters = 80;
  if (scale.size() > kMaxStatuses)
    throw UsageError(tr({"die Statusskala hat {0} Status, höchstens {1} sind möglich",
                         "the status scale has {0} statuses, at most {1} are possible"},
                        scale.size(), kMaxStatuses));
  std::set<std::string> seen;
  for (const auto& s : scale) {
    check_stored_text(s, tr({"ein Status der Skala", "a status of the scale"}));
    if (s.find_first_not_of(" \t") == std::string::npos)
      throw UsageError(tr({"leerer Status in der Skala", "an empty status in the scale"}));
    if (const auto control = text::find_control(s))
      throw UsageError(tr({"ein Status der Skala enthält ein Steuerzeichen (Byte {0})",
                           "a status of the scale holds a control character (byte {0})"},
                          *control + 1));
    if (const auto at = text::find_invisible(s))
      throw UsageError(tr({"ein Status der Skala enthält ein unsichtbares Zeichen (Byte {0})",
                           "a status of the scale holds an invisible character (byte {0})"},
                          *at + 1));
    const auto characters = static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    if (characters > kMaxCharacters)
      throw UsageError(tr({"ein Status der Skala ist {0} Zeichen lang, höchstens {1} sind möglich",
                           "a status of the scale is {0} characters long, at most {1} are possible"},
                          characters, kMaxCharacters));
    // Forms are read ignoring case, no-break spaces and decomposed umlauts: two statuses that
    // differ only so would be one on import.
    if (!seen.insert(unicode::folded(s)).second)
      throw UsageError(tr({"Status „{0}“ steht zweimal in der Skala (Groß- und Kleinschreibung zählen "
                           "nicht)",
                           "status \"{0}\" appears twice in the scale (case does not count)"},
                          s));
  }
}

std::vector<std::string> scale(sqlite::Database& db, int version) {
  if (version < 3) return default_status_scale();
  Statement st(db, "SELECT status FROM status_scale ORDER BY position");
  std::vector<std::string> out;
  std::string status;
  while (st.step()) {
    st.column(0, status);
    out.push_back(status);
  }
  return out.empty() ? default_status_scale() : out;
}

void set_scale(sqlite::Database& db, const std::vector<std::string>& new_scale) {
  check_scale(new_scale);
  Statement used(db, "SELECT DISTINCT status FROM status_report");
  std::string status;
  while (used.step()) {
    used.column(0, status);
    if (std::find(new_scale.begin(), new_scale.end(), status) == new_scale.end())
      throw UsageError(tr({"Status „{0}“ wird in Rückmeldungen verwendet und muss in der Skala bleiben",
                           "status \"{0}\" is used by reports and must stay in the scale"},
                          status));
  }
  db.exec("DELETE FROM status_scale");
  Statement insert(db, "INSERT INTO status_scale(position, status) VALUES(?, ?)");
  for (std::size_t i = 0; i < new_scale.size(); ++i) {
    insert.reset();
    insert.bind(1, i);
    insert.bind(2, new_scale[i]);
    insert.step();
  }
}

void add(sqlite::Database& db, std::string_view plan, std::vector<StatusReport>& reports) {
  Statement exists(db, "SELECT 1 FROM plan WHERE name = ?");
  exists.bind(1, plan);
  if (!exists.step())
    throw UsageError(tr({"kein Plan „{0}“ in der Datenbank", "no plan \"{0}\" in the database"},
                        std::string(plan)));
  const std::string now = utc_now();
  Statement insert(db,
                   "INSERT INTO status_report(plan, key, period, status, progress, note, source, "
                   "imported_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
  for (auto& r : reports) {
    check_status_report(r);
    r.imported_at = now;
    insert.reset();
    insert.bind(1, plan);
    insert.bind(2, r.key);
    insert.bind(3, r.period);
    insert.bind(4, r.status);
    insert.bind(5, r.progress);
    insert.bind(6, r.note);
    insert.bind(7, r.source);
    insert.bind(8, r.imported_at);
    insert.step();
    r.sequence = db.last_insert_id();
  }
}

std::vector<StatusReport> reports(sqlite::Database& db, int version, std::string_view plan,
                                  std::optional<std::string_view> period) {
  std::vector<StatusReport> out;
  if (version < 3) return out;
  Statement st(db, std::string("SELECT key, period, status, progress, note, source, imported_at, "
                               "sequence FROM status_report WHERE plan = ?") +
                       (period ? " AND period = ?" : "") + " ORDER BY sequence");
  st.bind(1, plan);
  if (period) st.bind(2, *period);
  while (st.step()) {
    StatusReport r;
    st.column(0, r.key);
    st.column(1, r.period);
    st.column(2, r.status);
    if (!st.is_null(3)) r.progress = static_cast<int>(st.integer(3, 0, 100));
    st.column(4, r.note);
    st.column(5, r.source);
    st.column(6, r.imported_at);
    r.sequence = st.integer(7, 1, INT64_MAX);
    out.push_back(std::move(r));
  }
  return out;
}

void rename_plan(sqlite::Database& db, std::string_view from, std::string_view to) {
  Statement st(db, "UPDATE status_report SET plan = ? WHERE plan = ?");
  st.bind(1, to);
  st.bind(2, from);
  st.step();
  // Reports carried from the plan into other versions name it in their source: they follow
  // too, so that `status carry` from the renamed plan knows its earlier copies. Only sources
  // that are exactly "übernommen aus <from> (<key>)": not those of a plan "<from> (alt)", nor a
  // form's file that happens to begin so.
  const std::string prefix = carried_source_prefix(std::string(from));  // narrows the search
  Statement candidates(db,
                       "SELECT sequence, source FROM status_report "
                       "WHERE substr(source, 1, length(?1)) = ?1");
  candidates.bind(1, prefix);
  std::vector<std::pair<std::int64_t, std::string>> renamed;
  std::string source;
  while (candidates.step()) {
    candidates.column(1, source);
    if (const auto key = carried_key(source, std::string(from)))
      renamed.emplace_back(candidates.integer(0, 1, INT64_MAX), carried_source(std::string(to), *key));
  }
  Statement update(db, "UPDATE status_report SET source = ? WHERE sequence = ?");
  for (const auto& [sequence, new_source] : renamed) {
    update.reset();
    update.bind(1, new_source);
    update.bind(2, sequence);
    update.step();
  }
}

void remove_plan(sqlite::Database& db, std::string_view plan) {
  Statement st(db, "DELETE FROM status_report WHERE plan = ?");
  st.bind(1, plan);
  st.step();
}

}  // namespace eduplan::status_store
