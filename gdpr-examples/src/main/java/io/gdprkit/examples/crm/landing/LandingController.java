package io.gdprkit.examples.crm.landing;

import io.gdprkit.GdprKit;
import io.gdprkit.consent.ConsentProof;
import io.gdprkit.consent.ConsentStatus;
import io.gdprkit.decision.Decision;
import io.gdprkit.examples.crm.CrmGdprConfiguration;
import io.gdprkit.gpc.GpcOutcome;
import io.gdprkit.gpc.GpcSignal;
import io.gdprkit.gpc.RequestHeaders;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public landing page with its tracking banner. A visitor is known by a random id in a cookie (the cookie that
 * holds the choice itself needs no consent, ePrivacy Art. 5(3)); analytics run only once the visitor accepts, with
 * the banner's wording kept as proof (Art. 7(1)), and a browser sending {@code Sec-GPC: 1} has its signal recorded as
 * a withdrawal of the tracking consent, with proof, before anything else happens.
 */
@Controller
public class LandingController {

  static final String VISITOR_COOKIE = "crm_visitor";
  static final String BANNER_TEXT = "We would like to measure visits to this site with our own analytics. "
      + "Nothing is measured unless you accept.";

  private final GdprKit gdpr;

  public LandingController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  @GetMapping("/welcome")
  String welcome(HttpServletRequest request, HttpServletResponse response, Model model) {
    SubjectId visitor = visitor(request, response);
    Optional<GpcSignal> gpc = GpcSignal.fromHeaders(headers(request));
    if (gpc.isPresent()) {
      GpcOutcome outcome = gdpr.gpc().apply(visitor, gpc.get());
      model.addAttribute("gpc", outcome);
    }
    Decision tracking = gdpr.decide(visitor, CrmGdprConfiguration.TRACKING);
    boolean chosen = gdpr.consents().state(visitor, CrmGdprConfiguration.TRACKING)
        .map(s -> s.status() != ConsentStatus.PENDING).orElse(false);
    model.addAttribute("tracking", tracking);
    model.addAttribute("showBanner", !chosen && gpc.isEmpty());
    model.addAttribute("bannerText", BANNER_TEXT);
    return "landing";
  }

  @PostMapping("/welcome/choice")
  String choose(@RequestParam boolean accept, HttpServletRequest request, HttpServletResponse response) {
    SubjectId visitor = visitor(request, response);
    if (accept) {
      gdpr.consents().grant(visitor, CrmGdprConfiguration.TRACKING, ConsentProof.webForm("tracking-banner", "v1")
          .noticeText(BANNER_TEXT).ip(request.getRemoteAddr())
          .userAgent(String.valueOf(request.getHeader("User-Agent"))).build());
      gdpr.consents().setSwitch(visitor, ProcessingSwitch.TRACKING, true, Actor.subject());
    } else {
      if (gdpr.decide(visitor, CrmGdprConfiguration.TRACKING).allowed()) {
        gdpr.consents().withdraw(visitor, CrmGdprConfiguration.TRACKING);
      }
      gdpr.consents().setSwitch(visitor, ProcessingSwitch.TRACKING, false, Actor.subject());
    }
    return "redirect:/welcome";
  }

  static SubjectId visitor(HttpServletRequest request, HttpServletResponse response) {
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (VISITOR_COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[0-9a-f-]{36}")) {
          return SubjectId.of("visitor-" + cookie.getValue());
        }
      }
    }
    String id = UUID.randomUUID().toString();
    Cookie cookie = new Cookie(VISITOR_COOKIE, id);
    cookie.setHttpOnly(true);
    cookie.setPath("/");
    cookie.setMaxAge(60 * 60 * 24 * 180);
    response.addCookie(cookie);
    request.setAttribute(VISITOR_COOKIE, id);
    return SubjectId.of("visitor-" + id);
  }

  private static RequestHeaders headers(HttpServletRequest request) {
    return name -> Collections.list(request.getHeaders(name));
  }
}
