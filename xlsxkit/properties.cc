#include "xlsxkit/properties.h"

#include "xlsxkit/ooxml_text.h"

namespace eduplan::xlsxkit {
namespace {

char* optional_text(const std::string& s) {
  return s.empty() ? nullptr : const_cast<char*>(s.c_str());
}

}  // namespace

void set_document_properties(Workbook& wb, const DocumentProperties& given) {
  // Names and titles may come from a database other software wrote: no control characters.
  DocumentProperties p = given;
  for (std::string* text : {&p.title, &p.subject, &p.author, &p.keywords, &p.comments})
    *text = without_controls(*text);
  lxw_doc_properties properties{};
  properties.title = optional_text(p.title);
  properties.subject = optional_text(p.subject);
  properties.author = optional_text(p.author);
  properties.keywords = optional_text(p.keywords);
  properties.comments = optional_text(p.comments);
  if (p.created) properties.created = *p.created;
  wb.check(workbook_set_properties(wb.raw(), &properties), "Dokumenteigenschaften",
           "document properties");
}

void set_custom_property(Workbook& wb, const std::string& name, const std::string& given) {
  const std::string value = without_controls(given);
  wb.check(workbook_set_custom_property_string(wb.raw(), name.c_str(), value.c_str()),
           "benutzerdefinierte Eigenschaft", "custom property");
}

}  // namespace eduplan::xlsxkit
