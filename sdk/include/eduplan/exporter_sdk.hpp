// Header-only C++ helper for writing eduplan exporters against exporter_abi.h.
//
//   static void write_report(const eduplan::sdk::Request& request) {
//     eduplan::sdk::OutputFile out(request.output_path());
//     for (const auto& field : request.fields())
//     out.write(eduplan::sdk::view(field.title)).write("\n"); out.close();
//   }
//   static const eduplan_exporter kExporter =
//       eduplan::sdk::describe("report", "1.0.0", "Mein Bericht", "txt", nullptr, 0,
//                              eduplan::sdk::run<write_report>);
//   extern "C" EDUPLAN_EXPORTER_ENTRY { return &kExporter; }
//
// Throw eduplan::sdk::Failure (or any exception) to fail with a message: run<> catches
// everything, so no exception ever crosses the C boundary.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/exporter_abi.h"

namespace eduplan::sdk {

inline constexpr eduplan_option_range unbounded{EDUPLAN_OPTION_NO_MIN, EDUPLAN_OPTION_NO_MAX};

inline std::string_view view(eduplan_str s) {
  return s.size ? std::string_view(s.data, s.size) : std::string_view();
}

// An error with a message for the user; the host adds the exporter's id.
struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Messages in the language the user chose (eduplan --lang): run<> sets it from the request
// before calling the exporter (German where the host is older than ABI 1.5). Code that uses
// say() outside run<> sets it itself.
inline bool& english_messages_flag() noexcept {
  static bool english = false;
  return english;
}
inline void set_english_messages(bool english) noexcept { english_messages_flag() = english; }
inline bool english_messages() noexcept { return english_messages_flag(); }

// `german` or `english`, whichever the user reads, with {0} … {9} replaced by `args` (strings;
// convert numbers with std::to_string). A placeholder without an argument stays as it is.
template <class... Args>
std::string say(const char* german, const char* english, const Args&... args) {
  const std::string_view values[] = {std::string_view(args)..., std::string_view()};
  std::string out;
  for (const char* p = english_messages() ? english : german; *p; ++p) {
    const bool placeholder = p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}' &&
                             static_cast<std::size_t>(p[1] - '0') < sizeof...(Args);
    if (placeholder) {
      out += values[p[1] - '0'];
      p += 2;
    } else {
      out += *p;
    }
  }
  return out;
}

// What the system error `errnum` (errno) means, in German or English: std::strerror speaks
// English only, which reads oddly inside a German message. The errors files meet most have
// texts of their own; any other gives strerror's.
inline std::string error_text_in(int errnum, bool english) {
  struct Text {
    int errnum;
    const char *german, *english;
  };
  static constexpr Text kTexts[] = {
      {ENOENT, "Datei oder Verzeichnis gibt es nicht", "no such file or directory"},
      {EACCES, "keine Berechtigung", "permission denied"},
      {EPERM, "keine Berechtigung", "permission denied"},
      {ENOSPC, "kein Platz mehr auf dem Datenträger", "no space left on the device"},
      {EDQUOT, "Kontingent überschritten", "disk quota exceeded"},
      {EROFS, "Datenträger ist schreibgeschützt", "read-only file system"},
      {EISDIR, "ist ein Verzeichnis", "is a directory"},
      {ENOTDIR, "ein Teil des Pfads ist kein Verzeichnis", "a part of the path is not a directory"},
      {ENAMETOOLONG, "Name zu lang", "name too long"},
      {ELOOP, "zu viele symbolische Links (eine Schleife?)",
       "too many levels of symbolic links (a loop?)"},
      {EEXIST, "gibt es schon", "exists already"},
      {EXDEV, "liegt auf einem anderen Datenträger", "is on another file system"},
      {EIO, "Ein-/Ausgabefehler des Datenträgers", "input/output error of the device"},
      {EFBIG, "Datei zu groß", "file too large"},
      {EMFILE, "zu viele offene Dateien", "too many open files"},
      {ENFILE, "zu viele offene Dateien im System", "too many open files in the system"},
      {ENXIO, "kein solches Gerät (bei einer FIFO: kein Leser)", "no such device (for a FIFO: no reader)"},
      {EBUSY, "wird gerade benutzt", "busy"},
      {ENOTEMPTY, "Verzeichnis ist nicht leer", "directory not empty"},
      {ETXTBSY, "Datei wird gerade ausgeführt", "text file busy"},
      {EPIPE, "der Leser hat die Pipe geschlossen", "the reader closed the pipe"},
      {ENOMEM, "nicht genug Arbeitsspeicher", "not enough memory"},
      {EINVAL, "ungültiges Argument", "invalid argument"},
      {EAGAIN, "vorübergehend nicht verfügbar", "temporarily unavailable"},
      {EINTR, "unterbrochen", "interrupted"},
  };
  for (const Text& t : kTexts) {
    if (t.errnum == errnum) return english ? t.english : t.german;
  }
  return std::strerror(errnum);
}
// The same in the language of the messages (see say()).
inline std::string error_text(int errnum) { return error_text_in(errnum, english_messages()); }

