-- gdpr-kit mariadb schema, version 1.22: the breach register (Art. 33(5)), one per tenant, each breach as its latest
-- version in JSON text. Each *_due_at column holds the breach's deadline while it is in that obligation queue (the
-- authority's notification pending, the subjects due to be told, not yet assessed), null otherwise.
create table gdpr_breach (
  tenant            varchar(64) character set ascii collate ascii_bin not null,
  id                varchar(64) character set ascii collate ascii_bin not null,
  version           integer not null,
  authority_due_at  datetime(6),
  subjects_due_at   datetime(6),
  unassessed_due_at datetime(6),
  payload           mediumtext character set utf8mb4 collate utf8mb4_bin not null,
  primary key (tenant, id)
);
create index gdpr_breach_authority_due on gdpr_breach (tenant, authority_due_at, id);
create index gdpr_breach_subjects_due on gdpr_breach (tenant, subjects_due_at, id);
create index gdpr_breach_unassessed_due on gdpr_breach (tenant, unassessed_due_at, id);
