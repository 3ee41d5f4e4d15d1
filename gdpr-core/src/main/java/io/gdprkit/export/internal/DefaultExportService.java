package io.gdprkit.export.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.HostCodeException;
import io.gdprkit.consent.ConsentEvent;
import io.gdprkit.consent.ConsentService;
import io.gdprkit.data.DataItem;
import io.gdprkit.data.DataSink;
import io.gdprkit.data.ErasureStrategy;
import io.gdprkit.data.FieldDescriptor;
import io.gdprkit.data.ProviderDescriptor;
import io.gdprkit.data.ProviderRegistry;
import io.gdprkit.data.spi.PersonalDataProvider;
import io.gdprkit.export.ExportDelivery;
import io.gdprkit.export.ExportFailedException;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.export.ExportKind;
import io.gdprkit.export.ExportService;
import io.gdprkit.event.GdprEventPublisher;
import io.gdprkit.export.DataExported;
import io.gdprkit.internal.Preconditions;
import io.gdprkit.transaction.UnitOfWork;
import io.gdprkit.purpose.DataCategory;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.purpose.Purpose;
import io.gdprkit.purpose.PurposeRegistry;
import io.gdprkit.recipient.Disclosure;
import io.gdprkit.recipient.Recipient;
import io.gdprkit.recipient.RecipientService;
import io.gdprkit.source.SourceService;
import io.gdprkit.subject.SubjectId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;