// One focus area, as each_focus_area() hands it over.
struct FocusArea {
  std::size_t field;  // index into fields()
  std::size_t index;  // position in its field, from 0
  const eduplan_focus_area_view& area;
  std::span<const eduplan_attribute> attributes;  // the further columns
  std::span<const eduplan_report_view> reports;   // parallel to area's units, or empty
};

// Convenience access to a request. Valid only during run().
class Request {
 public:
  explicit Request(const eduplan_export_request* r) : r_(r) {}

  const eduplan_plan_view& plan() const { return *r_->plan; }
  // "de" or "en": the language of messages for set_error (Failure). German from hosts older than
  // ABI 1.5.
  std::string_view message_language() const {
    const bool has = r_->struct_size >= offsetof(eduplan_export_request, message_language) +
                                            sizeof(r_->message_language);
    return has && r_->message_language && std::string_view(r_->message_language) == "en" ? "en"
                                                                                         : "de";
  }
  std::span<const eduplan_field_view> fields() const { return {plan().fields, plan().field_count}; }
  std::span<const eduplan_unit_view> units() const { return {plan().units, plan().unit_count}; }
  std::span<const eduplan_objective_view> objectives() const {
    return {plan().objectives, plan().objective_count};
  }
  std::span<const eduplan_finding_view> findings() const {
    return {plan().findings, plan().finding_count};
  }
  static std::span<const eduplan_focus_area_view> focus_areas(const eduplan_field_view& f) {
    return {f.focus_areas, f.focus_area_count};
  }
  static std::span<const std::size_t> units_of(const eduplan_focus_area_view& fa) {
    return {fa.units, fa.unit_count};
  }
  static std::span<const std::size_t> objectives_of(const eduplan_field_view& f) {
    return {f.objectives, f.objective_count};
  }

  // The further columns of focus area `area` of field `field` (ABI 1.3; empty from an older
  // host or where there are none).
  std::span<const eduplan_attribute> attributes(std::size_t field, std::size_t area) const {
    const auto& p = plan();
    if (p.struct_size < offsetof(eduplan_plan_view, attributes) + sizeof(p.attributes) ||
        !p.attributes || field >= p.field_count || area >= p.fields[field].focus_area_count)
      return {};
    const eduplan_attribute_list& list = p.attributes[field][area];
    return {list.items, list.count};
  }
  // Monitoring (ABI 1.4): the latest reports of focus area `area` of field `field`, parallel to
  // its units; empty without reports (or from an older host, or when streaming: use
  // each_focus_area, whose rows carry them).
  std::span<const eduplan_report_view> reports(std::size_t field, std::size_t area) const {
    const auto& p = plan();
    if (!has_monitoring() || !p.reports || field >= p.field_count ||
        area >= p.fields[field].focus_area_count)
      return {};
    const eduplan_report_list& list = p.reports[field][area];
    return {list.items, list.count};
  }
  // The database's status scale (ABI 1.4; empty from an older host).
  std::vector<std::string_view> status_scale() const {
    std::vector<std::string_view> out;
    if (!has_monitoring()) return out;
    for (std::size_t i = 0; i < plan().status_scale_count; ++i)
      out.push_back(view(plan().status_scale[i]));
    return out;
  }
  // The period the reports were chosen from; empty: the latest of any period.
  std::string_view report_period() const {
    return has_monitoring() ? view(plan().report_period) : std::string_view();
  }

