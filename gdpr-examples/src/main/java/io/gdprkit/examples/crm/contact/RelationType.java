package io.gdprkit.examples.crm.contact;

/**
 * How two contacts are related. The kit follows {@code parent-child} and {@code user-device} one level down when a
 * person is erased (the cascade policy), and never follows {@code works-at}: erasing an employee leaves the company.
 */
public enum RelationType {
  WORKS_AT("works-at", "works at"),
  PARENT_OF("parent-child", "parent of"),
  USES_DEVICE("user-device", "uses device");

  private final String id;
  private final String label;

  RelationType(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The relation's id, as the kit's cascade policy names it. */
  public String id() {
    return id;
  }

  /** How the contact card says it. */
  public String label() {
    return label;
  }
}
