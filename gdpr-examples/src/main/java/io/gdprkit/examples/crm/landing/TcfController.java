package io.gdprkit.examples.crm.landing;

import io.gdprkit.GdprKit;
import io.gdprkit.examples.crm.CrmGdprConfiguration;
import io.gdprkit.purpose.ProcessingSwitch;
import io.gdprkit.subject.Actor;
import io.gdprkit.subject.SubjectId;
import io.gdprkit.tcf.InvalidTcStringException;
import io.gdprkit.tcf.TcfRecording;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Takes the TC string a consent management platform wrote for the visitor (IAB TCF v2.2/2.3) and records what it says
 * about the landing page's analytics as a consent or a withdrawal, with the string's SHA-256, the CMP and the string's
 * times as proof (Art. 7(1)); which TCF purpose stands for analytics is set once, in {@code gdpr.signals.tcf.*}.
 * Analytics run only when the string gives that purpose: the tracking switch follows what the string says.
 */
@Controller
public class TcfController {

  private final GdprKit gdpr;

  public TcfController(GdprKit gdpr) {
    this.gdpr = gdpr;
  }

  /** What the landing page shows after a TC string was recorded. */
  public record TcfView(String sha256, int cmpId, String action) {}

  @PostMapping("/welcome/tcf")
  String record(@RequestParam(defaultValue = "") String tcString, HttpServletRequest request,
      HttpServletResponse response, RedirectAttributes redirect) {
    SubjectId visitor = LandingController.visitor(request, response);
    try {
      TcfRecording recorded = gdpr.tcf().record(visitor, tcString.trim());
      TcfRecording.Outcome tracking = recorded.outcome(CrmGdprConfiguration.TRACKING);
      boolean given = gdpr.tcf().choices(recorded.tcString()).getOrDefault(CrmGdprConfiguration.TRACKING, false)
          && tracking != null && tracking.action() != TcfRecording.Action.KEPT_WITHDRAWAL;
      if (gdpr.consents().isSwitchOn(visitor, ProcessingSwitch.TRACKING) != given) {
        gdpr.consents().setSwitch(visitor, ProcessingSwitch.TRACKING, given, Actor.subject());
      }
      redirect.addFlashAttribute("tcf", new TcfView(recorded.sha256(), recorded.tcString().cmpId(),
          tracking == null ? "UNCHANGED" : tracking.action().name()));
    } catch (InvalidTcStringException e) {
      // The message names the reason and the offset only; the string itself is not echoed.
      redirect.addFlashAttribute("tcfRefused", "Not recorded: this is no valid TC string under the current TCF "
          + "Policy (" + e.getMessage() + ").");
    }
    return "redirect:/welcome";
  }
}
