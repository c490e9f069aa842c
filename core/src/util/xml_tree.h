// Parsing XML from untrusted files, through libxml2 (internal). A document with a DOCTYPE is
// refused before it is parsed, so that no entity is ever defined, let alone expanded (billion
// laughs) or fetched (XXE); the network is off and libxml2's own size limits stay on.
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <memory>
#include <string>
#include <string_view>

namespace eduplan {

// While it lives, libxml2's errors on this thread are not printed (libxml2 writes some to stderr
// whatever the options say) but watched: when an allocation fails libxml2 goes on with less — a
// document cut short that still parses, a text or an attribute read as empty — so a reader holds
// one over all its work on a tree and calls check() at the end. Scopes nest.
class XmlErrorScope {
 public:
  XmlErrorScope();
  ~XmlErrorScope();
  XmlErrorScope(const XmlErrorScope&) = delete;
  XmlErrorScope& operator=(const XmlErrorScope&) = delete;
  bool out_of_memory() const { return out_of_memory_; }
  // Throws std::bad_alloc if an allocation failed since the scope began.
  void check() const;

 private:
  static void record(void* scope, xmlErrorPtr error);
  xmlStructuredErrorFunc previous_;
  void* previous_context_;
  bool out_of_memory_ = false;
};

// Throws ArchiveError (util/zip_archive.h) with the part's name if `xml` is not well-formed or
// declares a DOCTYPE; std::bad_alloc if libxml2 ran out of memory (not the input's fault).
struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;
XmlDoc parse_xml(std::string_view xml, std::string_view part);

// Small helpers over libxml2's tree: the local name of an element, its namespace, attributes.
std::string_view local_name(const xmlNode* node);
std::string_view namespace_of(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view name);  // element with that local name
// The attribute with that local name (any namespace), or "" .
std::string attribute(const xmlNode* node, std::string_view name);
bool has_attribute(const xmlNode* node, std::string_view name);
// Calls f(child) for each element child of `node` (none for a null node), in order.
template <class F>
void for_children(const xmlNode* node, F f) {
  for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) f(c);
  }
}
// The first element child with that local name, or null.
const xmlNode* child(const xmlNode* node, std::string_view name);

}  // namespace eduplan