  // The names of all further columns, in the order they first appear.
  std::vector<std::string_view> attribute_names() const {
    std::vector<std::string_view> names;
    const auto& p = plan();
    if (p.struct_size >=
        offsetof(eduplan_plan_view, attribute_name_count) + sizeof(p.attribute_name_count)) {
      for (std::size_t i = 0; i < p.attribute_name_count; ++i)
        names.push_back(view(p.attribute_names[i]));
      return names;
    }
    for (std::size_t f = 0; f < plan().field_count; ++f) {
      for (std::size_t a = 0; a < plan().fields[f].focus_area_count; ++a) {
        for (const auto& attr : attributes(f, a)) {
          const auto n = view(attr.name);
          if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
        }
      }
    }
    return names;
  }

  // The value of a declared option (the host has validated it and filled in defaults).
  std::string_view option(std::string_view name) const {
    for (std::size_t i = 0; i < r_->option_count; ++i) {
      if (view(r_->options[i].name) == name) return view(r_->options[i].value);
    }
    throw Failure(say("Option nicht deklariert: {0}", "option not declared: {0}", name));
  }
  bool flag(std::string_view name) const { return option(name) == "true"; }
  long long number(std::string_view name) const {
    return std::strtoll(std::string(option(name)).c_str(), nullptr, 10);
  }

  // The stream of focus areas (ABI 1.4, for a module that declares EDUPLAN_CAPABILITY_STREAM),
  // or null: then the plan view holds them.
  const eduplan_focus_area_stream* stream() const {
    if (r_->struct_size <
        offsetof(eduplan_export_request, focus_area_stream) + sizeof(r_->focus_area_stream))
      return nullptr;
    return r_->focus_area_stream;
  }

  // Calls fn(const FocusArea&) for every focus area in document order, from the stream if the
  // host offers one, else from the plan view. Each call is a new pass. Throws Failure if the
  // stream fails.
  template <class Fn>
  void each_focus_area(Fn&& fn) const {
    if (const eduplan_focus_area_stream* s = stream()) {
      if (s->rewind(s->host) != 0)
        throw Failure(say("der Plan lässt sich nicht lesen", "the plan cannot be read"));
      eduplan_focus_area_row row{};
      for (;;) {
        const int got = s->next(s->host, &row);
        if (got == 0) return;
        if (got < 0)
          throw Failure(say("der Plan lässt sich nicht lesen", "the plan cannot be read"));
        fn(FocusArea{row.field,
                     row.index,
                     row.area,
                     {row.attributes.items, row.attributes.count},
                     {row.reports.items, row.reports.count}});
      }
    }
    const auto all = fields();
    for (std::size_t f = 0; f < all.size(); ++f) {
      const auto areas = focus_areas(all[f]);
      for (std::size_t a = 0; a < areas.size(); ++a)
        fn(FocusArea{f, a, areas[a], attributes(f, a), reports(f, a)});
    }
  }

