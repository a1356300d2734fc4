// 1EdTech CASE 1.0 packages (a CFPackage as JSON: CFDocument, CFItems, CFAssociations,
// CFRubrics), read into Trappa's framework and written from it (docs/formats.md,
// "Frameworks from other standards").
//
// Reading: the CFItems joined by `isChildOf` associations form the tree that flatten_outline
// turns into areas and competencies; a rubric criterion's levels (score, quality, description)
// give the scale and the competency's level descriptors; other association types are counted
// and ignored. Problems name the JSON path, e.g. "CFItems[12].fullStatement".
//
// Writing: every identifier is a name-based UUID (version 5, SHA-1, URL namespace) of
// "urn:trappa:framework:ID" plus the object's kind and code, so the same framework always
// gets the same identifiers; only lastChangeDateTime (the caller's `changed_at`) varies.
// Roles and role profiles have no place in CASE and are left out; everything else reads back
// as it was. Pure functions.
#pragma once

#include <string>
#include <string_view>

#include "core/base/result.hpp"
#include "core/framework/framework.hpp"
#include "io/frameworks/framework_outline.hpp"

namespace trappa::io {

[[nodiscard]] core::Result<ImportedFramework> parse_case_package(std::string_view text, const std::string& file_name);

// `changed_at`: ISO 8601 with offset, e.g. "2026-12-04T13:00:00+00:00".
[[nodiscard]] std::string write_case_package(const core::Framework& framework, const std::string& changed_at);

// The name-based UUID (v5, URL namespace) of `name`, in lower-case 8-4-4-4-12 form.
[[nodiscard]] std::string name_based_uuid(std::string_view name);

}  // namespace trappa::io
