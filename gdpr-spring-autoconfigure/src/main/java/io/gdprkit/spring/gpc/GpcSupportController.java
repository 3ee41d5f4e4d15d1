package io.gdprkit.spring.gpc;

import io.gdprkit.GdprKit;
import io.gdprkit.gpc.GpcSupportResource;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the GPC support resource at {@code /.well-known/gpc.json} (GPC §4), as the kit states it:
 * {@code {"gpc":true,"lastUpdate":"2026-12-07"}} when its policy honours the signal, {@code false} otherwise; the date
 * is the policy's, or {@code gdpr.gpc.last-update} when the policy has none.
 */
@RestController
final class GpcSupportController {

  private final GdprKit kit;
  private final @Nullable LocalDate lastUpdate;

  GpcSupportController(GdprKit kit, @Nullable LocalDate lastUpdate) {
    this.kit = kit;
    this.lastUpdate = lastUpdate;
  }

  @GetMapping(path = GpcSupportResource.PATH)
  ResponseEntity<String> supportResource() {
    GpcSupportResource stated = kit.gpc().supportResource();
    GpcSupportResource resource = stated.lastUpdate() != null || lastUpdate == null ? stated
        : new GpcSupportResource(stated.gpc(), lastUpdate);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noCache()).body(resource.toJson());
  }
}
