package io.gdprkit.spring.selfservice;

import io.gdprkit.GdprKit;
import io.gdprkit.InvalidInputException;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.erasure.ErasedSubjectException;
import io.gdprkit.export.ExportFormat;
import io.gdprkit.export.ExportKind;
import io.gdprkit.preference.Subscription;
import io.gdprkit.preference.Topic;
import io.gdprkit.preference.UnknownTopicException;
import io.gdprkit.preference.UnsubscribeResult;
import io.gdprkit.request.RequestChannel;
import io.gdprkit.request.RequestIntake;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data subject's self-service endpoints, each reached only with a signed token, under
 * {@code gdpr.self-service.base-path}.
 *
 * <ul>
 *   <li>{@code GET /preferences}: the subject's topics, on or off (Art. 7(3), Art. 21(2));</li>
 *   <li>{@code POST /preferences} with a JSON object {@code {"topic-id": true|false, ...}}: turns the named topics on
 *       or off, each on a consent proof naming the preference center;</li>
 *   <li>{@code POST /unsubscribe?token=...} with the body {@code List-Unsubscribe=One-Click}: the RFC 8058 one-click
 *       unsubscribe, with the kit's own unsubscribe token; {@code GET} on the same URI changes nothing, since mail
 *       scanners fetch links;</li>
 *   <li>{@code GET /export?format=json|csv&kind=access|portability}: the subject's export as a download (Art. 15, 20);</li>
 *   <li>{@code POST /erasure-request}: records a request to be forgotten (Art. 17) as a subject request, or returns
 *       the open one; staff then take it through the request service, nothing is erased here.</li>
 * </ul>
 *
 * <p>Tokens come as {@code Authorization: Bearer ...} or the {@code token} query parameter. Every token, valid or not,
 * first takes a permit from the per-token rate limiter. A forged, altered, expired or out-of-scope token gets one and
 * the same 401; a valid token for a subject nobody knows gets what a known subject with no data gets, and one for an
 * erased subject what a subject nobody knows gets (a topic it turns on is not recorded, but answered as on), so the
 * answers never tell who is on record or was erased. Responses are {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer},
 * so a token in the address bar does not travel on.
 */
@RestController
@RequestMapping("${gdpr.self-service.base-path:" + SelfServiceProperties.DEFAULT_BASE_PATH + "}")
final class SelfServiceController {

  private static final Logger LOG = LoggerFactory.getLogger(SelfServiceController.class);

  private static final String FORM_ID = "gdpr-self-service-preferences";
  private static final String ONE_CLICK_FIELD = "List-Unsubscribe";
  private static final String ONE_CLICK_VALUE = "One-Click";
  private static final int MAX_USER_AGENT = 512;

  private final GdprKit kit;
  private final SelfServiceTokens tokens;
  private final TokenRateLimiter limiter;
  private final int maxBody;
  private final String formVersion;

  SelfServiceController(GdprKit kit, SelfServiceTokens tokens, TokenRateLimiter limiter, int maxBody,
      String formVersion) {
    this.kit = kit;
    this.tokens = tokens;
    this.limiter = limiter;
    this.maxBody = maxBody;
    this.formVersion = formVersion;
  }

  @GetMapping(path = "/preferences", produces = MediaType.APPLICATION_JSON_VALUE)
  PreferencesView preferences(HttpServletRequest request, HttpServletResponse response) {
    SubjectId subject = authorize(request, response, SelfServiceScope.PREFERENCES);
    return PreferencesView.of(kit.preferences().subscriptions(subject));
  }

  @PostMapping(path = "/preferences", produces = MediaType.APPLICATION_JSON_VALUE)
  PreferencesView changePreferences(HttpServletRequest request, HttpServletResponse response) throws IOException {
    SubjectId subject = authorize(request, response, SelfServiceScope.PREFERENCES);
    requireJson(request);
    Map<String, Boolean> wanted = PreferenceChanges.parse(body(request));
    Set<String> declared = kit.preferences().topics().stream().map(Topic::id).collect(Collectors.toSet());
    for (String topic : wanted.keySet()) {
      if (!declared.contains(topic)) {
        throw UnknownTopicException.of(topic); // checked for every topic before any change, so nothing half-applies
      }
    }
    Map<String, Boolean> current = new LinkedHashMap<>();
    kit.preferences().subscriptions(subject).forEach(s -> current.put(s.topic().id(), s.subscribed()));
    Set<String> notRecorded = new HashSet<>();
    for (Map.Entry<String, Boolean> change : wanted.entrySet()) {
      if (change.getValue().equals(current.get(change.getKey()))) {
        continue;
      }
      if (change.getValue()) {
        try {
          kit.preferences().subscribe(subject, change.getKey(), proof(request));
        } catch (ErasedSubjectException erased) {
          // Issue 12: a 409 here would tell the holder of the link that this subject was erased, where a subject
          // nobody knows gets its topic turned on. The kit keeps refusing to record it; the answer is the unknown's.
          notRecorded.add(change.getKey());
        }
      } else {
        kit.preferences().unsubscribe(subject, change.getKey());
      }
    }
    if (!notRecorded.isEmpty()) {
      LOG.info("self-service: {} topic(s) turned on for a subject whose erasure is under way or done were not"
          + " recorded; answered as for a subject nobody knows", notRecorded.size());
    }
    return PreferencesView.of(kit.preferences().subscriptions(subject), notRecorded);
  }

