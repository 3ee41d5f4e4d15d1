package io.gdprkit.spring.gpc;

import io.gdprkit.GdprException;
import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.gpc.GpcSignal;
import io.gdprkit.gpc.RequestHeaders;
import io.gdprkit.subject.SubjectId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records a Global Privacy Control signal ({@code Sec-GPC: 1}, GPC §3.3) through the kit's GPC service, for the
 * subject the host's {@link GpcSubjectResolver} names, before the request reaches the host's handler: a consent a form
 * records on the same request then counts as given after the signal.
 *
 * <p>The header is parsed by the kit's rules ({@link GpcSignal#fromHeaders}); the proof is the header as the source,
 * the kit's time, the page's origin (never its path or query) and a keyed hash of the user agent, which the kit drops
 * when it is missing, repeated or longer than its limit. Nothing is done when the kit's policy honours no signal, when
 * the header is absent or not exactly {@code 1}, or when no subject is resolved. A failure to record is logged, without
 * personal data, and the request goes on: the host's page must not fail because a signal could not be written.
 */
final class GpcSignalFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(GpcSignalFilter.class);

  private final GdprKit kit;
  private final GpcSubjectResolver subjects;

  GpcSignalFilter(GdprKit kit, GpcSubjectResolver subjects) {
    this.kit = kit;
    this.subjects = subjects;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (kit.gpc().policy().honoursSignal()) {
      RequestHeaders headers = name -> Collections.list(request.getHeaders(name));
      GpcSignal.fromHeaders(headers).ifPresent(signal -> record(request, signal));
    }
    chain.doFilter(request, response);
  }

  private void record(HttpServletRequest request, GpcSignal signal) {
    SubjectId subject;
    try {
      subject = subjects.resolve(request);
    } catch (RuntimeException e) {
      log.warn("GPC signal not recorded: the subject resolver failed with {}", e.getClass().getName());
      return;
    }
    if (subject == null) {
      return;
    }
    try {
      kit.gpc().apply(subject, atPage(request, signal));
    } catch (GdprException e) {
      log.warn("GPC signal not recorded: {}", e.getClass().getSimpleName());
    }
  }

  private static GpcSignal atPage(HttpServletRequest request, GpcSignal signal) {
    try {
      return signal.atPage(request.getRequestURL().toString());
    } catch (InvalidInputException e) {
      return signal; // a request URL the kit cannot reduce to an origin: recorded without one
    }
  }
}
