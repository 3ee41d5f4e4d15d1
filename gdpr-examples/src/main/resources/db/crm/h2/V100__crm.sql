-- The demo CRM's own tables (the host's), after the kit's V1_* scripts in the same Flyway history.
create table crm_contact (
  id varchar(64) primary key,
  kind varchar(16) not null,
  name varchar(200) not null,
  email varchar(320),
  phone varchar(40),
  birth_date date,
  lead_score integer,
  parent_id varchar(64) references crm_contact (id),
  user_id varchar(64) references crm_contact (id),
  company_id varchar(64) references crm_contact (id),
  created_at timestamp(6) with time zone not null,
  version bigint not null
);
create index crm_contact_email on crm_contact (email);
create index crm_contact_parent on crm_contact (parent_id);
create index crm_contact_user on crm_contact (user_id);
create index crm_contact_company on crm_contact (company_id);

create table crm_demo_mail (
  id varchar(36) primary key,
  recipient varchar(320) not null,
  subject varchar(200) not null,
  body varchar(4000) not null,
  sent_at timestamp(6) with time zone not null
);
