package io.gdprkit.examples.crm.preferences;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.crypto.InvalidTokenException;
import io.gdprkit.examples.crm.contact.Contact;
import io.gdprkit.examples.crm.contact.ContactRepository;
import io.gdprkit.examples.crm.mail.DemoMailbox;
import io.gdprkit.examples.crm.signup.SignupService;
import io.gdprkit.preference.Subscription;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.request.RequestChannel;
import io.gdprkit.request.RequestIntake;
import io.gdprkit.request.RequestKind;
import io.gdprkit.request.SubjectRequest;
import io.gdprkit.spring.selfservice.SelfServiceScope;
import io.gdprkit.spring.selfservice.SelfServiceTokens;
import io.gdprkit.spring.selfservice.TokenRateLimiter;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The subject's preference center, reached without an account through the signed link in every marketing e-mail:
 * each topic on or off with the wording it was asked with (Art. 7(2), 7(3)), the tracking and profiling switches
 * (Art. 21(2), 22), a download of their data sent to the address on record (Art. 15, 20), and a request to be
 * forgotten that staff then answer (Art. 17; Art. 12(3): within a month).
 *
 * <p>A forged, altered or expired link gets one neutral page, whatever the reason; a valid link for a subject nobody
 * knows shows what a known subject with no consents sees, and the download and forget-me answers read alike for both,
 * so no link tells who is on record. Each link opens the page only so many times a minute (the window of
 * {@code gdpr.self-service.rate-limit}, shared with the starter's JSON endpoints), whether or not it is valid.
 */
@Controller
public class PreferenceCenterController {

  static final String PATH = "/preferences";
  /** The form's id and version, recorded with each consent given here, with the wording shown beside the box. */
  static final String FORM = "preference-center";
  static final String FORM_VERSION = "v1";

  private final GdprKit gdpr;
  private final SelfServiceTokens tokens;
  private final PreferenceLinks links;
  private final ContactRepository contacts;
  private final DemoMailbox mailbox;
  private final TokenRateLimiter limiter;

  public PreferenceCenterController(GdprKit gdpr, SelfServiceTokens tokens, TokenRateLimiter limiter,
      PreferenceLinks links, ContactRepository contacts, DemoMailbox mailbox) {
    this.gdpr = gdpr;
    this.tokens = tokens;
    this.limiter = limiter;
    this.links = links;
    this.contacts = contacts;
    this.mailbox = mailbox;
  }

  /** One topic as the page shows it: its name, the wording of its box, and whether it is on. */
  public record TopicRow(String id, String name, String wording, boolean subscribed) {}

  @GetMapping(PATH)
  String center(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    SubjectId subject = verify(token, response);
    List<TopicRow> topics = gdpr.preferences().subscriptions(subject).stream().map(PreferenceCenterController::row)
        .toList();
    model.addAttribute("token", token);
    model.addAttribute("topics", topics);
    model.addAttribute("tracking", gdpr.consents().isSwitchOn(subject, ProcessingSwitch.TRACKING));
    model.addAttribute("profiling", gdpr.consents().isSwitchOn(subject, ProcessingSwitch.PROFILING));
    return "preferences/center";
  }

  /** Saves the whole form: every topic ticked is subscribed, every other unsubscribed; the switches as set. */
  @PostMapping(PATH)
  String save(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") Set<String> topics,
      @RequestParam(defaultValue = "false") boolean tracking, @RequestParam(defaultValue = "false") boolean profiling,
      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    SubjectId subject = verify(token, response);
    for (Subscription s : gdpr.preferences().subscriptions(subject)) {
      String topic = s.topic().id();
      if (topics.contains(topic) && !s.subscribed()) {
        gdpr.preferences().subscribe(subject, topic, ConsentProof.webForm(FORM, FORM_VERSION)
            .noticeText(row(s).wording()).recordedBy(Actor.subject()).ip(request.getRemoteAddr())
            .userAgent(String.valueOf(request.getHeader(HttpHeaders.USER_AGENT))).build());
      } else if (!topics.contains(topic) && s.subscribed()) {
        gdpr.preferences().unsubscribe(subject, topic);
      }
    }
    setSwitch(subject, ProcessingSwitch.TRACKING, tracking);
    setSwitch(subject, ProcessingSwitch.PROFILING, profiling);
    redirect.addFlashAttribute("notice", "Your choices are saved.");
    return back(token);
  }

  /** Sends a download link to the address on record; the answer is the same whether there is one or not. */
  @PostMapping(PATH + "/export")
  String export(@RequestParam(defaultValue = "") String token, HttpServletResponse response,
      RedirectAttributes redirect) {
    SubjectId subject = verify(token, response);
    contacts.findById(subject.value()).map(Contact::getEmail).filter(email -> !email.isBlank())
        .ifPresent(email -> mailbox.send(email, "Your data: download link",
            "You asked for a copy of the personal data we hold about you (Art. 15 GDPR).\n\nDownload it within one "
                + "hour: " + links.export(baseUrl(), subject)
                + "\n\nIf it was not you, ignore this message: the link only works for this address."));
    redirect.addFlashAttribute("notice", "If we hold an e-mail address for you, a download link is on its way to it. "
        + "It works for one hour.");
    return back(token);
  }

  /** Records a request to be forgotten, or finds the open one; nothing is erased here. */
  @PostMapping(PATH + "/forget")
  String forget(@RequestParam(defaultValue = "") String token, HttpServletResponse response,
      RedirectAttributes redirect) {
    SubjectId subject = verify(token, response);
    SubjectRequest erasure = gdpr.requests().forSubject(subject).stream()
        .filter(r -> r.kind() == RequestKind.ERASURE && r.state().isOpen()).findFirst()
        .orElseGet(() -> gdpr.requests().receive(subject, RequestKind.ERASURE, Actor.subject(),
            RequestIntake.of(RequestChannel.WEB_FORM).withReference(FORM)));
    redirect.addFlashAttribute("notice", "Your request to be forgotten is recorded (reference "
        + erasure.id() + "). We answer it by " + erasure.deadline().toString().substring(0, 10)
        + "; nothing is erased before we have checked it is you and what the law still requires us to keep.");
    return back(token);
  }

  /** Every refused link gets this page, whatever the reason: forged, altered, expired or of another scope. */
  @ExceptionHandler(InvalidTokenException.class)
  String invalidLink(HttpServletResponse response) {
    noStore(response);
    return "preferences/link-invalid";
  }

  /**
   * A link used too often in its window gets this page with {@code 429} and {@code Retry-After}, before the link is
   * even checked, so forged and real links are limited alike (Art. 32).
   */
  @ExceptionHandler(LinkUsedTooOften.class)
  String tooOften(LinkUsedTooOften limited, HttpServletResponse response, Model model) {
    noStore(response);
    long seconds = Math.max(1, (limited.retryAfter.toMillis() + 999) / 1000);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    model.addAttribute("retryAfterSeconds", seconds);
    return "preferences/too-many";
  }

  /**
   * Takes one of the link's permits from the window it shares with the starter's self-service endpoints, then checks
   * the link.
   */
  private SubjectId verify(String token, HttpServletResponse response) {
    noStore(response);
    Duration wait = limiter.acquire(token);
    if (!wait.isZero()) {
      throw new LinkUsedTooOften(wait);
    }
    return tokens.verify(token, SelfServiceScope.PREFERENCES);
  }

  /** The link's window is used up; carries only how long until it ends, never the token. */
  static final class LinkUsedTooOften extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    LinkUsedTooOften(Duration retryAfter) {
      super("this preference link was used too often; try again later", null, false, false);
      this.retryAfter = retryAfter;
    }
  }

  private void setSwitch(SubjectId subject, ProcessingSwitch processingSwitch, boolean on) {
    if (gdpr.consents().isSwitchOn(subject, processingSwitch) != on) {
      gdpr.consents().setSwitch(subject, processingSwitch, on, Actor.subject());
    }
  }

  private static TopicRow row(Subscription s) {
    return new TopicRow(s.topic().id(), s.topic().name(),
        SignupService.NOTICES.getOrDefault(s.topic().purpose(), s.topic().name()), s.subscribed());
  }

  /** The token travels in the address: no cache keeps the page, and no link on it sends the address on. */
  private static void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
  }

  private static String back(String token) {
    return "redirect:" + UriComponentsBuilder.fromPath(PATH).queryParam("token", token).build().encode().toUriString();
  }

  private static String baseUrl() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}