  // Calls fn(const eduplan_finding_view&) for every finding, from the stream if the host offers
  // one, else from the plan view. Throws Failure if the stream fails.
  template <class Fn>
  void each_finding(Fn&& fn) const {
    const eduplan_finding_stream* s = nullptr;
    if (r_->struct_size >=
        offsetof(eduplan_export_request, finding_stream) + sizeof(r_->finding_stream))
      s = r_->finding_stream;
    if (s) {
      if (s->rewind(s->host) != 0)
        throw Failure(say("der Plan lässt sich nicht lesen", "the plan cannot be read"));
      eduplan_finding_view row{};
      for (;;) {
        const int got = s->next(s->host, &row);
        if (got == 0) return;
        if (got < 0)
          throw Failure(say("der Plan lässt sich nicht lesen", "the plan cannot be read"));
        fn(static_cast<const eduplan_finding_view&>(row));
      }
    }
    for (const auto& f : findings()) fn(f);
  }
  // The number of findings (also when they come as a stream).
  std::size_t finding_count() const { return plan().finding_count; }

  const char* output_path() const { return r_->output_path; }
  // The reports of a batch when the host asks for an index (ABI 1.1), else empty.
  std::span<const eduplan_batch_entry> batch() const {
    if (r_->struct_size < offsetof(eduplan_export_request, batch_count) + sizeof(r_->batch_count))
      return {};
    return {r_->batch, r_->batch_count};
  }
  const eduplan_export_request* raw() const { return r_; }

 private:
  bool has_monitoring() const {
    return plan().struct_size >= offsetof(eduplan_plan_view, report_period) + sizeof(eduplan_str);
  }
  const eduplan_export_request* r_;
};

// The file the host asked for, written with error checks; throws Failure on any I/O error.
class OutputFile {
 public:
  explicit OutputFile(const char* path) : path_(path), f_(std::fopen(path, "wb")) {
    if (!f_) {
      throw Failure(say("{0} lässt sich nicht öffnen: {1}", "cannot open {0}: {1}", path,
                        error_text(errno)));
    }
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile() {
    if (f_) std::fclose(f_);
  }
  OutputFile& write(std::string_view s) {
    if (!s.empty() && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) fail();
    return *this;
  }
  void close() {
    std::FILE* f = f_;
    f_ = nullptr;
    if (std::fclose(f) != 0) fail();
  }

 private:
  [[noreturn]] void fail() {
    throw Failure(say("{0} lässt sich nicht schreiben: {1}", "cannot write {0}: {1}", path_,
                      error_text(errno)));
  }
  std::string path_;
  std::FILE* f_;
};

// Adapts `void Fn(const Request&)` to the ABI's run function: catches every exception.
template <void (*Fn)(const Request&)>
eduplan_status run(const eduplan_export_request* request) noexcept {
  auto report = [request](const char* message) {
    if (request->set_error) request->set_error(request->host, message, std::strlen(message));
  };
  try {
    const Request r(request);
    set_english_messages(r.message_language() == "en");
    Fn(r);
    return EDUPLAN_STATUS_OK;
  } catch (const std::exception& e) {
    report(e.what());
  } catch (...) {
    report(english_messages() ? "unknown exception in exporter"
                              : "unbekannte Ausnahme im Exporter");
  }
  return EDUPLAN_STATUS_ERROR;
}

// A descriptor for the current ABI version. `ranges` is null or has one entry per option
// (only INT options use theirs; `unbounded` leaves both ends open). `description_en` and
// `help_en` (null, or one entry per option) are shown to users who chose English (1.5).
constexpr eduplan_exporter describe(const char* id, const char* version, const char* description,
                                    const char* extension, const eduplan_option_decl* options,
                                    std::size_t option_count,
                                    eduplan_status (*run_fn)(const eduplan_export_request*),
                                    std::uint32_t capabilities = 0,
                                    const eduplan_option_range* ranges = nullptr,
                                    const char* description_en = nullptr,
                                    const char* const* help_en = nullptr) {
  return eduplan_exporter{sizeof(eduplan_exporter),
                          EDUPLAN_EXPORTER_ABI_MAJOR,
                          EDUPLAN_EXPORTER_ABI_MINOR,
                          id,
                          version,
                          description,
                          extension,
                          options,
                          option_count,
                          run_fn,
                          capabilities,
                          ranges,
                          description_en,
                          help_en};
}

}  // namespace eduplan::sdk
