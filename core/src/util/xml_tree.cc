#include "util/xml_tree.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <new>

#include "eduplan/language.h"
#include "util/zip_archive.h"

namespace eduplan {

namespace {

// What libxml2 reports, in our words, naming the part: its messages are English and name its
// own options ("use XML_PARSE_HUGE option"). The position is kept; the library's text is not.
std::string xml_problem(std::string_view part, const xmlError* error) {
  const std::string message = error && error->message ? error->message : "";
  const int code = error ? error->code : 0;
  std::string where;
  if (error && error->line > 0)
    where = tr({" (Zeile {0}, Spalte {1})", " (line {0}, column {1})"}, error->line, error->int2);
  if (message.find("depth") != std::string::npos) {
    return tr({"{0} ist zu tief verschachtelt (mehr als 256 Ebenen){1}; so schreibt weder Word "
               "noch LibreOffice",
               "{0} is nested too deeply (over 256 levels){1}; neither Word nor LibreOffice "
               "writes that"},
              part, where);
  }
  if (code == XML_ERR_DOCUMENT_EMPTY) return tr({"{0} ist leer", "{0} is empty"}, part);
  if (code == XML_ERR_DOCUMENT_END || code == XML_ERR_TAG_NOT_FINISHED ||
      message.find("Premature end") != std::string::npos) {
    return tr({"{0} ist kein wohlgeformtes XML: es endet, bevor alle Elemente geschlossen sind "
               "(abgeschnitten?){1}",
               "{0} is not well-formed XML: it ends before all elements are closed "
               "(truncated?){1}"},
              part, where);
  }
  std::string what;
  if (code == XML_ERR_TAG_NAME_MISMATCH) {
    what = tr({"ein Element wird mit falschem Namen geschlossen",
               "an element is closed with the wrong name"});
  } else if (code == XML_ERR_INVALID_CHAR || code == XML_ERR_INVALID_ENCODING) {
    what = tr({"ungültiges Zeichen", "invalid character"});
  } else {
    what = tr({"Syntaxfehler Nr. {0}", "syntax error no. {0}"}, code);
  }
  return tr({"{0} ist kein wohlgeformtes XML: {1}{2}", "{0} is not well-formed XML: {1}{2}"},
            part, what, where);
}

}  // namespace

XmlErrorScope::XmlErrorScope()
    : previous_(xmlStructuredError), previous_context_(xmlStructuredErrorContext) {
  xmlSetStructuredErrorFunc(this, &XmlErrorScope::record);
}

XmlErrorScope::~XmlErrorScope() { xmlSetStructuredErrorFunc(previous_context_, previous_); }

void XmlErrorScope::record(void* scope, xmlErrorPtr error) {
  if (error && error->code == XML_ERR_NO_MEMORY)
    static_cast<XmlErrorScope*>(scope)->out_of_memory_ = true;
}

void XmlErrorScope::check() const {
  if (out_of_memory_) throw std::bad_alloc();
}

XmlDoc parse_xml(std::string_view xml, std::string_view part) {
  // A DOCTYPE is where entities are declared; office documents never need one.
  if (xml.find("<!DOCTYPE") != std::string_view::npos ||
      xml.find("<!ENTITY") != std::string_view::npos) {
    throw ArchiveError(tr({"{0} enthält eine DTD oder Entitäten (nicht erlaubt)",
                           "{0} holds a DTD or entities (not allowed)"},
                          part));
  }
  XmlErrorScope scope;  // a parse cut short by a failed allocation can still return a tree
  xmlResetLastError();
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (scope.out_of_memory()) {
    if (doc) xmlFreeDoc(doc);
    throw std::bad_alloc();
  }
  if (!doc || !xmlDocGetRootElement(doc)) {
    if (doc) xmlFreeDoc(doc);
    const xmlError* error = xmlGetLastError();
    if (error && error->code == XML_ERR_NO_MEMORY) throw std::bad_alloc();
    throw ArchiveError(xml_problem(part, error));
  }
  return XmlDoc(doc);
}

std::string_view local_name(const xmlNode* node) {
  return node && node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : "";
}

std::string_view namespace_of(const xmlNode* node) {
  return node && node->ns && node->ns->href
             ? std::string_view(reinterpret_cast<const char*>(node->ns->href))
             : "";
}

const xmlNode* child(const xmlNode* node, std::string_view name) {
  for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next) {
    if (is_element(c, name)) return c;
  }
  return nullptr;
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node && node->type == XML_ELEMENT_NODE && local_name(node) == name;
}

std::string attribute(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* a = node ? node->properties : nullptr; a; a = a->next) {
    if (std::string_view(reinterpret_cast<const char*>(a->name)) != name) continue;
    xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return out;
  }
  return {};
}

bool has_attribute(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* a = node ? node->properties : nullptr; a; a = a->next) {
    if (std::string_view(reinterpret_cast<const char*>(a->name)) == name) return true;
  }
  return false;
}

}  // namespace eduplan
