package io.gdprkit.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.subject.SubjectId;
import org.apiguardian.api.API;

/**
 * A typed link from one subject to another: {@code from} is the parent, {@code to} the child that erasing
 * the parent may erase too.
 *
 * <p>Usage example: <pre>{@code new Relation(acme, alice, RelationType.COMPANY_EMPLOYEE)}</pre>
 *
 * @param from the parent subject
 * @param to the child subject
 * @param type the kind of link
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Relation(SubjectId from, SubjectId to, RelationType type) {

  /** Validates the fields. */
  public Relation {
    Preconditions.notNull(from, "from");
    Preconditions.notNull(to, "to");
    Preconditions.notNull(type, "type");
    Preconditions.check(!from.equals(to), "relation", "must link two different subjects");
  }
}
