package io.gdprkit.jpa.request.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.export.ExportKind;
import io.gdprkit.jpa.internal.Json;
import io.gdprkit.request.Fulfilment;
import io.gdprkit.request.IdentityCheck;
import io.gdprkit.request.RequestChannel;
import io.gdprkit.request.RequestId;
import io.gdprkit.request.RequestIntake;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.RequestNotice;
import io.gdprkit.request.RequestState;
import io.gdprkit.request.RequestTransition;
import io.gdprkit.request.StepEvidence;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.PersonalData;
import io.gdprkit.subject.PersonalDataAccess;
import io.gdprkit.subject.SubjectId;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON of a subject request in the request store: its kind, state, deadlines, every step with the evidence it
 * carries, and the claim it holds while host code runs for it; the id, subject and version are columns, and the time
 * of receipt is the first step's.
 *
 * <p>A request reads back equal to the one written, the text of its intake included where the host chose to keep it
 * ({@link RequestIntake#withTextKept}).
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class RequestJson {

  private RequestJson() {}

  /** Returns the parts of a request the columns do not hold. */
  public static String write(SubjectRequest request) {
    return Json.write(json -> {
      json.writeStartObject();
      json.writeStringProperty("kind", request.kind().name());
      json.writeStringProperty("state", request.state().name());
      Json.instant(json, "dueAt", request.dueAt());
      SubjectRequest.Extension extension = request.extension();
      if (extension != null) {
        json.writeName("extension");
        evidence(json, extension);
      }
      SubjectRequest.Rejection rejection = request.rejection();
      if (rejection != null) {
        json.writeName("rejection");
        evidence(json, rejection);
      }
      SubjectRequest.Claim claim = request.claim();
      if (claim != null) {
        json.writeName("claim");
        json.writeStartObject();
        json.writeStringProperty("owner", claim.owner());
        Json.instant(json, "until", claim.until());
        json.writeEndObject();
      }
      Json.objects(json, "transitions", request.transitions(), step -> {
        Json.constant(json, "from", step.from());
        json.writeStringProperty("to", step.to().name());
        Json.instant(json, "at", step.at());
        Json.actor(json, "by", step.by());
        Json.string(json, "note", step.note());
        StepEvidence evidence = step.evidence();
        if (evidence != null) {
          json.writeName("evidence");
          evidence(json, evidence);
        }
      });
      json.writeEndObject();
    });
  }

  /** Returns the request with this id, subject and version whose JSON is {@code payload}. */
  public static SubjectRequest read(RequestId id, SubjectId subject, int version, String payload) {
    Json.Obj json = Json.parse(payload, "subject request");
    List<RequestTransition> transitions = json.objects("transitions", step -> {
      Json.Obj evidence = step.optionalObject("evidence");
      return new RequestTransition(step.optionalConstant("from", RequestState.class),
          step.constant("to", RequestState.class), step.instant("at"), step.actor("by"), step.optionalString("note"),
          evidence == null ? null : evidence(evidence));
    });
    if (transitions.isEmpty()) {
      throw json.invalid("transitions");
    }
    Json.Obj claim = json.optionalObject("claim");
    return new SubjectRequest(id, subject, json.constant("kind", RequestKind.class),
        json.constant("state", RequestState.class), transitions.get(0).at(), json.instant("dueAt"),
        evidence(json, "extension", SubjectRequest.Extension.class),
        evidence(json, "rejection", SubjectRequest.Rejection.class), transitions, version,
        claim == null ? null : new SubjectRequest.Claim(claim.string("owner"), claim.instant("until")));
  }

  private static <T extends StepEvidence> @Nullable T evidence(Json.Obj json, String name, Class<T> type) {
    Json.Obj value = json.optionalObject(name);
    if (value == null) {
      return null;
    }
    StepEvidence evidence = evidence(value);
    if (!type.isInstance(evidence)) {
      throw json.invalid(name);
    }
    return type.cast(evidence);
  }

  private static void evidence(JsonGenerator json, StepEvidence evidence) {
    json.writeStartObject();
    if (evidence instanceof RequestIntake intake) {
      json.writeStringProperty("type", "INTAKE");
      json.writeStringProperty("channel", intake.channel().name());
      Json.string(json, "reference", intake.reference());
      Json.string(json, "textSha256", intake.textSha256());
      PersonalData<String> text = intake.text();
      Json.string(json, "text", text == null ? null : text.value(PersonalDataAccess.unredacted()));
    } else if (evidence instanceof IdentityCheck check) {
      json.writeStringProperty("type", "IDENTITY");
      json.writeStringProperty("method", check.method());
      json.writeStringProperty("outcome", check.outcome().name());
    } else if (evidence instanceof SubjectRequest.Extension extension) {
      json.writeStringProperty("type", "EXTENSION");
      Json.instant(json, "dueAt", extension.dueAt());
      json.writeStringProperty("reason", extension.reason());
      Json.instant(json, "at", extension.at());
    } else if (evidence instanceof SubjectRequest.Rejection rejection) {
      json.writeStringProperty("type", "REJECTION");
      json.writeStringProperty("reason", rejection.reason());
      Json.instant(json, "at", rejection.at());
    } else if (evidence instanceof RequestNotice notice) {
      json.writeStringProperty("type", "NOTICE");
      json.writeStringProperty("kind", notice.kind().name());
      json.writeStringProperty("channel", notice.channel().name());
      json.writeStringProperty("contentSha256", notice.contentSha256());
    } else if (evidence instanceof Fulfilment.Erased erased) {
      json.writeStringProperty("type", "ERASED");
      json.writeStringProperty("job", erased.job().toString());
      json.writeNumberProperty("recordsDeleted", erased.recordsDeleted());
      json.writeNumberProperty("fieldsAnonymised", erased.fieldsAnonymised());
      json.writeNumberProperty("fieldsRetained", erased.fieldsRetained());
    } else if (evidence instanceof Fulfilment.Exported exported) {
      json.writeStringProperty("type", "EXPORTED");
      json.writeStringProperty("kind", exported.kind().name());
      json.writeStringProperty("sha256", exported.sha256());
      json.writeNumberProperty("bytes", exported.bytes());
    } else if (evidence instanceof Fulfilment.Performed performed) {
      json.writeStringProperty("type", "PERFORMED");
      json.writeStringProperty("description", performed.description());
      Json.string(json, "reference", performed.reference());
    } else if (evidence instanceof Fulfilment.Recorded) {
      json.writeStringProperty("type", "RECORDED");
    } else {
      throw new IllegalStateException("no JSON form for step evidence " + evidence.getClass().getName());
    }
    json.writeEndObject();
  }

  private static StepEvidence evidence(Json.Obj json) {
    String type = json.string("type");
    return switch (type) {
      case "INTAKE" -> {
        String text = json.optionalString("text");
        yield new RequestIntake(json.constant("channel", RequestChannel.class), json.optionalString("reference"),
            json.optionalString("textSha256"), text == null ? null : PersonalData.of(text));
      }
      case "IDENTITY" -> new IdentityCheck(json.string("method"), json.constant("outcome", IdentityCheck.Outcome.class));
      case "EXTENSION" -> new SubjectRequest.Extension(json.instant("dueAt"), json.string("reason"), json.instant("at"));
      case "REJECTION" -> new SubjectRequest.Rejection(json.string("reason"), json.instant("at"));
      case "NOTICE" -> new RequestNotice(json.constant("kind", RequestNotice.Kind.class),
          json.constant("channel", RequestChannel.class), json.string("contentSha256"));
      case "ERASED" -> new Fulfilment.Erased(json.uuid("job"), json.number("recordsDeleted"),
          json.number("fieldsAnonymised"), json.number("fieldsRetained"));
      case "EXPORTED" -> new Fulfilment.Exported(json.constant("kind", ExportKind.class), json.string("sha256"),
          json.number("bytes"));
      case "PERFORMED" -> new Fulfilment.Performed(json.string("description"), json.optionalString("reference"));
      case "RECORDED" -> new Fulfilment.Recorded();
      default -> throw json.invalid("type");
    };
  }
}
