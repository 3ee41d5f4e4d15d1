-- gdpr-kit h2 schema, version 1.1: the suppression list. Run by the host's Flyway or Liquibase, with a history
-- table of gdpr-kit's own (the starter uses gdpr_schema_history), never edited once released.
create table gdpr_suppression (
  tenant varchar(64) not null,
  hash varchar(128) not null,
  kind varchar(16) not null,
  suppressed_at timestamp(6) with time zone not null,
  primary key (tenant, hash)
);
