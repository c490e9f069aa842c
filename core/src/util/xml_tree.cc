#include "util/xml_tree.h"

#include <libxml/parser.h>

#include "eduplan/language.h"
#include "util/zip_archive.h"

namespace eduplan {

XmlDoc parse_xml(std::string_view xml, std::string_view part) {
  // A DOCTYPE is where entities are declared; office documents never need one.
  if (xml.find("<!DOCTYPE") != std::string_view::npos ||
      xml.find("<!ENTITY") != std::string_view::npos) {
    throw ArchiveError(tr({"{0} enthält eine DTD oder Entitäten (nicht erlaubt)",
                           "{0} holds a DTD or entities (not allowed)"},
                          part));
  }
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc || !xmlDocGetRootElement(doc)) {
    if (doc) xmlFreeDoc(doc);
    const xmlError* error = xmlGetLastError();
    std::string why = error && error->message ? error->message : "";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw ArchiveError(tr(
        {"{0} ist kein wohlgeformtes XML ({1})", "{0} is not well-formed XML ({1})"}, part, why));
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
