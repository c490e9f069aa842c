#include "export/plugin_module.h"

#include <dlfcn.h>

#include <cstddef>
#include <cstring>

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

const char* type_name(eduplan_option_type t) {
  switch (t) {
    case EDUPLAN_OPTION_STRING:
      return "string";
    case EDUPLAN_OPTION_BOOL:
      return "bool";
    case EDUPLAN_OPTION_INT:
      return "int";
    case EDUPLAN_OPTION_ENUM:
      return "enum";
  }
  return nullptr;
}

}  // namespace

std::variant<LoadedExporter, std::string> load_exporter_module(const std::filesystem::path& file) {
  // Never dlclose: objects and code of a module must outlive every use.
  void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return std::string("kann nicht geladen werden: ") + ::dlerror();
  void* symbol = ::dlsym(handle, EDUPLAN_EXPORTER_ENTRY_NAME);
  if (!symbol)
    return std::string("kein Einsprungpunkt " EDUPLAN_EXPORTER_ENTRY_NAME
                       " (kein eduplan-Exporter?)");
  const eduplan_exporter* d = nullptr;
  try {
    d = reinterpret_cast<eduplan_exporter_entry_fn>(symbol)();
  } catch (...) {
    return std::string("Einsprungpunkt hat eine Ausnahme geworfen");
  }
  if (!d) return std::string("Einsprungpunkt liefert keinen Deskriptor");
  constexpr std::size_t kVersionEnd = offsetof(eduplan_exporter, abi_minor) + sizeof(d->abi_minor);
  if (d->struct_size < kVersionEnd) return std::string("Deskriptor zu klein für eine ABI-Version");
  const std::string host = version_text(EDUPLAN_EXPORTER_ABI_MAJOR, EDUPLAN_EXPORTER_ABI_MINOR);
  const std::string module = version_text(d->abi_major, d->abi_minor);
  if (d->abi_major != EDUPLAN_EXPORTER_ABI_MAJOR) {
    return "ABI-Version " + module + " passt nicht zu eduplan (ABI " + host +
           "): Hauptversion muss gleich sein";
  }
  if (d->abi_minor > EDUPLAN_EXPORTER_ABI_MINOR) {
    return "ABI-Version " + module + " ist neuer als eduplan (ABI " + host +
           "): eduplan aktualisieren";
  }
  if (d->struct_size < offsetof(eduplan_exporter, run) + sizeof(d->run))
    return std::string("Deskriptor unvollständig");
  if (!valid_id(d->id)) return std::string("ungültige Kennung (erlaubt: a-z, 0-9, -, _)");
  if (!d->run || !d->version || !d->file_extension) return std::string("Deskriptor unvollständig");

  LoadedExporter out{
      d, {d->id, d->version, d->description ? d->description : "", d->file_extension, file, {}}};
  // Fields appended in 1.1 exist only if the descriptor is long enough.
  if (d->struct_size >= offsetof(eduplan_exporter, capabilities) + sizeof(d->capabilities)) {
    out.info.writes_index = (d->capabilities & EDUPLAN_CAPABILITY_INDEX) != 0;
  }
  for (std::size_t i = 0; i < d->option_count; ++i) {
    const eduplan_option_decl& o = d->options[i];
    const char* type = type_name(o.type);
    if (!o.name || !*o.name || !type || !o.default_value) {
      return "Option " + std::to_string(i + 1) + " unvollständig deklariert";
    }
    ExporterOption opt{o.name, type, o.default_value, {}, o.help ? o.help : ""};
    if (o.type == EDUPLAN_OPTION_ENUM) {
      for (const char* const* a = o.allowed; a && *a; ++a) opt.allowed.emplace_back(*a);
      if (opt.allowed.empty()) return "Option " + opt.name + ": Aufzählung ohne erlaubte Werte";
    }
    out.info.options.push_back(std::move(opt));
  }
  return out;
}

}  // namespace eduplan
