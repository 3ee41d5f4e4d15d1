-- gdpr-kit mariadb schema, version 1.3: the audit hash chains, their checkpoints and heads, and the audit outbox.
create table gdpr_audit_entry (
  tenant   varchar(64) character set ascii collate ascii_bin not null,
  position bigint not null,
  entry_at datetime(6) not null,
  hash     varbinary(32) not null,
  bytes    mediumblob not null,
  primary key (tenant, position)
);
create table gdpr_audit_checkpoint (
  tenant    varchar(64) character set ascii collate ascii_bin not null,
  tree_size bigint not null,
  bytes     varbinary(8192) not null,
  primary key (tenant, tree_size)
);
create table gdpr_audit_head (
  tenant          varchar(64) character set ascii collate ascii_bin not null,
  size            bigint not null,
  last_entry_hash varbinary(32) not null,
  head_at         datetime(6) not null,
  tag             varchar(128) character set ascii collate ascii_bin not null,
  primary key (tenant)
);
create table gdpr_audit_outbox (
  id     bigint not null auto_increment,
  tenant varchar(64) character set ascii collate ascii_bin not null,
  record mediumblob not null,
  primary key (id)
);
create index gdpr_audit_outbox_tenant on gdpr_audit_outbox (tenant, id);
