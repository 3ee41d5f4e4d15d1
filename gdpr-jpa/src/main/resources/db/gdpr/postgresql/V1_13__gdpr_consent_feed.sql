-- gdpr-kit postgresql schema, version 1.13: when each consent snapshot last changed, on the database's clock, so that
-- the decision cache of every instance finds the subjects another instance changed (CachingConsentStore).
alter table gdpr_consent_snapshot add column changed_at timestamp(6) with time zone;
create index gdpr_consent_snapshot_changed on gdpr_consent_snapshot (changed_at, tenant, subject);
