package io.gdprkit.spring.web;

import io.gdprkit.GdprKit;
import io.gdprkit.jpa.processing.JpaProcessingRegister;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The minimisation report (Art. 5(1)(c)): data categories stored that no purpose needs, and purposes needing a
 * category nothing stores; derived from the annotated entities by gdpr-jpa, so only there when it is.
 */
@RestController
@ConditionalOnClass(name = "io.gdprkit.jpa.processing.JpaProcessingRegister")
@RequestMapping(path = "${gdpr.web.base-path:/gdpr}/processing-records")
@Tag(name = "Records of processing")
final class MinimisationController {

  private final GdprKit gdpr;

  MinimisationController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  @GetMapping(path = "/minimisation", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Stored categories no purpose needs, and needed categories nothing stores (Art. 5(1)(c))")
  ResponseEntity<StreamingResponseBody> minimisation() {
    // Derived on each call: the register reads the kit's providers and purposes as they are now.
    StreamingResponseBody body = out -> JpaProcessingRegister.derive(gdpr).minimisation().writeJson(out);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
