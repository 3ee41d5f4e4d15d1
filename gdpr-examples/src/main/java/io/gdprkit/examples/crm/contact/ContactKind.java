package io.gdprkit.examples.crm.contact;

/** What a contact is: a person is a data subject; a company is not; a device belongs to the person who uses it. */
public enum ContactKind {
  PERSON,
  COMPANY,
  DEVICE
}
