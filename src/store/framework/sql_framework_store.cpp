// Frameworks in the store: each distinct content is kept as a numbered revision, stored in
// normalised tables, so rounds can pin the revision they were opened with.
#include <soci/soci.h>

#include <fmt/format.h>

#include "store/framework/sql_framework_store.hpp"

namespace trappa::store {

using core::Result;

std::optional<int> SqlFrameworkStore::latest_revision(const std::string& framework_id) {
  int revision = 0;
  soci::indicator indicator = soci::i_null;
  *session_ << "SELECT latest_revision FROM frameworks WHERE id = :id", soci::use(framework_id),
      soci::into(revision, indicator);
  if (!session_->got_data() || indicator != soci::i_ok) return std::nullopt;
  return revision;
}

core::Framework SqlFrameworkStore::read_framework_revision(const std::string& id, int revision) {
  core::Framework framework;
  framework.id = id;
  *session_ << "SELECT name, version, description, provenance, default_profile, scale_min, scale_max "
               "FROM framework_revisions WHERE framework_id = :id AND revision = :revision",
      soci::use(id), soci::use(revision), soci::into(framework.name), soci::into(framework.version),
      soci::into(framework.description), soci::into(framework.provenance), soci::into(framework.default_profile),
      soci::into(framework.scale.min), soci::into(framework.scale.max);

  soci::rowset<soci::row> levels = (session_->prepare << "SELECT name FROM framework_levels WHERE framework_id = :id "
                                                         "AND revision = :revision ORDER BY level",
                                    soci::use(id), soci::use(revision));
  for (const soci::row& row : levels) framework.scale.names.push_back(row.get<std::string>(0));

  soci::rowset<soci::row> roles = (session_->prepare << "SELECT role FROM framework_roles WHERE framework_id = :id "
                                                        "AND revision = :revision ORDER BY position",
                                   soci::use(id), soci::use(revision));
  for (const soci::row& row : roles) framework.roles.push_back(row.get<std::string>(0));

  soci::rowset<soci::row> areas =
      (session_->prepare << "SELECT code, name, description, motivation_question FROM framework_areas "
                            "WHERE framework_id = :id AND revision = :revision ORDER BY position",
       soci::use(id), soci::use(revision));
  for (const soci::row& row : areas) {
    core::Area area;
    area.code = row.get<std::string>(0);
    area.name = row.get<std::string>(1);
    area.description = row.get<std::string>(2);
    area.motivation_question = row.get<std::string>(3);
    framework.areas.push_back(std::move(area));
  }
  for (core::Area& area : framework.areas) {
    soci::rowset<soci::row> area_roles =
        (session_->prepare << "SELECT role FROM framework_area_roles WHERE framework_id = :id AND revision = :revision "
                              "AND area_code = :area ORDER BY position",
         soci::use(id), soci::use(revision), soci::use(area.code));
    for (const soci::row& row : area_roles) area.roles.push_back(row.get<std::string>(0));
    soci::rowset<soci::row> competencies =
        (session_->prepare << "SELECT code, name, definition FROM framework_competencies WHERE framework_id = :id "
                              "AND revision = :revision AND area_code = :area ORDER BY position",
         soci::use(id), soci::use(revision), soci::use(area.code));
    for (const soci::row& row : competencies) {
      area.competencies.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2), {}});
    }
  }

  soci::rowset<soci::row> descriptors =
      (session_->prepare << "SELECT competency_code, descriptor FROM framework_descriptors WHERE framework_id = :id "
                            "AND revision = :revision ORDER BY competency_code, level",
       soci::use(id), soci::use(revision));
  std::map<std::string, std::vector<std::string>> descriptors_by_code;
  for (const soci::row& row : descriptors) {
    descriptors_by_code[row.get<std::string>(0)].push_back(row.get<std::string>(1));
  }
  for (core::Area& area : framework.areas) {
    for (core::Competency& competency : area.competencies) {
      competency.level_descriptors = std::move(descriptors_by_code[competency.code]);
    }
  }

  soci::rowset<soci::row> profiles =
      (session_->prepare << "SELECT role, competency_code, expected_level FROM framework_profiles "
                            "WHERE framework_id = :id AND revision = :revision",
       soci::use(id), soci::use(revision));
  for (const soci::row& row : profiles) {
    framework.profiles[row.get<std::string>(0)][row.get<std::string>(1)] = row.get<int>(2);
  }
  return framework;
}

