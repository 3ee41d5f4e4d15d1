-- gdpr-kit postgresql schema, version 1.33: an audit outbox row may hold a whole transaction's records of one tenant, in
-- the batch encoding of PendingAuditRecord.encodeAll; record_count says how many, so the backlog is counted without
-- reading the rows. Rows written before hold one record each.
alter table gdpr_audit_outbox add column record_count integer default 1 not null;
