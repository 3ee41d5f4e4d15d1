-- gdpr-kit h2 schema, version 1.22: the breach register (Art. 33(5)), one per tenant, each breach as its latest
-- version in JSON text. Each *_due_at column holds the breach's deadline while it is in that obligation queue (the
-- authority's notification pending, the subjects due to be told, not yet assessed), null otherwise.
create table gdpr_breach (
  tenant            varchar(64) not null,
  id                varchar(64) not null,
  version           integer not null,
  authority_due_at  timestamp(6) with time zone,
  subjects_due_at   timestamp(6) with time zone,
  unassessed_due_at timestamp(6) with time zone,
  payload           character varying(1048576) not null,
  primary key (tenant, id)
);
create index gdpr_breach_authority_due on gdpr_breach (tenant, authority_due_at, id);
create index gdpr_breach_subjects_due on gdpr_breach (tenant, subjects_due_at, id);
create index gdpr_breach_unassessed_due on gdpr_breach (tenant, unassessed_due_at, id);
