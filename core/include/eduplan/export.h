/* EDUPLAN_EXPORT marks what libeduplan publishes: the functions and classes declared in the
 * public headers. The library is built with hidden visibility, so everything else stays inside
 * it (and a linker version script hides what templates would otherwise leak).
 * Usable from C and C++. */
#ifndef EDUPLAN_EXPORT_H
#define EDUPLAN_EXPORT_H

#if defined(_WIN32)
#if defined(EDUPLAN_BUILDING_LIBRARY)
#define EDUPLAN_EXPORT __declspec(dllexport)
#else
#define EDUPLAN_EXPORT __declspec(dllimport)
#endif
#else
#define EDUPLAN_EXPORT __attribute__((visibility("default")))
#endif

#endif /* EDUPLAN_EXPORT_H */
