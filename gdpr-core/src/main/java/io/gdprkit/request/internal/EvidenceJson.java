package io.gdprkit.request.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.request.Fulfilment;
import io.gdprkit.request.IdentityCheck;
import io.gdprkit.request.RequestEvidence;
import io.gdprkit.request.RequestEvidence.Dated;
import io.gdprkit.request.RequestIntake;
import io.gdprkit.request.RequestNotice;
import io.gdprkit.request.RequestTransition;
import io.gdprkit.request.StepEvidence;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.PersonalDataAccess;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes a {@link RequestEvidence} as the JSON its {@code toJson()} documents: every field in a fixed order and always
 * present, so that the same bundle always gives the same bytes, and a reader can rely on the shape.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class EvidenceJson {

  /** Shared and thread-safe; leaves {@code /} unescaped, as the receipts do. */
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
      .build();

  private EvidenceJson() {}

  /** Returns the bundle's JSON as UTF-8 bytes. */
  public static byte[] write(RequestEvidence evidence) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeStringProperty("format", RequestEvidence.FORMAT);
      request(json, evidence);
      received(json, evidence);
      deadline(json, evidence);
      json.writeArrayPropertyStart("identity");
      for (Dated<IdentityCheck> check : evidence.identityChecks()) {
        json.writeStartObject();
        json.writeStringProperty("method", check.value().method());
        json.writeStringProperty("outcome", check.value().outcome().name());
        dated(json, check);
        json.writeEndObject();
      }
      json.writeEndArray();
      fulfilment(json, evidence.fulfilment());
      rejection(json, evidence.rejection());
      json.writeArrayPropertyStart("notices");
      for (Dated<RequestNotice> notice : evidence.notices()) {
        json.writeStartObject();
        json.writeStringProperty("kind", notice.value().kind().name());
        json.writeStringProperty("channel", notice.value().channel().name());
        json.writeStringProperty("contentSha256", notice.value().contentSha256());
        dated(json, notice);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayPropertyStart("timeline");
      for (RequestTransition step : evidence.timeline()) {
        json.writeStartObject();
        instant(json, "at", step.at());
        actor(json, "by", step.by());
        json.writeStringProperty("from", step.from() == null ? null : step.from().name());
        json.writeStringProperty("to", step.to().name());
        json.writeStringProperty("note", step.note());
        json.writeStringProperty("evidence", kindOf(step.evidence()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void request(JsonGenerator json, RequestEvidence evidence) {
    json.writeObjectPropertyStart("request");
    json.writeStringProperty("id", evidence.requestId().toString());
    json.writeStringProperty("kind", evidence.kind().name());
    json.writeStringProperty("article", evidence.kind().article());
    json.writeStringProperty("tenant", evidence.tenant().value());
    json.writeStringProperty("subject", evidence.subjectPseudonym());
    json.writeStringProperty("state", evidence.state().name());
    json.writeNumberProperty("version", evidence.version());
    json.writeEndObject();
  }

  private static void received(JsonGenerator json, RequestEvidence evidence) {
    RequestIntake intake = evidence.intake();
    json.writeObjectPropertyStart("received");
    instant(json, "at", evidence.receivedAt());
    actor(json, "by", evidence.receivedBy());
    json.writeStringProperty("channel", intake == null ? null : intake.channel().name());
    json.writeStringProperty("reference", intake == null ? null : intake.reference());
    json.writeStringProperty("textSha256", intake == null ? null : intake.textSha256());
    json.writeStringProperty("text", intake == null || intake.text() == null ? null
        : intake.text().value(PersonalDataAccess.unredacted()));
    json.writeEndObject();
  }

  private static void deadline(JsonGenerator json, RequestEvidence evidence) {
    json.writeObjectPropertyStart("deadline");
    instant(json, "dueAt", evidence.dueAt());
    json.writeName("extension");
    Dated<SubjectRequest.Extension> extension = evidence.extension();
    if (extension == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      instant(json, "dueAt", extension.value().dueAt());
      json.writeStringProperty("reason", extension.value().reason());
      dated(json, extension);
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void fulfilment(JsonGenerator json, @Nullable Dated<Fulfilment> dated) {
    json.writeName("fulfilment");
    if (dated == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    Fulfilment fulfilment = dated.value();
    if (fulfilment instanceof Fulfilment.Erased erased) {
      json.writeStringProperty("type", "ERASED");
      json.writeStringProperty("erasureJob", erased.job().toString());
      json.writeNumberProperty("recordsDeleted", erased.recordsDeleted());
      json.writeNumberProperty("fieldsAnonymised", erased.fieldsAnonymised());
      json.writeNumberProperty("fieldsRetained", erased.fieldsRetained());
    } else if (fulfilment instanceof Fulfilment.Exported exported) {
      json.writeStringProperty("type", "EXPORTED");
      json.writeStringProperty("exportKind", exported.kind().name());
      json.writeStringProperty("sha256", exported.sha256());
      json.writeNumberProperty("bytes", exported.bytes());
    } else if (fulfilment instanceof Fulfilment.Performed performed) {
      json.writeStringProperty("type", "PERFORMED");
      json.writeStringProperty("description", performed.description());
      json.writeStringProperty("reference", performed.reference());
    } else {
      json.writeStringProperty("type", "RECORDED");
    }
    dated(json, dated);
    json.writeEndObject();
  }

  private static void rejection(JsonGenerator json, @Nullable Dated<SubjectRequest.Rejection> rejection) {
    json.writeName("rejection");
    if (rejection == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    json.writeStringProperty("reason", rejection.value().reason());
    dated(json, rejection);
    json.writeEndObject();
  }

  private static void dated(JsonGenerator json, Dated<?> dated) {
    instant(json, "at", dated.at());
    actor(json, "by", dated.by());
  }

  private static void instant(JsonGenerator json, String name, Instant at) {
    json.writeStringProperty(name, at.toString());
  }

  private static void actor(JsonGenerator json, String name, Actor actor) {
    json.writeObjectPropertyStart(name);
    json.writeStringProperty("type", actor.type().name());
    json.writeStringProperty("id", actor.id());
    json.writeEndObject();
  }

  private static @Nullable String kindOf(@Nullable StepEvidence evidence) {
    if (evidence == null) {
      return null;
    }
    if (evidence instanceof RequestIntake) {
      return "INTAKE";
    }
    if (evidence instanceof IdentityCheck) {
      return "IDENTITY";
    }
    if (evidence instanceof SubjectRequest.Extension) {
      return "EXTENSION";
    }
    if (evidence instanceof Fulfilment) {
      return "FULFILMENT";
    }
    if (evidence instanceof SubjectRequest.Rejection) {
      return "REJECTION";
    }
    return "NOTICE";
  }
}
