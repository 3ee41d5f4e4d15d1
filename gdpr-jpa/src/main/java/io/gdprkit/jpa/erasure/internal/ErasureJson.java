package io.gdprkit.jpa.erasure.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.erasure.ErasureExemption;
import io.gdprkit.erasure.ErasureReport;
import io.gdprkit.erasure.ErasureScope;
import io.gdprkit.erasure.InformedController;
import io.gdprkit.erasure.ProviderReport;
import io.gdprkit.erasure.Publication;
import io.gdprkit.erasure.RetainedField;
import io.gdprkit.erasure.spi.ErasureJob;
import io.gdprkit.jpa.internal.Json;
import io.gdprkit.purpose.LegalBasis;
import io.gdprkit.subject.SubjectId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON of the erasure store's columns: what a job has recorded of its run, a kept report, the scope of a hold and
 * the record of data made public; what the store queries (ids, subject, times, version, lease) is in columns instead.
 *
 * <p>Every value reads back equal to the one written; a report's cascaded reports nest in it.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class ErasureJson {

  private ErasureJson() {}

  /** Returns the parts of a job the columns do not hold: its scope, level and every step recorded. */
  public static String job(ErasureJob job) {
    return Json.write(json -> {
      json.writeStartObject();
      json.writeName("scope");
      scope(json, job.scope());
      json.writeNumberProperty("level", job.level());
      json.writeArrayPropertyStart("steps");
      for (ErasureJob.Step step : job.steps()) {
        json.writeString(step.name());
      }
      json.writeEndArray();
      Json.strings(json, "children", job.children().stream().map(UUID::toString).toList());
      json.writeNumberProperty("suppressed", job.suppressed());
      Json.objects(json, "done", job.done().values(), report -> provider(json, report));
      json.writeNumberProperty("consentEventsErased", job.consentEventsErased());
      json.writeNumberProperty("sourceTagsErased", job.sourceTagsErased());
      Json.strings(json, "childrenDone", job.childrenDone().stream().map(UUID::toString).toList());
      json.writeNumberProperty("failures", job.failures());
      Json.string(json, "failedProvider", job.failedProvider());
      Json.objects(json, "informed", job.informed(), informed -> informed(json, informed));
      ErasureJob.Release release = job.release();
      if (release != null) {
        json.writeObjectPropertyStart("release");
        json.writeStringProperty("of", release.of().toString());
        Json.instant(json, "erasedAt", release.erasedAt());
        json.writeEndObject();
      }
      json.writeEndObject();
    });
  }

  /** Returns the job whose columns hold these values and whose JSON is {@code payload}. */
  public static ErasureJob job(UUID id, SubjectId subject, @Nullable UUID parent, Instant createdAt, long version,
      ErasureJob.@Nullable Lease lease, String payload) {
    Json.Obj json = Json.parse(payload, "erasure job");
    Set<ErasureJob.Step> steps = EnumSet.noneOf(ErasureJob.Step.class);
    steps.addAll(json.strings("steps", step -> ErasureJob.Step.valueOf(step)));
    Map<String, ProviderReport> done = new LinkedHashMap<>();
    json.objects("done", ErasureJson::provider).forEach(report -> done.put(report.provider(), report));
    Json.Obj release = json.optionalObject("release");
    return new ErasureJob(id, subject, scope(json.object("scope")), json.integer("level"), parent, createdAt, steps,
        json.strings("children", UUID::fromString), json.integer("suppressed"), done,
        json.number("consentEventsErased"), json.number("sourceTagsErased"),
        json.strings("childrenDone", UUID::fromString), json.integer("failures"), json.optionalString("failedProvider"),
        version, lease, json.objects("informed", ErasureJson::informed),
        release == null ? null : new ErasureJob.Release(release.uuid("of"), release.instant("erasedAt")));
  }

  /** Returns a kept report, its cascaded reports nested in it. */
  public static String report(ErasureReport report) {
    return Json.write(json -> report(json, report));
  }

  /** Returns the report whose JSON is {@code payload}. */
  public static ErasureReport report(String payload) {
    return report(Json.parse(payload, "erasure report"));
  }

  /** Returns a scope. */
  public static String scope(ErasureScope scope) {
    return Json.write(json -> scope(json, scope));
  }

  /** Returns the scope whose JSON is {@code payload}. */
  public static ErasureScope scope(String payload) {
    return scope(Json.parse(payload, "erasure scope"));
  }

  /** Returns the parts of a record of data made public the columns do not hold: all but its id and subject. */
  public static String publication(Publication publication) {
    return Json.write(json -> {
      json.writeStartObject();
      json.writeStringProperty("purpose", publication.purpose());
      Json.categories(json, "categories", publication.categories());
      json.writeStringProperty("where", publication.where());
      Json.strings(json, "controllers", publication.controllers());
      Json.instant(json, "recordedAt", publication.recordedAt());
      Json.actor(json, "recordedBy", publication.recordedBy());
      json.writeEndObject();
    });
  }

  /** Returns the record of data made public with this id and subject whose JSON is {@code payload}. */
  public static Publication publication(UUID id, SubjectId subject, String payload) {
    Json.Obj json = Json.parse(payload, "record of data made public");
    return new Publication(id, subject, json.string("purpose"), Set.copyOf(json.categories("categories")),
        json.string("where"), new TreeSet<>(json.strings("controllers", controller -> controller)),
        json.instant("recordedAt"), json.actor("recordedBy"));
  }

  private static void report(JsonGenerator json, ErasureReport report) {
    json.writeStartObject();
    json.writeStringProperty("job", report.job().toString());
    json.writeStringProperty("subjectPseudonym", report.subjectPseudonym());
    json.writeName("scope");
    scope(json, report.scope());
    Json.instant(json, "completedAt", report.completedAt());
    Json.objects(json, "providers", report.providers(), provider -> provider(json, provider));
    json.writeNumberProperty("consentEventsErased", report.consentEventsErased());
    json.writeNumberProperty("sourceTagsErased", report.sourceTagsErased());
    json.writeNumberProperty("suppressed", report.suppressed());
    json.writeArrayPropertyStart("cascaded");
    for (ErasureReport child : report.cascaded()) {
      report(json, child);
    }
    json.writeEndArray();
    Json.objects(json, "controllersInformed", report.controllersInformed(), informed -> informed(json, informed));
    UUID releaseOf = report.releaseOf();
    Json.string(json, "releaseOf", releaseOf == null ? null : releaseOf.toString());
    json.writeEndObject();
  }

  private static ErasureReport report(Json.Obj json) {
    return new ErasureReport(json.uuid("job"), json.string("subjectPseudonym"), scope(json.object("scope")),
        json.instant("completedAt"), json.objects("providers", ErasureJson::provider),
        json.number("consentEventsErased"), json.number("sourceTagsErased"), json.integer("suppressed"),
        json.objects("cascaded", ErasureJson::report), json.objects("controllersInformed", ErasureJson::informed),
        json.optionalUuid("releaseOf"));
  }

  private static void scope(JsonGenerator json, ErasureScope scope) {
    json.writeStartObject();
    json.writeStringProperty("kind", scope.kind().name());
    Json.string(json, "purpose", scope.purpose());
    Json.categories(json, "categories", scope.categories());
    json.writeBooleanProperty("keepRecords", scope.keepRecords());
    json.writeEndObject();
  }

  private static ErasureScope scope(Json.Obj json) {
    return new ErasureScope(json.constant("kind", ErasureScope.Kind.class), json.optionalString("purpose"),
        Set.copyOf(json.categories("categories")), json.bool("keepRecords"));
  }

  private static void provider(JsonGenerator json, ProviderReport report) {
    json.writeStringProperty("provider", report.provider());
    json.writeNumberProperty("recordsDeleted", report.recordsDeleted());
    json.writeNumberProperty("fieldsAnonymised", report.fieldsAnonymised());
    Json.objects(json, "retained", report.retained(), field -> {
      json.writeStringProperty("field", field.field());
      json.writeStringProperty("reason", field.reason());
      Json.instant(json, "until", field.until());
      json.writeNumberProperty("records", field.records());
      ErasureExemption exemption = field.exemption();
      if (exemption != null) {
        json.writeObjectPropertyStart("exemption");
        json.writeStringProperty("purpose", exemption.purpose());
        json.writeStringProperty("legalBasis", exemption.legalBasis().name());
        json.writeStringProperty("ground", exemption.ground().name());
        json.writeEndObject();
      }
    });
    json.writeBooleanProperty("resumed", report.resumed());
    Json.instant(json, "nextRelease", report.nextRelease());
  }

  private static ProviderReport provider(Json.Obj json) {
    List<RetainedField> retained = json.objects("retained", field -> {
      Json.Obj exemption = field.optionalObject("exemption");
      return new RetainedField(field.string("field"), field.string("reason"), field.optionalInstant("until"),
          field.integer("records"), exemption == null ? null : new ErasureExemption(exemption.string("purpose"),
              exemption.constant("legalBasis", LegalBasis.class),
              exemption.constant("ground", ErasureExemption.Ground.class)));
    });
    return new ProviderReport(json.string("provider"), json.number("recordsDeleted"), json.number("fieldsAnonymised"),
        retained, json.bool("resumed"), json.optionalInstant("nextRelease"));
  }

  private static void informed(JsonGenerator json, InformedController informed) {
    json.writeStringProperty("controller", informed.controller());
    json.writeStringProperty("notice", informed.notice().toString());
    json.writeStringProperty("purpose", informed.purpose());
    json.writeStringProperty("where", informed.where());
    Json.categories(json, "categories", informed.categories());
    Json.instant(json, "at", informed.at());
  }

  private static InformedController informed(Json.Obj json) {
    return new InformedController(json.string("controller"), json.uuid("notice"), json.string("purpose"),
        json.string("where"), Set.copyOf(json.categories("categories")), json.instant("at"));
  }
}
