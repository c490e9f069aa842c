#include "export/plugin_module.h"

#include <dlfcn.h>

#include <cstddef>
#include <cstring>

#include "eduplan/language.h"
#include "export/exporter_options.h"
#include "util/text.h"

namespace eduplan {
namespace {

std::string version_text(std::uint32_t major, std::uint32_t minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

bool valid_id(const char* id) {
  if (!id || !*id) return false;
  for (const char* p = id; *p; ++p) {
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
      return false;
  }
  return true;
}

std::optional<OptionType> type_of(eduplan_option_type t) {
  switch (t) {
    case EDUPLAN_OPTION_STRING:
      return OptionType::string;
    case EDUPLAN_OPTION_BOOL:
      return OptionType::boolean;
    case EDUPLAN_OPTION_INT:
      return OptionType::integer;
    case EDUPLAN_OPTION_ENUM:
      return OptionType::enumeration;
  }
  return std::nullopt;
}

// True if the descriptor is long enough to hold `member` (a field appended in a later minor).
template <class Member>
bool has(const eduplan_exporter* d, std::size_t offset, const Member&) {
  return d->struct_size >= offset + sizeof(Member);
}

// The options a descriptor declares, checked; a reason on failure.
std::variant<std::vector<ExporterOption>, std::string> declared_options(const eduplan_exporter* d) {
  const bool with_ranges =
      has(d, offsetof(eduplan_exporter, option_ranges), d->option_ranges) && d->option_ranges;
  std::vector<ExporterOption> out;
  if (d->option_count > 0 && !d->options)
    return tr({"{0} Optionen deklariert, aber keine Liste", "{0} options declared but no list"},
              d->option_count);
  for (std::size_t i = 0; i < d->option_count; ++i) {
    const eduplan_option_decl& o = d->options[i];
    const auto type = type_of(o.type);
    if (!o.name || !*o.name || !type || !o.default_value) {
      return tr({"Option {0} unvollständig deklariert", "option {0} is declared incompletely"},
                i + 1);
    }
    // `--option NAME=VALUE` must be able to name it: letters, digits, '-' and '_', once each.
    const std::string_view name(o.name);
    if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") !=
        std::string_view::npos) {
      return tr({"Option {0}: Name „{1}“ ungültig (nur Buchstaben, Ziffern, - und _)",
                 "option {0}: name \"{1}\" is invalid (letters, digits, - and _ only)"},
                i + 1, text::to_valid_utf8(name));
    }
    for (const ExporterOption& earlier : out) {
      if (earlier.name == name)
        return tr({"Option {0} zweimal deklariert", "option {0} is declared twice"}, earlier.name);
    }
    ExporterOption opt{o.name, *type, o.default_value, {}, {}, {}, o.help ? o.help : ""};
    if (*type == OptionType::enumeration) {
      for (const char* const* a = o.allowed; a && *a; ++a) opt.allowed.emplace_back(*a);
      if (opt.allowed.empty())
        return tr({"Option {0}: Aufzählung ohne erlaubte Werte", "option {0}: enum without values"},
                  opt.name);
    }
    if (*type == OptionType::integer && with_ranges) {
      const eduplan_option_range& r = d->option_ranges[i];
      if (r.min != EDUPLAN_OPTION_NO_MIN) opt.min = r.min;
      if (r.max != EDUPLAN_OPTION_NO_MAX) opt.max = r.max;
      if (opt.min && opt.max && *opt.min > *opt.max)
        return tr({"Option {0}: Minimum größer als Maximum", "option {0}: minimum above maximum"},
                  opt.name);
    }
    if (!option_value_valid(opt, opt.default_value)) {
      return tr({"Option {0}: Standardwert „{1}“ ist selbst ungültig",
                 "option {0}: the default \"{1}\" is itself invalid"},
                opt.name, opt.default_value);
    }
    out.push_back(std::move(opt));
  }
  return out;
}

}  // namespace

std::variant<LoadedExporter, std::string> load_exporter_module(const std::filesystem::path& file) {
  // Never dlclose: objects and code of a module must outlive every use.
  void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return tr({"kann nicht geladen werden: {0}", "cannot be loaded: {0}"}, ::dlerror());
  void* symbol = ::dlsym(handle, EDUPLAN_EXPORTER_ENTRY_NAME);
  if (!symbol) {
    return tr({"kein Einsprungpunkt {0} (kein eduplan-Exporter?)",
               "no entry point {0} (not an eduplan exporter?)"},
              EDUPLAN_EXPORTER_ENTRY_NAME);
  }
  const eduplan_exporter* d = nullptr;
  try {
    d = reinterpret_cast<eduplan_exporter_entry_fn>(symbol)();
  } catch (...) {
    return tr({"Einsprungpunkt hat eine Ausnahme geworfen", "the entry point threw an exception"});
  }
  if (!d)
    return tr(
        {"Einsprungpunkt liefert keinen Deskriptor", "the entry point returned no descriptor"});
  if (!has(d, offsetof(eduplan_exporter, abi_minor), d->abi_minor))
    return tr(
        {"Deskriptor zu klein für eine ABI-Version", "descriptor too small for an ABI version"});
  const std::string host = version_text(EDUPLAN_EXPORTER_ABI_MAJOR, EDUPLAN_EXPORTER_ABI_MINOR);
  const std::string module = version_text(d->abi_major, d->abi_minor);
  if (d->abi_major != EDUPLAN_EXPORTER_ABI_MAJOR) {
    return tr({"ABI-Version {0} passt nicht zu eduplan (ABI {1}): Hauptversion muss gleich sein",
               "ABI version {0} does not fit eduplan (ABI {1}): the major version must be equal"},
              module, host);
  }
  if (d->abi_minor > EDUPLAN_EXPORTER_ABI_MINOR) {
    return tr({"ABI-Version {0} ist neuer als eduplan (ABI {1}): eduplan aktualisieren",
               "ABI version {0} is newer than eduplan (ABI {1}): update eduplan"},
              module, host);
  }
  const std::string incomplete = tr({"Deskriptor unvollständig", "descriptor incomplete"});
  if (!has(d, offsetof(eduplan_exporter, run), d->run)) return incomplete;
  if (!valid_id(d->id))
    return tr(
        {"ungültige Kennung (erlaubt: a-z, 0-9, -, _)", "invalid id (allowed: a-z, 0-9, -, _)"});
  if (!d->run || !d->version || !d->file_extension) return incomplete;

  LoadedExporter out{
      d, {d->id, d->version, d->description ? d->description : "", d->file_extension, file, {}}};
  // Fields appended in 1.1 exist only if the descriptor is long enough.
  if (has(d, offsetof(eduplan_exporter, capabilities), d->capabilities))
    out.info.writes_index = (d->capabilities & EDUPLAN_CAPABILITY_INDEX) != 0;
  // A stream exists for modules of 1.4 and later only.
  if (d->abi_minor >= 4 && has(d, offsetof(eduplan_exporter, capabilities), d->capabilities))
    out.info.streams = (d->capabilities & EDUPLAN_CAPABILITY_STREAM) != 0;
  auto options = declared_options(d);
  if (auto* reason = std::get_if<std::string>(&options)) return *reason;
  out.info.options = std::move(std::get<std::vector<ExporterOption>>(options));
  // English texts (1.5) for users who chose English; the module's own otherwise.
  if (language() == Language::en && d->abi_minor >= 5 &&
      has(d, offsetof(eduplan_exporter, option_help_en), d->option_help_en)) {
    if (d->description_en) out.info.description = d->description_en;
    for (std::size_t i = 0; d->option_help_en && i < out.info.options.size(); ++i) {
      if (d->option_help_en[i]) out.info.options[i].help = d->option_help_en[i];
    }
  }
  return out;
}

}  // namespace eduplan