  @GetMapping(path = "/unsubscribe", produces = MediaType.APPLICATION_JSON_VALUE)
  OneClickView unsubscribeInfo(HttpServletResponse response) {
    // RFC 8058 §3.2: a GET must not unsubscribe, since anti-spam filters fetch every link of a message.
    noStore(response);
    return new OneClickView(false, List.of(),
        "POST to this address with the body " + ListUnsubscribeHeaders.ONE_CLICK + " to unsubscribe.");
  }

  @PostMapping(path = "/unsubscribe", produces = MediaType.APPLICATION_JSON_VALUE)
  OneClickView unsubscribe(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    noStore(response);
    String token = queryParameter(request, "token");
    if (token == null) {
      throw InvalidTokenException.of(InvalidTokenException.Reason.MALFORMED);
    }
    limit(token);
    requireOneClick(request);
    UnsubscribeResult result = kit.preferences().unsubscribe(token);
    // Withdrawn and not-subscribed alike: whether the subject was subscribed, or known at all, is not told.
    List<String> topics = new ArrayList<>(result.withdrawn());
    topics.addAll(result.notSubscribed());
    return new OneClickView(true, topics.stream().sorted().toList(), "Unsubscribed.");
  }

  @GetMapping(path = "/export")
  void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
    SubjectId subject = authorize(request, response, SelfServiceScope.EXPORT);
    ExportFormat format = choice(request, "format", ExportFormat.class, ExportFormat.JSON);
    ExportKind kind = choice(request, "kind", ExportKind.class, ExportKind.ACCESS);
    String extension = format.name().toLowerCase(Locale.ROOT);
    response.setContentType(format == ExportFormat.JSON ? "application/json;charset=UTF-8" : "text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"personal-data-" + kind.name().toLowerCase(Locale.ROOT) + "." + extension + "\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    kit.exports().write(subject, kind, format, response.getOutputStream());
  }

  @PostMapping(path = "/erasure-request", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ErasureRequestView> requestErasure(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SubjectId subject = authorize(request, response, SelfServiceScope.ERASURE);
    body(request); // no body is needed; an oversized one is still refused
    SubjectRequest erasure = kit.requests().forSubject(subject).stream()
        .filter(r -> r.kind() == RequestKind.ERASURE && r.state().isOpen()).findFirst()
        .orElseGet(() -> kit.requests().receive(subject, RequestKind.ERASURE, Actor.subject(),
            RequestIntake.of(RequestChannel.WEB_FORM).withReference("gdpr-self-service")));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ErasureRequestView(erasure.id().toString(),
        erasure.state().name(), erasure.receivedAt(), erasure.deadline()));
  }

  private SubjectId authorize(HttpServletRequest request, HttpServletResponse response, SelfServiceScope scope) {
    noStore(response);
    String token = token(request);
    if (token == null) {
      throw InvalidTokenException.of(InvalidTokenException.Reason.MALFORMED);
    }
    limit(token);
    return tokens.verify(token, scope);
  }

  private void limit(String token) {
    Duration wait = limiter.acquire(token);
    if (!wait.isZero()) {
      throw SelfServiceProblem.rateLimited(wait);
    }
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
  }

  private static @Nullable String token(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return queryParameter(request, "token");
  }