/**
 * The export service: walks the providers, then, for an access export, the consent ledger, the source tags and the
 * disclosure log, and hands everything to a {@link DocumentWriter} for the format.
 *
 * <p>Holds nothing per export beyond the writer's buffer, the ids of the categories seen and the retained fields
 * seen, both bounded by what the providers declare. The consent history and source tags are read as the services
 * return them, as lists: they grow with a subject's decisions, not with their data. The disclosure log grows with
 * every sync to a recipient, so it is read a page at a time, and only the recipients it names are held. Thread-safe.
 *
 * <p>Usage example: <pre>{@code new DefaultExportService(providers, consents, sources, purposes, recipients, clock, unitOfWork, events)}</pre>
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DefaultExportService implements ExportService {

  /** How many disclosures an export reads from the log at a time. */
  static final int DISCLOSURE_PAGE = 256;

  private final ProviderRegistry providers;
  private final ConsentService consents;
  private final SourceService sources;
  private final PurposeRegistry purposes;
  private final Clock clock;
  private final RecipientService recipients;
  /** Ids of the categories that a purpose based on consent or contract needs: Art. 20(1)(a). */
  private final Set<String> portableCategories;

  private final UnitOfWork unitOfWork;
  private final GdprEventPublisher events;

  /** Creates the service over the kit's registries and services. */
  public DefaultExportService(ProviderRegistry providers, ConsentService consents, SourceService sources,
      PurposeRegistry purposes, RecipientService recipients, Clock clock, UnitOfWork unitOfWork,
      GdprEventPublisher events) {
    this.unitOfWork = Preconditions.notNull(unitOfWork, "unitOfWork");
    this.events = Preconditions.notNull(events, "events");
    this.providers = Preconditions.notNull(providers, "providers");
    this.consents = Preconditions.notNull(consents, "consents");
    this.sources = Preconditions.notNull(sources, "sources");
    this.purposes = Preconditions.notNull(purposes, "purposes");
    this.clock = Preconditions.notNull(clock, "clock");
    this.recipients = Preconditions.notNull(recipients, "recipients");
    Set<String> portable = new HashSet<>();
    for (Purpose purpose : purposes.all()) {
      if (purpose.legalBasis() == LegalBasis.CONSENT || purpose.legalBasis() == LegalBasis.CONTRACT) {
        purpose.dataCategories().forEach(category -> portable.add(category.id()));
      }
    }
    this.portableCategories = Set.copyOf(portable);
  }

  @Override
  public void write(SubjectId subject, ExportFormat format, OutputStream out) {
    write(subject, ExportKind.ACCESS, format, out);
  }

  @Override
  public void write(SubjectId subject, ExportKind kind, ExportFormat format, OutputStream out) {
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(kind, "kind");
    Preconditions.notNull(format, "format");
    Preconditions.notNull(out, "out");
    writeDocument(subject, kind, format, out);
    told(subject, kind, format);
  }

  /**
   * Writes a JSON export of {@code kind} to a sink that {@code delivery} opens, and commits the sink only when the
   * whole document was written; on any failure the sink is aborted instead, never committed with a truncated file.
   *
   * @throws ExportFailedException if a provider or the output failed; the sink was aborted
   * @throws HostCodeException if the delivery could not open or commit the sink, or its stream was missing
   */
  public void deliver(ExportDelivery delivery, SubjectId subject, ExportKind kind) {
    Preconditions.notNull(delivery, "delivery");
    Preconditions.notNull(subject, "subject");
    Preconditions.notNull(kind, "kind");
    ExportDelivery.Sink sink;
    OutputStream out;
    try {
      sink = Preconditions.notNull(delivery.open(subject, kind), "sink");
      out = Preconditions.notNull(sink.out(), "sink.out()");
    } catch (IOException | RuntimeException e) {
      throw HostCodeException.of("the export delivery in open", e);
    }
    try {
      writeDocument(subject, kind, ExportFormat.JSON, out);
    } catch (RuntimeException e) {
      abort(sink, e);
      throw e;
    }
    try {
      sink.commit();
    } catch (IOException | RuntimeException e) {
      HostCodeException failure = HostCodeException.of("the export delivery in commit", e);
      abort(sink, failure);
      throw failure;
    }
    told(subject, kind, ExportFormat.JSON);
  }

  /** Aborts the sink; what the abort itself throws is kept as suppressed by the failure being reported. */
  private static void abort(ExportDelivery.Sink sink, RuntimeException failure) {
    try {
      sink.abort(failure);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Records an export written to its end as given to the subject (Art. 15(3), Art. 5(2)). */
  private void told(SubjectId subject, ExportKind kind, ExportFormat format) {
    unitOfWork.use("record export", () -> events.publish(new DataExported(subject, kind, format, clock.instant())));
  }

  private void writeDocument(SubjectId subject, ExportKind kind, ExportFormat format, OutputStream out) {
    DocumentWriter writer;
    try {
      writer = format == ExportFormat.JSON ? new JsonDocumentWriter(out) : new CsvDocumentWriter(out);
    } catch (JacksonException e) {
      throw ExportFailedException.outputFailed(subject, causeOf(e));
    }
    boolean completed = false;
    try {
      export(subject, kind, writer);
      completed = true;
    } catch (JacksonException | UncheckedIOException e) {
      throw ExportFailedException.outputFailed(subject, causeOf(e));
    } finally {
      release(writer, completed);
    }
  }

  private void export(SubjectId subject, ExportKind kind, DocumentWriter writer) {
    writer.begin(kind, subject, clock.instant());
    boolean access = kind == ExportKind.ACCESS;
    Set<String> categoriesSeen = new HashSet<>();
    Set<RetainedField> retainedSeen = new LinkedHashSet<>();
    List<PersonalDataProvider> all = providers.providers();
    List<ProviderDescriptor> descriptors = providers.descriptors();
    for (int i = 0; i < all.size(); i++) {
      ProviderDescriptor descriptor = descriptors.get(i);
      writer.beginProvider(descriptor.id(), descriptor.description(), categoriesToDeclare(descriptor, access));
      ProviderSink sink = new ProviderSink(subject, descriptor, writer, access, portableCategories,
          categoriesSeen, retainedSeen);
      try {
        all.get(i).export(subject, sink);
      } catch (ExportFailedException e) {
        throw e;
      } catch (RuntimeException e) {
        sink.rethrowFailure(); // the provider wrapped the output's failure
        throw ExportFailedException.providerFailed(subject, descriptor.id(), e);
      }
      sink.rethrowFailure();
      writer.endProvider();
    }
    writer.endProviders();
    if (access) {
      List<ConsentEvent> history = consents.history(subject);
      writer.purposes(applicablePurposes(categoriesSeen, history));
      writer.consents(history);
      writer.sources(sources.tags(subject));
      writer.retention(List.copyOf(retainedSeen));
      writeRecipients(subject, writer);
    }
    writer.end();
  }

  /**
   * Pages through the subject's disclosures, so a long log never sits in memory; each recipient is looked up in the
   * register once per export.
   */
  private void writeRecipients(SubjectId subject, DocumentWriter writer) {
    writer.beginRecipients();
    Map<String, Optional<Recipient>> register = new HashMap<>();
    for (int offset = 0; ; offset += DISCLOSURE_PAGE) {
      List<Disclosure> page = recipients.disclosures(subject, offset, DISCLOSURE_PAGE);
      for (Disclosure disclosure : page) {
        writer.disclosure(disclosure,
            register.computeIfAbsent(disclosure.recipient(), recipients::recipient).orElse(null));
      }
      if (page.size() < DISCLOSURE_PAGE) {
        break;
      }
    }
    writer.endRecipients();
  }

  private List<DataCategory> categoriesToDeclare(ProviderDescriptor descriptor, boolean access) {
    List<DataCategory> declared = new ArrayList<>(descriptor.categories());
    if (!access) {
      declared.removeIf(category -> !portableCategories.contains(category.id()));
    }
    return declared;
  }

  /** Declared purposes that need a category seen among the items or that the subject's consent history names. */
  private List<Purpose> applicablePurposes(Set<String> categoriesSeen, List<ConsentEvent> history) {
    Set<String> consented = new HashSet<>();
    history.forEach(event -> consented.add(event.purpose()));
    List<Purpose> applicable = new ArrayList<>();
    for (Purpose purpose : purposes.all()) {
      if (consented.contains(purpose.id())
          || purpose.dataCategories().stream().anyMatch(category -> categoriesSeen.contains(category.id()))) {
        applicable.add(purpose);
      }
    }
    return applicable;
  }

  /** On failure the writer's close may hit the broken output again; the first failure is the one to report. */
  private static void release(DocumentWriter writer, boolean completed) {
    try {
      writer.release();
    } catch (JacksonException | UncheckedIOException e) {
      if (completed) {
        throw e;
      }
    }
  }

  private static Throwable causeOf(RuntimeException e) {
    if (e instanceof JacksonIOException || e instanceof UncheckedIOException) {
      return e.getCause() != null ? e.getCause() : e;
    }
    return e;
  }

  /**
   * The sink one provider writes into: checks each item belongs to the subject, filters it for portability, notes
   * what the access export's purposes and retention sections need, and writes it.
   */
  private static final class ProviderSink implements DataSink {

    private final SubjectId subject;
    private final String provider;
    private final DocumentWriter writer;
    private final boolean access;
    private final Set<String> portableCategories;
    private final Set<String> categoriesSeen;
    private final Set<RetainedField> retainedSeen;
    /** This provider's fields kept under a legal obligation and not yet seen, by name; usually empty. */
    private final Map<String, RetainedField> retainedFields = new HashMap<>();
    private @Nullable DataCategory lastCategory;
    private boolean lastCategoryPortable;
    private @Nullable ExportFailedException failure;

    ProviderSink(SubjectId subject, ProviderDescriptor descriptor, DocumentWriter writer, boolean access,
        Set<String> portableCategories, Set<String> categoriesSeen, Set<RetainedField> retainedSeen) {
      this.subject = subject;
      this.provider = descriptor.id();
      this.writer = writer;
      this.access = access;
      this.portableCategories = portableCategories;
      this.categoriesSeen = categoriesSeen;
      this.retainedSeen = retainedSeen;
      for (FieldDescriptor field : descriptor.fields()) {
        if (field.erasure() instanceof ErasureStrategy.Retain retain) {
          retainedFields.put(field.name(), new RetainedField(provider, field, retain));
        }
      }
    }

    @Override
    public void accept(DataItem item) {
      if (failure != null) {
        throw failure;
      }
      if (!subject.equals(item.subject())) {
        throw fail(ExportFailedException.foreignItem(subject, provider));
      }
      DataCategory category = item.category();
      if (category != lastCategory) {
        lastCategory = category;
        lastCategoryPortable = portableCategories.contains(category.id());
        if (access) {
          categoriesSeen.add(category.id());
        }
      }
      if (access) {
        if (!retainedFields.isEmpty()) {
          RetainedField retained = retainedFields.remove(item.field());
          if (retained != null) {
            retainedSeen.add(retained);
          }
        }
      } else if (!item.providedBySubject() || !lastCategoryPortable) {
        return;
      }
      try {
        writer.item(item);
      } catch (JacksonException | UncheckedIOException e) {
        throw fail(ExportFailedException.outputFailed(subject, causeOf(e)));
      }
    }

    private ExportFailedException fail(ExportFailedException e) {
      failure = e;
      return e;
    }

    /** Throws the failure a provider may have swallowed. */
    void rethrowFailure() {
      if (failure != null) {
        throw failure;
      }
    }
  }
}
