package io.gdprkit.examples.marketing;

import io.gdprkit.GdprKit;
import io.gdprkit.decision.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The companion's one page: its subscribers with what {@code decide} says now for each purpose, and the log of the CRM
 * events it applied, read from the starter's inbox; the page refreshes itself every two seconds, so an opt-out or an
 * erasure made in the CRM shows up here as it arrives (Art. 7(3), 17(2), 19, 21(3)).
 */
@Controller
class MarketingController {

  private static final List<String> PURPOSES = List.of(MarketingConfiguration.NEWSLETTER,
      MarketingConfiguration.OFFERS);

  private final GdprKit gdpr;
  private final Subscribers subscribers;
  private final JdbcTemplate jdbc;

  MarketingController(GdprKit gdpr, Subscribers subscribers, JdbcTemplate jdbc) {
    this.gdpr = gdpr;
    this.subscribers = subscribers;
    this.jdbc = jdbc;
  }

  /** A subscriber as the page shows it. */
  record Row(String subject, String crmPseudonym, Instant subscribedAt, boolean erased, Map<String, Decision> now) {}

  /** An event received from another system, with what came of it here. */
  record Received(Instant at, String source, String type, String outcome) {}

  @GetMapping("/")
  String subscribers(Model model) {
    List<Row> rows = subscribers.all().stream().map(s -> new Row(s.subject().value(), s.crmPseudonym(),
        s.subscribedAt(), gdpr.erasure().wasErased(s.subject()),
        PURPOSES.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> gdpr.decide(s.subject(), p),
            (a, b) -> a, java.util.LinkedHashMap::new)))).toList();
    List<Received> applied = jdbc.query("select received_at, source, type, outcome from gdpr_event_inbox"
        + " order by received_at desc limit 50", (row, i) -> new Received(row.getTimestamp(1).toInstant(),
            row.getString(2), row.getString(3), row.getString(4)));
    Optional<Instant> last = Stream.concat(applied.stream().map(Received::at), rows.stream().map(Row::subscribedAt))
        .max(Instant::compareTo);
    model.addAttribute("purposes", PURPOSES);
    model.addAttribute("rows", rows);
    model.addAttribute("applied", applied);
    model.addAttribute("lastEvent", last.orElse(null));
    return "marketing/subscribers";
  }
}
