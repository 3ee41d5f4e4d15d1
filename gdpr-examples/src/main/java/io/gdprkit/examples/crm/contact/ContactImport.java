package io.gdprkit.examples.crm.contact;

import io.gdprkit.source.Origin;
import io.gdprkit.suppression.SuppressedContactException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Imports contacts from a CSV file ({@code name,email,phone}, a header line first), each tagged with the file as its
 * source (Art. 14(2)(f): where the data came from), each checked against the suppression list first: a person who
 * asked to be forgotten does not come back with the next trade-fair list (Art. 17).
 */
@Service
public class ContactImport {

  /** The most rows one import takes. */
  static final int MAX_ROWS = 10_000;

  private final ContactService contacts;
  private final Validator validator;

  public ContactImport(ContactService contacts, Validator validator) {
    this.contacts = contacts;
    this.validator = validator;
  }

  /** What an import did: rows stored, rows refused because they were erased, rows that were not valid. */
  public record Report(String file, int imported, int suppressed, List<Integer> invalidLines) {}

  public Report importCsv(String fileName, Reader csv) throws IOException {
    Origin origin = Origin.importFile(fileName.isBlank() ? "upload.csv" : fileName);
    int imported = 0;
    int suppressed = 0;
    List<Integer> invalid = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(csv)) {
      String line = lines.readLine(); // the header
      int number = 1;
      while ((line = lines.readLine()) != null && number <= MAX_ROWS) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        ContactForm form = new ContactForm(ContactKind.PERSON, cell(cells, 0), cell(cells, 1), cell(cells, 2), null);
        Set<ConstraintViolation<ContactForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
          invalid.add(number);
          continue;
        }
        try {
          contacts.create(form, origin);
          imported++;
        } catch (SuppressedContactException e) {
          suppressed++;
        }
      }
    }
    return new Report(origin.reference(), imported, suppressed, invalid);
  }

  private static String cell(String[] cells, int index) {
    return index < cells.length ? cells[index].trim() : "";
  }
}
