-- A host's own model for the generic provider's tests (issue 11), on MariaDB: contacts with parent-child relations,
-- companies, orders, invoices and notes.
create table host_company (
  id   bigint not null auto_increment,
  name varchar(200) not null,
  primary key (id)
);
create table host_contact (
  id            varchar(64) not null,
  name          varchar(200) not null,
  email         varchar(1000),
  email_index   varchar(100),
  phone         varchar(40),
  birth_date    date,
  company_id    bigint,
  parent_id     varchar(64),
  imported_from varchar(200),
  created_at    datetime(6) not null,
  primary key (id),
  foreign key (company_id) references host_company (id),
  foreign key (parent_id) references host_contact (id) on delete set null
);
create index host_contact_parent on host_contact (parent_id);
create index host_contact_email_index on host_contact (email_index);
create table host_order (
  id                 bigint not null auto_increment,
  contact_id         varchar(64) not null,
  placed_at          datetime(6) not null,
  shipping_address   varchar(1000),
  customer_ip        varchar(45),
  loyalty_number     bigint,
  confirmation_email varchar(120),
  total              decimal(12, 2) not null,
  version            bigint default 0 not null,
  primary key (id),
  foreign key (contact_id) references host_contact (id)
);
create index host_order_contact on host_order (contact_id, id);
create table host_invoice (
  id              bigint not null auto_increment,
  order_id        bigint not null,
  issued_on       date not null,
  billing_name    varchar(200),
  billing_address varchar(500),
  payer_email     varchar(200),
  amount          decimal(12, 2) not null,
  primary key (id),
  foreign key (order_id) references host_order (id)
);
create index host_invoice_order on host_invoice (order_id, id);
create table host_note (
  id         bigint not null auto_increment,
  contact_id varchar(64) not null,
  note_text  varchar(2000),
  written_at datetime(6) not null,
  primary key (id),
  foreign key (contact_id) references host_contact (id)
);
create index host_note_contact on host_note (contact_id, id);
