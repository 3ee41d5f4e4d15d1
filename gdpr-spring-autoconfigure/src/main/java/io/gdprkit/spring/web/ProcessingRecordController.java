package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.processing.RegisterCheck;
import io.gdprkit.processing.RegisterFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The records of processing activities (Art. 30), as a document for the authority and as a completeness check. */
@RestController
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}/processing-records")
@Tag(name = "Records of processing", description = "The records of processing activities (Art. 30)")
final class ProcessingRecordController {

  private final GdprKit gdpr;

  ProcessingRecordController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  @GetMapping
  @Operation(summary = "The records as JSON, CSV or Markdown, streamed")
  ResponseEntity<StreamingResponseBody> records(@RequestParam(defaultValue = "JSON") RegisterFormat format) {
    MediaType type = switch (format) {
      case JSON -> MediaType.APPLICATION_JSON;
      case CSV -> new MediaType("text", "csv", StandardCharsets.UTF_8);
      case MARKDOWN -> new MediaType("text", "markdown", StandardCharsets.UTF_8);
    };
    StreamingResponseBody body = out -> gdpr.processingRecords().export(format, out);
    return ResponseEntity.ok().contentType(type).body(body);
  }

  @GetMapping(path = "/check", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Whether the controller is named and every declared purpose has an activity")
  CheckView check() {
    RegisterCheck check = gdpr.processingRecords().check();
    return new CheckView(check.isComplete(), check.controllerNamed(), check.purposesWithoutActivity(),
        check.undeclaredPurposes().stream().map(u -> new UndeclaredView(u.activity(), u.purpose())).toList());
  }

  /** What the check found. */
  record CheckView(boolean complete, boolean controllerNamed, List<String> purposesWithoutActivity,
      List<UndeclaredView> undeclaredPurposes) {
  }

  /** An activity naming a purpose the kit does not declare. */
  record UndeclaredView(String activity, String purpose) {
  }
}
