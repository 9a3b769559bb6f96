namespace MLRepro.Catalog.Storage;

/// <summary>
/// The versioned schema. Each migration runs once, in order, inside a transaction that also records its version in
/// schema_version. Never edit a shipped migration: add a new one.
/// </summary>
internal static class Migrations
{
    /// <summary>Migrations in order; "{ID}" becomes the dialect's auto-increment key column.</summary>
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE projects (
              id {ID},
              name TEXT NOT NULL,
              source TEXT NOT NULL UNIQUE,
              owner TEXT NULL,
              repo TEXT NULL,
              latest_assessment_id BIGINT NULL
            );
            CREATE INDEX ix_projects_name ON projects (name);
            CREATE INDEX ix_projects_owner_repo ON projects (owner, repo);
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
            CREATE INDEX ix_assessments_rank ON assessments (stars, met_total);
            CREATE INDEX ix_assessments_assessed ON assessments (assessed_at);
            CREATE TABLE criterion_results (
              assessment_id BIGINT NOT NULL REFERENCES assessments (id),
              criterion TEXT NOT NULL,
              outcome TEXT NOT NULL,
              source TEXT NOT NULL,
              PRIMARY KEY (assessment_id, criterion)
            );
            CREATE INDEX ix_criterion_results_filter ON criterion_results (criterion, outcome, assessment_id);
            CREATE TABLE scan_failures (
              id {ID},
              source TEXT NOT NULL,
              reason TEXT NOT NULL,
              failed_at TEXT NOT NULL
            );
            CREATE INDEX ix_scan_failures_at ON scan_failures (failed_at);
            """),
        (2, """
            CREATE INDEX ix_projects_latest ON projects (latest_assessment_id);
            """),
    ];
}
