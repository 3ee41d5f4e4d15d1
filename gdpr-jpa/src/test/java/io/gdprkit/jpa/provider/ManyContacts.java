package io.gdprkit.jpa.provider;

import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.subject.SubjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Contacts of the host model written straight in SQL, many to a statement, for tests about erasing many of them:
 * per contact, one {@code host_contact} row, two {@code host_order} rows (an IP address and an e-mail address each)
 * and one {@code host_note} row.
 */
final class ManyContacts {

  private ManyContacts() {}

  /** Returns the subject of contact {@code i}: {@code contact-00042}. */
  static SubjectId subject(int i) {
    return SubjectId.of(String.format(Locale.ROOT, "contact-%05d", i));
  }

  /** Inserts contacts {@code 0} to {@code count - 1} with their orders and notes, in one unit of work. */
  static void insert(JpaTransactions tx, int count) {
    tx.inTransaction(() -> {
      for (int from = 0; from < count; from += 250) {
        List<String> contacts = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = from; i < Math.min(count, from + 250); i++) {
          String id = "'" + subject(i).value() + "'";
          contacts.add("(" + id + ", 'Contact " + i + "', '2024-01-01 10:00:00')");
          String ip = "'203.0.113." + (i % 250 + 1) + "'";
          String email = "'customer" + i + "@example.com'";
          orders.add("(" + id + ", '2024-02-01 10:00:00', " + ip + ", " + email + ", 10.00)");
          orders.add("(" + id + ", '2024-03-01 10:00:00', " + ip + ", " + email + ", 20.00)");
          notes.add("(" + id + ", 'Note " + i + "', '2024-04-01 10:00:00')");
        }
        execute(tx, "insert into host_contact (id, name, created_at) values " + String.join(", ", contacts));
        execute(tx, "insert into host_order (contact_id, placed_at, customer_ip, confirmation_email, total) values "
            + String.join(", ", orders));
        execute(tx, "insert into host_note (contact_id, note_text, written_at) values " + String.join(", ", notes));
      }
      return null;
    });
  }

  /** Runs one native statement in the current unit of work. */
  static void execute(JpaTransactions tx, String sql) {
    tx.entityManager().createNativeQuery(sql).executeUpdate();
  }
}
