package io.gdprkit.jpa.processing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.gdprkit.internal.Preconditions;
import io.gdprkit.jpa.processing.internal.RegisterJson;
import io.gdprkit.purpose.DataCategory;
import java.io.OutputStream;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What the code stores beyond what the declared purposes need, and what the purposes need that the code does not
 * store: data minimisation (Art. 5(1)(c)) and data protection by design and by default (Art. 25(1), (2)).
 *
 * <p>Why: personal data must be limited to what is necessary for the purposes it is processed for. A category that
 * some entity stores and no purpose needs is data to stop collecting, or a purpose left undeclared; a purpose that
 * needs a category nothing stores declares more than it processes. Categories are compared by id.
 *
 * <p>Usage example: <pre>{@code
 * MinimisationReport report = JpaProcessingRegister.derive(gdpr).minimisation();
 * if (!report.isMinimal()) report.writeJson(out);
 * }</pre>
 *
 * @param unneededCategories categories some store holds that no declared purpose needs, by category id
 * @param unstoredCategories categories a declared purpose needs that no provider of the kit stores, by purpose in
 *     declaration order, then category id
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record MinimisationReport(List<UnneededCategory> unneededCategories,
    List<UnstoredCategory> unstoredCategories) {

  /** Copies the lists. */
  public MinimisationReport {
    unneededCategories = List.copyOf(Preconditions.notNull(unneededCategories, "unneeded categories"));
    unstoredCategories = List.copyOf(Preconditions.notNull(unstoredCategories, "unstored categories"));
  }

  /** Returns whether every stored category is needed by a purpose and every needed one is stored. */
  public boolean isMinimal() {
    return unneededCategories.isEmpty() && unstoredCategories.isEmpty();
  }

  /**
   * Writes the report as one JSON object: {@code {"report":"data-minimisation","articles":[..],"minimal":..,
   * "unneededCategories":[{"category":{"id","description","sensitivity"},"stores":[..],"fields":[..]}],
   * "unstoredCategories":[{"purpose":..,"category":{..}}]}}. It names categories, stores and fields, never a value
   * of personal data. The stream is flushed, not closed.
   *
   * @throws java.io.UncheckedIOException if writing fails
   */
  public void writeJson(OutputStream out) {
    Preconditions.notNull(out, "out");
    RegisterJson.write(out, json -> RegisterJson.minimisation(json, this));
  }

  /**
   * A category some store holds that no declared purpose needs.
   *
   * @param category the category
   * @param stores the stores holding it: entity names, or provider ids
   * @param fields the fields holding it, named as their providers describe them
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record UnneededCategory(DataCategory category, List<String> stores, List<String> fields) {

    /** Validates the fields and copies the lists. */
    public UnneededCategory {
      Preconditions.notNull(category, "category");
      stores = List.copyOf(Preconditions.notNull(stores, "stores"));
      fields = List.copyOf(Preconditions.notNull(fields, "fields"));
    }
  }

  /**
   * A category a declared purpose needs that nothing stores.
   *
   * @param purpose the purpose's id
   * @param category the category
   * @since 0.2
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record UnstoredCategory(String purpose, DataCategory category) {

    /** Validates the fields. */
    public UnstoredCategory {
      Preconditions.notBlank(purpose, "purpose");
      Preconditions.notNull(category, "category");
    }
  }
}
