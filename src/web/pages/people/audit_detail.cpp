#include "web/pages/people/audit_detail.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "core/access/account.hpp"
#include "core/assessment/assessment.hpp"

namespace trappa::web {

namespace {

constexpr std::string_view kArrow = "→";
constexpr std::string_view kNone = "–";

struct Change {
  std::string_view from;
  std::string_view to;
};

// "A→B" → {A, B}.
std::optional<Change> change_of(std::string_view text) {
  const auto arrow = text.find(kArrow);
  if (arrow == std::string_view::npos) return std::nullopt;
  return Change{text.substr(0, arrow), text.substr(arrow + kArrow.size())};
}

std::vector<std::string_view> split(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> parts;
  for (std::size_t at = text.find(separator); at != std::string_view::npos; at = text.find(separator)) {
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + separator.size());
  }
  parts.push_back(text);
  return parts;
}

std::string changed(const PageRequest& page, std::string_view key, std::string from, std::string to,
                    std::initializer_list<std::pair<std::string_view, std::string>> more = {}) {
  std::string shown = format_text(page.t(key), more);
  return format_text(shown, {{"from", std::move(from)}, {"to", std::move(to)}});
}

// A status code of the stored assessment, in the words of the one status model.
std::string status_word(const PageRequest& page, std::string_view code) {
  if (code == kNone || !core::parse_assessment_status(code)) return std::string(code);
  return std::string(page.t("status_" + std::string(code)));
}

std::string role_word(const PageRequest& page, std::string_view code) {
  if (const auto role = core::parse_account_role(code)) return std::string(account_role_label(page, *role));
  return std::string(code);
}

std::string scope_word(const PageRequest& page, std::string_view unit) {
  return unit == kNone ? std::string(page.t("accounts_scope_all")) : std::string(unit);
}

std::string list_word(std::string_view list) {  // "[1.1,2.3]" → "1.1, 2.3"; "[]" → "–"
  if (list.size() >= 2 && list.front() == '[' && list.back() == ']') list = list.substr(1, list.size() - 2);
  if (list.empty()) return std::string(kNone);
  std::string words;
  for (std::string_view item : split(list, ",")) words += (words.empty() ? "" : ", ") + std::string(item);
  return words;
}

// "created: role employee, scope –, own password" (account) or "created: unit KF, role
// Handläggare, manager E1, gender K, birth year 1970" (person).
std::optional<std::string> created_text(const PageRequest& page, std::string_view text) {
  std::vector<std::pair<std::string_view, std::string_view>> fields;
  for (std::string_view field : split(text, ", ")) {
    if (field.ends_with(" password")) {
      fields.emplace_back("password", field.substr(0, field.size() - std::string_view(" password").size()));
      continue;
    }
    if (field.starts_with("birth year ")) {
      fields.emplace_back("birth year", field.substr(11));
      continue;
    }
    const auto space = field.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    fields.emplace_back(field.substr(0, space), field.substr(space + 1));
  }
  auto value = [&](std::string_view name) -> std::string_view {
    for (const auto& [field, v] : fields) {
      if (field == name) return v;
    }
    return kNone;
  };
  if (fields.size() == 3 && fields[0].first == "role" && fields[1].first == "scope" && fields[2].first == "password") {
    return format_text(page.t("audit_account_created"),
                       {{"role", role_word(page, value("role"))},
                        {"scope", scope_word(page, value("scope"))},
                        {"password", std::string(page.t(value("password") == "one-time" ? "audit_password_one_time"
                                                                                         : "audit_password_own"))}});
  }
  if (fields.size() == 5 && fields[0].first == "unit" && fields[1].first == "role" && fields[2].first == "manager" &&
      fields[3].first == "gender" && fields[4].first == "birth year") {
    return format_text(page.t("audit_person_created"), {{"unit", std::string(value("unit"))},
                                                        {"role", std::string(value("role"))},
                                                        {"manager", std::string(value("manager"))},
                                                        {"gender", std::string(value("gender"))},
                                                        {"birth_year", std::string(value("birth year"))}});
  }
  return std::nullopt;
}

// One part of a detail; nullopt when it has no form the catalogue knows.
std::optional<std::string> part_text(const PageRequest& page, std::string_view action, std::string_view part) {
  static constexpr std::pair<std::string_view, std::string_view> kFixed[] = {
      {"no change", "audit_no_change"},
      {"notes changed", "audit_notes_changed"},
      {"name changed", "audit_name_changed"},
      {"e-mail changed", "audit_email_changed"},
      {"password changed", "audit_password_changed"},
      {"password reset to a one-time password", "audit_password_reset"},
      {"password must be changed", "audit_password_must_change"},
      {"password no longer one-time", "audit_password_not_one_time"},
  };
  for (const auto& [text, key] : kFixed) {
    if (part == text) return std::string(page.t(key));
  }
  if (part.starts_with("created: ")) return created_text(page, part.substr(9));
  const auto space = part.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view first = part.substr(0, space);
  std::string_view rest = part.substr(space + 1);
  if (rest == "removed") return format_text(page.t("audit_rating_removed"), {{"competency", std::string(first)}});
  if (first == "motivation") {
    const auto area_end = rest.find(' ');
    if (area_end == std::string_view::npos) return std::nullopt;
    const auto values = change_of(rest.substr(area_end + 1));
    if (!values) return std::nullopt;
    return changed(page, "audit_motivation", std::string(values->from), std::string(values->to),
                   {{"area", std::string(rest.substr(0, area_end))}});
  }
  if (first == "birth" && rest.starts_with("year ")) {
    const auto values = change_of(rest.substr(5));
    if (!values) return std::nullopt;
    return changed(page, "audit_birth_year", std::string(values->from), std::string(values->to));
  }
  if (first == "city" && rest.starts_with("start ")) {
    const auto values = change_of(rest.substr(6));
    if (!values) return std::nullopt;
    return changed(page, "audit_city_start", std::string(values->from), std::string(values->to));
  }
  // "<competency> self 2→3", "<competency> agreed –→3"
  if (rest.starts_with("self ") || rest.starts_with("agreed ")) {
    const bool self = rest.starts_with("self ");
    const auto values = change_of(rest.substr(self ? 5 : 7));
    if (!values) return std::nullopt;
    return changed(page, self ? "audit_self_level" : "audit_agreed_level", std::string(values->from),
                   std::string(values->to), {{"competency", std::string(first)}});
  }
  const auto values = change_of(rest);
  if (!values) return std::nullopt;
  if (first == "status") {
    return changed(page, "audit_status", status_word(page, values->from), status_word(page, values->to));
  }
  if (first == "priorities") return changed(page, "audit_priorities", list_word(values->from), list_word(values->to));
  if (first == "role" && action.starts_with("account.")) {
    return changed(page, "audit_access", role_word(page, values->from), role_word(page, values->to));
  }
  if (first == "role") return changed(page, "audit_role", std::string(values->from), std::string(values->to));
  if (first == "scope") return changed(page, "audit_scope", scope_word(page, values->from), scope_word(page, values->to));
  if (first == "unit") return changed(page, "audit_unit", std::string(values->from), std::string(values->to));
  if (first == "manager") return changed(page, "audit_manager", std::string(values->from), std::string(values->to));
  if (first == "gender") return changed(page, "audit_gender", std::string(values->from), std::string(values->to));
  return std::nullopt;
}

}  // namespace

