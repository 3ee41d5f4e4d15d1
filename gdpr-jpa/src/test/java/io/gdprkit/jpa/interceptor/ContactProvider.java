package io.gdprkit.jpa.interceptor;

import io.gdprkit.data.DataItem;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureContext;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.FieldUpdate;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.RecordPlan;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.jpa.JpaTransactions;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.subject.SubjectId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The host's provider of its contacts, written on its own repository: what the kit erases and rectifies through. */
final class ContactProvider implements PersonalDataProvider {

  static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.of("contacts", "The host's contacts and notes",
      List.of(FieldDescriptor.of("name", DataCategory.CONTACT_DETAILS, ErasureStrategy.replace("erased")),
          FieldDescriptor.of("email", DataCategory.CONTACT_DETAILS, ErasureStrategy.setNull()),
          FieldDescriptor.of("note", DataCategory.BEHAVIOURAL, ErasureStrategy.deleteRecord())));

  private final JpaTransactions transactions;

  ContactProvider(JpaTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public ProviderDescriptor describe() {
    return DESCRIPTOR;
  }

  @Override
  public void export(SubjectId subject, DataSink sink) {
    transactions.useTransaction(() -> {
      ContactRepository contacts = new ContactRepository(transactions.entityManager());
      contacts.find(subject.value()).ifPresent(contact -> {
        sink.accept(new DataItem(subject, "contacts", "contact", "name", DataCategory.CONTACT_DETAILS,
            contact.getName(), true, null));
        for (ContactNote note : contacts.notes(subject.value())) {
          sink.accept(new DataItem(subject, "contacts", "note-" + note.getId(), "note", DataCategory.BEHAVIOURAL,
              note.getText(), false, null));
        }
      });
    });
  }

  @Override
  public void erase(SubjectId subject, ErasureContext context) {
    transactions.useTransaction(() -> {
      var em = transactions.entityManager();
      ContactRepository contacts = new ContactRepository(em);
      Contact contact = contacts.find(subject.value()).orElse(null);
      if (contact == null) {
        return;
      }
      for (ContactNote note : contacts.notes(subject.value())) {
        RecordPlan plan = context.plan("note-" + note.getId(), Map.of("note", note.getText()), null);
        if (plan.deleteRecord()) {
          em.remove(note);
        }
        context.applied(plan);
      }
      Map<String, Object> values = new HashMap<>();
      values.put("name", contact.getName());
      values.put("email", contact.getEmail());
      RecordPlan plan = context.plan("contact", values, null);
      for (FieldUpdate update : plan.updates()) {
        set(contact, update.field(), update.value());
      }
      context.applied(plan);
    });
  }

  @Override
  public void rectify(SubjectId subject, String record, String field, Object value) {
    transactions.useTransaction(() -> set(new ContactRepository(transactions.entityManager()).find(subject.value())
        .orElseThrow(), field, value));
  }

  private static void set(Contact contact, String field, Object value) {
    switch (field) {
      case "name" -> contact.setName((String) value);
      case "email" -> contact.setEmail((String) value);
      default -> throw new IllegalArgumentException("no such field");
    }
  }
}
