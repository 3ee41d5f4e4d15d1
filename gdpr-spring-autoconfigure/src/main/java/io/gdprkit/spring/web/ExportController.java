package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.export.ExportKind;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.subject.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A subject's data as a download (Art. 15 access, Art. 20 portability), JSON or CSV, streamed as the kit writes it:
 * the server never holds the whole export.
 */
@RestController
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}/subjects/{subject}")
@Tag(name = "Exports", description = "A subject's data for access (Art. 15) and portability (Art. 20)")
final class ExportController {

  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final GdprKit gdpr;

  ExportController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  /**
   * Streams the export. A failure once the first bytes are sent cannot become a problem detail any more: the
   * connection is then cut, and the client sees an incomplete download rather than a complete-looking one.
   */
  @GetMapping("/export")
  @Operation(summary = "Download the subject's export, JSON or CSV, for access or portability")
  ResponseEntity<StreamingResponseBody> export(TenantId tenant, @PathVariable String subject,
      @RequestParam(defaultValue = "JSON") ExportFormat format,
      @RequestParam(defaultValue = "ACCESS") ExportKind kind) {
    SubjectId id = SubjectId.of(tenant, subject);
    String file = kind.name().toLowerCase(Locale.ROOT) + "-export." + format.name().toLowerCase(Locale.ROOT);
    StreamingResponseBody body = out -> gdpr.exports().write(id, kind, format, out);
    return ResponseEntity.ok()
        .contentType(format == ExportFormat.JSON ? MediaType.APPLICATION_JSON : CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