std::string audit_detail_text(const PageRequest& page, std::string_view action, std::string_view detail) {
  std::string prefix;
  // "round 2026: …" of assessment entries.
  if (detail.starts_with("round ")) {
    const auto colon = detail.find(": ");
    if (colon != std::string_view::npos) {
      prefix = format_text(page.t("audit_round"), {{"round", std::string(detail.substr(6, colon - 6))}}) + " ";
      detail.remove_prefix(colon + 2);
    }
  }
  // " (file.csv:12)" of imported changes: the file and line, as they are.
  std::string suffix;
  if (detail.ends_with(")")) {
    if (const auto open = detail.rfind(" ("); open != std::string_view::npos) {
      suffix = std::string(detail.substr(open));
      detail = detail.substr(0, open);
    }
  }
  std::vector<std::string> shown;
  for (std::string_view part : split(detail, "; ")) {
    auto text = part_text(page, action, part);
    if (!text) return std::string(prefix.empty() ? "" : prefix) + std::string(detail) + suffix;  // a form of its own
    shown.push_back(std::move(*text));
  }
  std::string text = prefix;
  for (std::size_t i = 0; i < shown.size(); ++i) text += (i == 0 ? "" : "; ") + shown[i];
  return text + suffix;
}

}  // namespace trappa::web
