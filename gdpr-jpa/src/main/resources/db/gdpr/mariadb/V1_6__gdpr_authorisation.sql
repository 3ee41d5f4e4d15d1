-- gdpr-kit mariadb schema, version 1.6: the register of authorised persons (Art. 29, Art. 32(4)).
create table gdpr_authorisation (
  id              varchar(36) character set ascii collate ascii_bin not null,
  seq             bigint not null auto_increment unique,
  tenant          varchar(64) character set ascii collate ascii_bin not null,
  staff           varchar(128) character set ascii collate ascii_bin not null,
  category        varchar(64) character set ascii collate ascii_bin not null,
  valid_from      datetime(6) not null,
  valid_until     datetime(6),
  granted_by_type varchar(16) not null,
  granted_by      varchar(128) character set ascii collate ascii_bin,
  granted_at      datetime(6) not null,
  revoked_at      datetime(6),
  revoked_by_type varchar(16),
  revoked_by      varchar(128) character set ascii collate ascii_bin,
  primary key (id)
);

create index gdpr_authorisation_staff on gdpr_authorisation (tenant, staff, seq);
create index gdpr_authorisation_category on gdpr_authorisation (tenant, category, staff, seq);