  /** Reads a parameter from the query string only, so a form body is never parsed behind the endpoint's back. */
  private static @Nullable String queryParameter(HttpServletRequest request, String name) {
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        try {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw SelfServiceProblem.malformed("The query string is not well encoded.");
        }
      }
    }
    return null;
  }

  private static <E extends Enum<E>> E choice(HttpServletRequest request, String name, Class<E> type, E fallback) {
    String value = queryParameter(request, name);
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SelfServiceProblem.malformed("The parameter '" + name + "' must be one of "
          + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
          + ".");
    }
  }

  private byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBody) {
      throw SelfServiceProblem.tooLarge(maxBody);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(maxBody + 1);
      if (bytes.length > maxBody) {
        throw SelfServiceProblem.tooLarge(maxBody);
      }
      return bytes;
    }
  }

  private static void requireJson(HttpServletRequest request) {
    MediaType type = mediaType(request);
    if (type == null || !(MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
        || "json".equals(type.getSubtypeSuffix()) && "application".equals(type.getType()))) {
      throw SelfServiceProblem.unsupportedMediaType("application/json");
    }
  }

  /**
   * Checks the RFC 8058 §3.1 body: {@code List-Unsubscribe=One-Click}, form-urlencoded or as a multipart/form-data
   * field.
   */
  private void requireOneClick(HttpServletRequest request) throws IOException, ServletException {
    MediaType type = mediaType(request);
    if (type != null && MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
      String form = new String(body(request), StandardCharsets.US_ASCII);
      for (String pair : form.split("&")) {
        if (pair.trim().equals(ListUnsubscribeHeaders.ONE_CLICK)) {
          return;
        }
      }
      throw SelfServiceProblem.malformed("The body must be " + ListUnsubscribeHeaders.ONE_CLICK + " (RFC 8058).");
    }
    if (type != null && MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type)) {
      if (request.getContentLengthLong() > maxBody) {
        throw SelfServiceProblem.tooLarge(maxBody);
      }
      Part part;
      try {
        part = request.getPart(ONE_CLICK_FIELD);
      } catch (IllegalStateException e) {
        throw SelfServiceProblem.tooLarge(maxBody); // the container's multipart limits were exceeded
      } catch (ServletException e) {
        throw SelfServiceProblem.malformed("The multipart body could not be read.");
      }
      if (part != null && part.getSize() <= ONE_CLICK_VALUE.length() + 2) {
        try (InputStream in = part.getInputStream()) {
          if (new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().equals(ONE_CLICK_VALUE)) {
            return;
          }
        }
      }
      throw SelfServiceProblem.malformed("The body must hold the field List-Unsubscribe=One-Click (RFC 8058).");
    }
    throw SelfServiceProblem.unsupportedMediaType("application/x-www-form-urlencoded or multipart/form-data");
  }

  private static @Nullable MediaType mediaType(HttpServletRequest request) {
    String header = request.getContentType();
    if (header == null) {
      return null;
    }
    try {
      return MediaType.parseMediaType(header);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private ConsentProof proof(HttpServletRequest request) {
    ConsentProof.Builder proof = ConsentProof.webForm(FORM_ID, formVersion).recordedBy(Actor.subject());
    String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
    if (userAgent != null && !userAgent.isBlank() && userAgent.length() <= MAX_USER_AGENT) {
      try {
        proof.userAgent(userAgent);
      } catch (InvalidInputException e) {
        // an odd user agent is only not kept; it is evidence, never a reason to refuse the choice
      }
    }
    try {
      proof.ip(request.getRemoteAddr()); // reduced by the kit's IP policy before it is stored
    } catch (InvalidInputException e) {
      // not an IP literal (a Unix socket, say): the proof goes without it
    }
    return proof.build();
  }

  /** The preference center: every topic and whether the subject is subscribed to it. */
  record PreferencesView(List<TopicView> topics) {

    static PreferencesView of(List<Subscription> subscriptions) {
      return of(subscriptions, Set.of());
    }

    /** The topics, with {@code turnedOn} shown subscribed as a grant that was recorded would show them. */
    static PreferencesView of(List<Subscription> subscriptions, Set<String> turnedOn) {
      return new PreferencesView(subscriptions.stream().map(s -> new TopicView(s.topic().id(), s.topic().name(),
          s.subscribed() || turnedOn.contains(s.topic().id()))).toList());
    }
  }

  /** One topic on the preference center. */
  record TopicView(String id, String name, boolean subscribed) {
  }

  /** The answer to a one-click unsubscribe, or to a GET of its URI. */
  record OneClickView(boolean unsubscribed, List<String> topics, String message) {
  }

  /** The request to be forgotten, as recorded. */
  record ErasureRequestView(String request, String state, Instant receivedAt, Instant dueAt) {
  }
}
