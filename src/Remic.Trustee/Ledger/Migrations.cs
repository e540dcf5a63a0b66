namespace Remic.Trustee.Ledger;

/// <summary>
/// The ledger schema, as ordered migrations. Never edit a released migration; add the next number.
/// Money columns end in _cents (BIGINT, whole cents); rates and factors are {decimal} (NUMERIC on
/// PostgreSQL, decimal text on SQLite — never REAL); dates and timestamps are ISO-8601 text; periods "YYYY-MM".
/// </summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "deals, loans, remittances, periods, distributions, audit log", """
            CREATE TABLE deals (
              deal_id TEXT PRIMARY KEY,
              file_name TEXT NOT NULL,
              content TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              first_period TEXT NOT NULL,
              registered_at TEXT NOT NULL)
            --;
            CREATE TABLE loans (
              deal_id TEXT NOT NULL REFERENCES deals(deal_id),
              loan_id TEXT NOT NULL,
              group_name TEXT NOT NULL,
              cutoff_balance_cents BIGINT NOT NULL,
              gross_rate {decimal} NOT NULL,
              servicing_fee_rate {decimal} NOT NULL,
              other_fee_rate {decimal} NOT NULL,
              original_term INTEGER NOT NULL,
              remaining_term INTEGER NOT NULL,
              age INTEGER NOT NULL,
              current_balance_cents BIGINT NOT NULL,
              balance_period TEXT NULL,
              PRIMARY KEY (deal_id, loan_id))
            --;
            CREATE TABLE deal_classes (
              deal_id TEXT NOT NULL REFERENCES deals(deal_id),
              class_name TEXT NOT NULL,
              seq INTEGER NOT NULL,
              original_balance_cents BIGINT NOT NULL,
              PRIMARY KEY (deal_id, class_name))
            --;
            CREATE TABLE remittances (
              remittance_id {id},
              deal_id TEXT NOT NULL REFERENCES deals(deal_id),
              period TEXT NOT NULL,
              file_name TEXT NOT NULL,
              content TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              row_count INTEGER NOT NULL,
              imported_at TEXT NOT NULL,
              UNIQUE (deal_id, period))
            --;
            CREATE TABLE remittance_rows (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              loan_id TEXT NOT NULL,
              row_number INTEGER NOT NULL,
              prior_balance_cents BIGINT NOT NULL,
              scheduled_principal_cents BIGINT NOT NULL,
              curtailment_cents BIGINT NOT NULL,
              payoff_cents BIGINT NOT NULL,
              paid_through_date TEXT NULL,
              interest_collected_cents BIGINT NOT NULL,
              servicing_fee_cents BIGINT NOT NULL,
              principal_advance_cents BIGINT NOT NULL,
              interest_advance_cents BIGINT NOT NULL,
              liquidation_proceeds_cents BIGINT NOT NULL,
              realized_loss_cents BIGINT NOT NULL,
              ending_balance_cents BIGINT NOT NULL,
              delinquency TEXT NOT NULL,
              modified INTEGER NOT NULL,
              PRIMARY KEY (deal_id, period, loan_id),
              FOREIGN KEY (deal_id, loan_id) REFERENCES loans(deal_id, loan_id))
            --;
            CREATE TABLE periods (
              deal_id TEXT NOT NULL REFERENCES deals(deal_id),
              period TEXT NOT NULL,
              state TEXT NOT NULL CHECK (state IN ('remitted', 'closed')),
              remittance_id BIGINT NOT NULL,
              close_id TEXT NULL,
              closed_at TEXT NULL,
              PRIMARY KEY (deal_id, period))
            --;
            CREATE TABLE period_indices (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              index_name TEXT NOT NULL,
              value {decimal} NOT NULL,
              PRIMARY KEY (deal_id, period, index_name))
            --;
            CREATE TABLE carry_forwards (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              name TEXT NOT NULL,
              item TEXT NOT NULL,
              amount_cents BIGINT NOT NULL,
              PRIMARY KEY (deal_id, period, name, item))
            --;
            CREATE TABLE period_collections (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              group_name TEXT NOT NULL,
              loan_count INTEGER NOT NULL,
              beginning_balance_cents BIGINT NOT NULL,
              scheduled_principal_cents BIGINT NOT NULL,
              prepayments_in_full_cents BIGINT NOT NULL,
              curtailments_cents BIGINT NOT NULL,
              liquidation_proceeds_cents BIGINT NOT NULL,
              realized_losses_cents BIGINT NOT NULL,
              cumulative_realized_losses_cents BIGINT NOT NULL,
              interest_collected_cents BIGINT NOT NULL,
              servicing_fees_cents BIGINT NOT NULL,
              principal_advances_cents BIGINT NOT NULL,
              interest_advances_cents BIGINT NOT NULL,
              ending_balance_cents BIGINT NOT NULL,
              PRIMARY KEY (deal_id, period, group_name))
            --;
            CREATE TABLE delinquency_buckets (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              group_name TEXT NOT NULL,
              status TEXT NOT NULL,
              loan_count INTEGER NOT NULL,
              balance_cents BIGINT NOT NULL,
              PRIMARY KEY (deal_id, period, group_name, status))
            --;
            CREATE TABLE class_periods (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              class_name TEXT NOT NULL,
              beginning_balance_cents BIGINT NOT NULL,
              interest_due_cents BIGINT NOT NULL,
              interest_paid_cents BIGINT NOT NULL,
              interest_shortfall_cents BIGINT NOT NULL,
              unpaid_interest_cents BIGINT NOT NULL,
              principal_paid_cents BIGINT NOT NULL,
              realized_loss_cents BIGINT NOT NULL,
              ending_balance_cents BIGINT NOT NULL,
              factor {decimal} NOT NULL,
              pass_through_rate {decimal} NULL,
              PRIMARY KEY (deal_id, period, class_name))
            --;
            CREATE TABLE period_payments (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              kind TEXT NOT NULL,
              name TEXT NOT NULL,
              amount_cents BIGINT NOT NULL,
              PRIMARY KEY (deal_id, period, kind, name))
            --;
            CREATE TABLE trigger_results (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              trigger_name TEXT NOT NULL,
              observed {decimal} NOT NULL,
              threshold {decimal} NOT NULL,
              passed INTEGER NOT NULL,
              PRIMARY KEY (deal_id, period, trigger_name))
            --;
            CREATE TABLE corridor_receipts (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              contract TEXT NOT NULL,
              libor {decimal} NOT NULL,
              amount_cents BIGINT NOT NULL,
              PRIMARY KEY (deal_id, period, contract))
            --;
            CREATE TABLE statements (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              format TEXT NOT NULL,
              content TEXT NOT NULL,
              created_at TEXT NOT NULL,
              PRIMARY KEY (deal_id, period, format))
            --;
            CREATE TABLE audit_log (
              audit_id {id},
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              action TEXT NOT NULL,
              deal_id TEXT NULL,
              period TEXT NULL,
              details TEXT NOT NULL,
              input_sha256 TEXT NULL)
            """),
        // The audit log is append-only in the database itself, not only by convention in the code.
        new(2, "audit log is append-only",
            """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
            --;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
            """,
            PostgresSql: """
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$
            --;
            CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
            """),
        // A balance can also grow: accrual (Z) classes accrete, notional amounts follow their reference.
        new(3, "class accretion", """
            ALTER TABLE class_periods ADD COLUMN accretion_cents BIGINT NOT NULL DEFAULT 0
            """),
        // The tapes a deal reads (its groups' loan tapes, its strats tape) are kept as registered: a close never depends on
        // a file that may since have changed or gone. A deal registered before this migration has tapes_stored = 0 and its
        // tapes are read from disk and stored at their first use (DealTapes).
        new(4, "deal tapes stored at registration", """
            CREATE TABLE deal_tapes (
              deal_id TEXT NOT NULL REFERENCES deals(deal_id),
              file_name TEXT NOT NULL,
              content BLOB NOT NULL,
              sha256 TEXT NOT NULL,
              size_bytes BIGINT NOT NULL,
              PRIMARY KEY (deal_id, file_name))
            --;
            ALTER TABLE deals ADD COLUMN tapes_stored INTEGER NOT NULL DEFAULT 0
            """,
            PostgresSql: """
            CREATE TABLE deal_tapes (
              deal_id TEXT NOT NULL REFERENCES deals(deal_id),
              file_name TEXT NOT NULL,
              content BYTEA NOT NULL,
              sha256 TEXT NOT NULL,
              size_bytes BIGINT NOT NULL,
              PRIMARY KEY (deal_id, file_name))
            --;
            ALTER TABLE deals ADD COLUMN tapes_stored INTEGER NOT NULL DEFAULT 0
            """),
        // Why each class got its amount: the waterfall's trace of the close, as JSON (remic trustee explain; issue 16).
        new(5, "close traces", """
            CREATE TABLE close_traces (
              deal_id TEXT NOT NULL REFERENCES deals(deal_id),
              period TEXT NOT NULL,
              close_id TEXT NOT NULL,
              trace_json TEXT NOT NULL,
              PRIMARY KEY (deal_id, period))
            """),
        // Issue 17: the remittance's optional columns, what the close makes of them, and the statement's figures in their own columns
        // (Senior / Senior Prepayment Percentages, Class PO Deferred Amounts, corridor payments per class, subsequent-recovery write-ups).
        new(6, "compensating interest, interest shortfalls, subsequent recoveries, modifications; group and class figures", """
            ALTER TABLE remittance_rows ADD COLUMN compensating_interest_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE remittance_rows ADD COLUMN prepayment_interest_shortfall_cents BIGINT NULL
            --;
            ALTER TABLE remittance_rows ADD COLUMN relief_act_shortfall_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE remittance_rows ADD COLUMN subsequent_recovery_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE remittance_rows ADD COLUMN modified_rate {decimal} NULL
            --;
            ALTER TABLE remittance_rows ADD COLUMN modified_term INTEGER NULL
            --;
            ALTER TABLE period_collections ADD COLUMN compensating_interest_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE period_collections ADD COLUMN prepayment_interest_shortfall_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE period_collections ADD COLUMN relief_act_shortfall_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE period_collections ADD COLUMN subsequent_recoveries_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE period_collections ADD COLUMN modified_loans INTEGER NOT NULL DEFAULT 0
            --;
            ALTER TABLE period_collections ADD COLUMN modified_balance_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE class_periods ADD COLUMN corridor_paid_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE class_periods ADD COLUMN write_up_cents BIGINT NOT NULL DEFAULT 0
            --;
            ALTER TABLE class_periods ADD COLUMN po_deferred_paid_cents BIGINT NOT NULL DEFAULT 0
            --;
            CREATE TABLE group_periods (
              deal_id TEXT NOT NULL,
              period TEXT NOT NULL,
              group_name TEXT NOT NULL,
              senior_percentage {decimal} NULL,
              senior_prepayment_percentage {decimal} NULL,
              po_deferred_cents BIGINT NOT NULL,
              net_interest_shortfall_cents BIGINT NOT NULL,
              PRIMARY KEY (deal_id, period, group_name))
            """),
    ];
}
