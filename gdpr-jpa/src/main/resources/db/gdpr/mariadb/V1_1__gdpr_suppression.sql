-- gdpr-kit mariadb schema, version 1.1: the suppression list. Run by the host's Flyway or Liquibase, with a history
-- table of gdpr-kit's own (the starter uses gdpr_schema_history), never edited once released.
create table gdpr_suppression (
  tenant        varchar(64)  character set ascii collate ascii_bin not null,
  hash          varchar(128) character set ascii collate ascii_bin not null,
  kind          varchar(16)  not null,
  suppressed_at datetime(6) not null,
  primary key (tenant, hash)
);
