namespace MLRepro.Catalog.Storage;

/// <summary>
/// The versioned schema. Each migration runs once, in order, inside a transaction that also records its version in
/// schema_version. Never edit a shipped migration: add a new one.
/// </summary>
internal static class Migrations
{
    /// <summary>
    /// Migrations in order; "{ID}" becomes the dialect's auto-increment key column and "{NAME}" its ordinal text type; "{CLUSTERED}" stores a table in its primary key order where the engine can
    /// (SQLite WITHOUT ROWID), so a criterion probe finds the outcome without a second lookup.
    /// The latest assessment's filter and sort fields are copied onto projects (latest_*), so ranking queries read one
    /// narrow table and join assessments only for the rows of the page.
    /// </summary>
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE projects (
              id {ID},
              name {NAME} NOT NULL,
              source TEXT NOT NULL UNIQUE,
              owner TEXT NULL,
              repo TEXT NULL,
              assessment_count INTEGER NOT NULL DEFAULT 0,
              latest_assessment_id BIGINT NULL,
              latest_stars INTEGER NOT NULL DEFAULT 0,
              latest_met_total INTEGER NOT NULL DEFAULT 0,
              latest_assessed_at TEXT NOT NULL DEFAULT '',
              latest_frameworks TEXT NOT NULL DEFAULT ',',
              latest_has_verification INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_projects_name ON projects (name);
            CREATE INDEX ix_projects_owner_repo ON projects (owner, repo);
            CREATE INDEX ix_projects_rank ON projects (latest_stars, latest_met_total, latest_assessment_id);
            CREATE INDEX ix_projects_assessed ON projects (latest_assessed_at);
            CREATE TABLE assessments (
              id {ID},
              project_id BIGINT NOT NULL REFERENCES projects (id),
              commit_sha TEXT NULL,
              assessed_at TEXT NOT NULL,
              stars INTEGER NOT NULL,
              l1_met INTEGER NOT NULL, l1_app INTEGER NOT NULL,
              l2_met INTEGER NOT NULL, l2_app INTEGER NOT NULL,
              l3_met INTEGER NOT NULL, l3_app INTEGER NOT NULL,
              l4_met INTEGER NOT NULL, l4_app INTEGER NOT NULL,
              l5_met INTEGER NOT NULL, l5_app INTEGER NOT NULL,
              met_total INTEGER NOT NULL,
              frameworks TEXT NOT NULL,
              has_verification INTEGER NOT NULL,
              report_json TEXT NOT NULL
            );
            CREATE INDEX ix_assessments_project ON assessments (project_id, assessed_at);
            CREATE TABLE criterion_results (
              assessment_id BIGINT NOT NULL REFERENCES assessments (id),
              criterion TEXT NOT NULL,
              outcome TEXT NOT NULL,
              source TEXT NOT NULL,
              PRIMARY KEY (assessment_id, criterion)
            ){CLUSTERED};
            CREATE INDEX ix_criterion_results_filter ON criterion_results (criterion, outcome, assessment_id);
            CREATE TABLE scan_failures (
              id {ID},
              source TEXT NOT NULL,
              reason TEXT NOT NULL,
              failed_at TEXT NOT NULL
            );
            CREATE INDEX ix_scan_failures_at ON scan_failures (failed_at);
            """),
    ];
}