Result<int> SqlFrameworkStore::save_framework(const core::Framework& framework, const Actor& actor) {
  return guarded("saving the framework", [&]() -> Result<int> {
    WriteTransaction transaction(*session_, *dialect_);
    const std::optional<int> latest = latest_revision(framework.id);
    if (latest && read_framework_revision(framework.id, *latest) == framework) {
      transaction.commit();
      return *latest;
    }
    const int revision = latest.value_or(0) + 1;
    const std::string& id = framework.id;
    const std::string created_at = utc_timestamp_now();
    if (latest) {
      *session_ << "UPDATE frameworks SET latest_revision = :revision WHERE id = :id", soci::use(revision),
          soci::use(id);
    } else {
      *session_ << "INSERT INTO frameworks (id, latest_revision) VALUES (:id, :revision)", soci::use(id),
          soci::use(revision);
    }
    *session_ << "INSERT INTO framework_revisions (framework_id, revision, name, version, description, provenance, "
                 "default_profile, scale_min, scale_max, created_at) VALUES (:id, :revision, :name, :version, "
                 ":description, :provenance, :default_profile, :min, :max, :at)",
        soci::use(id), soci::use(revision), soci::use(framework.name), soci::use(framework.version),
        soci::use(framework.description), soci::use(framework.provenance), soci::use(framework.default_profile),
        soci::use(framework.scale.min), soci::use(framework.scale.max), soci::use(created_at);

    for (int level = framework.scale.min; level <= framework.scale.max; ++level) {
      const std::string& name = framework.scale.names[static_cast<std::size_t>(level - framework.scale.min)];
      *session_ << "INSERT INTO framework_levels (framework_id, revision, level, name) VALUES (:id, :r, :l, :n)",
          soci::use(id), soci::use(revision), soci::use(level), soci::use(name);
    }
    for (std::size_t i = 0; i < framework.roles.size(); ++i) {
      const int position = static_cast<int>(i);
      *session_ << "INSERT INTO framework_roles (framework_id, revision, position, role) VALUES (:id, :r, :p, :role)",
          soci::use(id), soci::use(revision), soci::use(position), soci::use(framework.roles[i]);
    }
    for (std::size_t a = 0; a < framework.areas.size(); ++a) {
      const core::Area& area = framework.areas[a];
      const int area_position = static_cast<int>(a);
      *session_ << "INSERT INTO framework_areas (framework_id, revision, position, code, name, description, "
                   "motivation_question) VALUES (:id, :r, :p, :code, :name, :description, :question)",
          soci::use(id), soci::use(revision), soci::use(area_position), soci::use(area.code), soci::use(area.name),
          soci::use(area.description), soci::use(area.motivation_question);
      for (std::size_t r = 0; r < area.roles.size(); ++r) {
        const int position = static_cast<int>(r);
        *session_ << "INSERT INTO framework_area_roles (framework_id, revision, area_code, position, role) "
                     "VALUES (:id, :r, :area, :p, :role)",
            soci::use(id), soci::use(revision), soci::use(area.code), soci::use(position), soci::use(area.roles[r]);
      }
      for (std::size_t c = 0; c < area.competencies.size(); ++c) {
        const core::Competency& competency = area.competencies[c];
        const int position = static_cast<int>(c);
        *session_ << "INSERT INTO framework_competencies (framework_id, revision, area_code, position, code, name, "
                     "definition) VALUES (:id, :r, :area, :p, :code, :name, :definition)",
            soci::use(id), soci::use(revision), soci::use(area.code), soci::use(position), soci::use(competency.code),
            soci::use(competency.name), soci::use(competency.definition);
        for (std::size_t l = 0; l < competency.level_descriptors.size(); ++l) {
          const int level = framework.scale.min + static_cast<int>(l);
          *session_ << "INSERT INTO framework_descriptors (framework_id, revision, competency_code, level, "
                       "descriptor) VALUES (:id, :r, :code, :level, :descriptor)",
              soci::use(id), soci::use(revision), soci::use(competency.code), soci::use(level),
              soci::use(competency.level_descriptors[l]);
        }
      }
    }
    for (const auto& [role, profile] : framework.profiles) {
      for (const auto& [code, expected] : profile) {
        *session_ << "INSERT INTO framework_profiles (framework_id, revision, role, competency_code, expected_level) "
                     "VALUES (:id, :r, :role, :code, :level)",
            soci::use(id), soci::use(revision), soci::use(role), soci::use(code), soci::use(expected);
      }
    }
    append_audit_in_transaction({created_at, actor.name, "import.framework", id,
                                 fmt::format("revision {} (version '{}')", revision, framework.version)});
    record_change_in_transaction(ChangeKind::kFrameworks);
    transaction.commit();
    return revision;
  });
}

Result<std::optional<StoredFramework>> SqlFrameworkStore::load_framework(const std::string& id, std::optional<int> revision) {
  return guarded("reading the framework", [&]() -> Result<std::optional<StoredFramework>> {
    std::optional<int> wanted = revision;
    if (!wanted) wanted = latest_revision(id);
    if (!wanted) return std::optional<StoredFramework>{};
    long long exists = 0;
    *session_ << "SELECT COUNT(*) FROM framework_revisions WHERE framework_id = :id AND revision = :r", soci::use(id),
        soci::use(*wanted), soci::into(exists);
    if (exists == 0) return std::optional<StoredFramework>{};
    return std::optional<StoredFramework>{StoredFramework{read_framework_revision(id, *wanted), *wanted}};
  });
}

Result<std::vector<FrameworkSummary>> SqlFrameworkStore::list_frameworks() {
  return guarded("listing frameworks", [&]() -> Result<std::vector<FrameworkSummary>> {
    std::vector<FrameworkSummary> summaries;
    // Typed into() rather than rowset<row>: SQLite reports no column type for COUNT(*), so
    // SOCI could not pick one for a dynamic row.
    std::vector<std::string> ids(1000);
    *session_ << "SELECT id FROM frameworks ORDER BY id", soci::into(ids);
    for (const std::string& id : ids) {
      FrameworkSummary summary;
      summary.id = id;
      long long competencies = 0;
      long long roles = 0;
      *session_ << "SELECT f.latest_revision, r.name, r.version FROM frameworks f JOIN framework_revisions r "
                   "ON r.framework_id = f.id AND r.revision = f.latest_revision WHERE f.id = :id",
          soci::use(id), soci::into(summary.revision), soci::into(summary.name), soci::into(summary.version);
      *session_ << "SELECT COUNT(*) FROM framework_competencies WHERE framework_id = :id AND revision = :r",
          soci::use(id), soci::use(summary.revision), soci::into(competencies);
      *session_ << "SELECT COUNT(*) FROM framework_roles WHERE framework_id = :id AND revision = :r", soci::use(id),
          soci::use(summary.revision), soci::into(roles);
      summary.competencies = static_cast<std::size_t>(competencies);
      summary.roles = static_cast<std::size_t>(roles);
      summaries.push_back(std::move(summary));
    }
    return summaries;
  });
}

}  // namespace trappa::store
