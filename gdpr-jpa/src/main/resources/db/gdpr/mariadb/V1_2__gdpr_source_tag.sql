-- gdpr-kit mariadb schema, version 1.2: where each subject's data came from (Art. 14(2)(f)).
create table gdpr_source_tag (
  id               bigint not null auto_increment,
  tenant           varchar(64)  character set ascii collate ascii_bin not null,
  subject          varchar(128) character set ascii collate ascii_bin not null,
  origin_type      varchar(16)  not null,
  origin_reference varchar(200) character set utf8mb4 collate utf8mb4_bin not null,
  tagged_at        datetime(6) not null,
  primary key (id)
);
create index gdpr_source_tag_subject on gdpr_source_tag (tenant, subject, id);
create index gdpr_source_tag_origin on gdpr_source_tag (origin_type, origin_reference, tenant, subject);
