package io.gdprkit.jpa.breach.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.gdprkit.breach.Breach;
import io.gdprkit.breach.BreachDetails;
import io.gdprkit.breach.BreachId;
import io.gdprkit.breach.ExposureWindow;
import io.gdprkit.breach.RiskAssessment;
import io.gdprkit.breach.RiskLevel;
import io.gdprkit.breach.SubjectNoticeExemption;
import io.gdprkit.jpa.internal.Json;
import java.time.Instant;
import org.apiguardian.api.API;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON of a breach in the breach register: what is known of it (Art. 33(3)), when the controller became aware,
 * every risk assessment, and where the notifications of the authority (Art. 33) and the subjects (Art. 34) stand; the
 * id and version are columns.
 *
 * <p>A breach reads back equal to the one written.
 *
 * @since 0.2
 */
@API(status = INTERNAL, since = "0.2")
public final class BreachJson {

  private BreachJson() {}

  /** Returns the parts of a breach the columns do not hold. */
  public static String write(Breach breach) {
    return Json.write(json -> {
      json.writeStartObject();
      json.writeName("details");
      details(json, breach.details());
      Json.instant(json, "awareAt", breach.awareAt());
      Json.instant(json, "recordedAt", breach.recordedAt());
      Json.objects(json, "assessments", breach.assessments(), assessment -> {
        json.writeStringProperty("level", assessment.level().name());
        json.writeStringProperty("rationale", assessment.rationale());
        Json.actor(json, "by", assessment.assessedBy());
        Json.instant(json, "at", assessment.assessedAt());
      });
      Json.instant(json, "authorityNotifiedAt", breach.authorityNotifiedAt());
      Json.string(json, "delayReasons", breach.delayReasons());
      Json.strings(json, "authorityUpdates", breach.authorityUpdates().stream().map(Instant::toString).toList());
      Json.instant(json, "subjectsToldAt", breach.subjectsToldAt());
      Json.constant(json, "subjectExemption", breach.subjectExemption());
      Json.string(json, "exemptionDetails", breach.exemptionDetails());
      Json.instant(json, "communicationRequiredAt", breach.communicationRequiredAt());
      json.writeEndObject();
    });
  }

  /** Returns the breach with this id and version whose JSON is {@code payload}. */
  public static Breach read(BreachId id, int version, String payload) {
    Json.Obj json = Json.parse(payload, "breach");
    return new Breach(id, version, details(json.object("details")), json.instant("awareAt"), json.instant("recordedAt"),
        json.objects("assessments", assessment -> new RiskAssessment(assessment.constant("level", RiskLevel.class),
            assessment.string("rationale"), assessment.actor("by"), assessment.instant("at"))),
        json.optionalInstant("authorityNotifiedAt"), json.optionalString("delayReasons"),
        json.strings("authorityUpdates", Instant::parse), json.optionalInstant("subjectsToldAt"),
        json.optionalConstant("subjectExemption", SubjectNoticeExemption.class),
        json.optionalString("exemptionDetails"), json.optionalInstant("communicationRequiredAt"));
  }

  private static void details(JsonGenerator json, BreachDetails details) {
    json.writeStartObject();
    json.writeStringProperty("description", details.description());
    Json.categories(json, "dataCategories", details.dataCategories());
    Json.strings(json, "subjectCategories", details.subjectCategories());
    if (details.approximateSubjects() != null) {
      json.writeNumberProperty("approximateSubjects", details.approximateSubjects());
    }
    if (details.approximateRecords() != null) {
      json.writeNumberProperty("approximateRecords", details.approximateRecords());
    }
    Json.string(json, "likelyConsequences", details.likelyConsequences());
    Json.string(json, "measures", details.measures());
    Json.string(json, "contactPoint", details.contactPoint());
    ExposureWindow exposure = details.exposure();
    if (exposure != null) {
      json.writeObjectPropertyStart("exposure");
      Json.instant(json, "from", exposure.from());
      Json.instant(json, "until", exposure.until());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static BreachDetails details(Json.Obj json) {
    Json.Obj exposure = json.optionalObject("exposure");
    return new BreachDetails(json.string("description"), json.categories("dataCategories"),
        json.strings("subjectCategories", category -> category), json.optionalNumber("approximateSubjects"),
        json.optionalNumber("approximateRecords"), json.optionalString("likelyConsequences"),
        json.optionalString("measures"), json.optionalString("contactPoint"),
        exposure == null ? null : new ExposureWindow(exposure.instant("from"), exposure.instant("until")));
  }
}
