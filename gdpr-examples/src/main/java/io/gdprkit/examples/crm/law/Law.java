package io.gdprkit.examples.crm.law;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The articles behind the demo's screens, each one click away from the screen it explains. */
public final class Law {

  private static final Map<String, Article> ARTICLES = new LinkedHashMap<>();

  static {
    add("art-5", "Art. 5 — Principles",
        "Personal data is kept in a form that identifies people no longer than the purposes need (storage "
            + "limitation, 5(1)(e)), and the controller must be able to show it complies (accountability, 5(2)).",
        "retention rules and re-permission campaigns, applied by retention().sweep(batch).");
    add("art-6", "Art. 6 — Lawfulness of processing",
        "Every purpose needs one legal basis: consent, a contract, a legal obligation, vital interests, a public task "
            + "or legitimate interests. What the subject may do next (withdraw, object, port) depends on it.",
        "Each purpose is declared with its LegalBasis; decide() answers per purpose.");
    add("art-7", "Art. 7 — Conditions for consent",
        "The controller must be able to show that the person consented, to what wording, and when (7(1)); each request "
            + "must be distinguishable (7(2)), so each kind of e-mail has its own unticked box; withdrawing must be as "
            + "easy as giving (7(3)), hence the one-click unsubscribe link.",
        "ConsentProof keeps the form, notice text, time, truncated IP and browser; receipts prove it later.");
    add("art-8", "Art. 8 — A child's consent",
        "Below the age of digital consent of the member state (13 to 16), consent to an online service must be given "
            + "or authorised by a parent. The date of birth is reduced to that answer and never stored.",
        "AgeAssurance with a MemberState; the kit refuses with ParentalAuthorisationRequiredException.");
    add("art-12", "Art. 12 — Answering the data subject",
        "A request to exercise a right is answered without undue delay and within one month of receipt; it may be "
            + "extended by two further months where necessary, telling the subject why within the first month.",
        "requests().receive / extend / complete; dueWithin and overdue; evidence(..) for the authority.");
    add("art-15", "Art. 15 and 20 — Access and portability",
        "A person may have a copy of their data, and the data they provided in a machine-readable form to take "
            + "elsewhere.",
        "exports().write(subject, kind, JSON|CSV, out) streams every provider's data.");
    add("art-17", "Art. 17 — Right to erasure",
        "A person may have their data erased; the controller keeps what a law obliges it to keep, and must not let the "
            + "person return through the next import. Related records (a child's, a device's) follow.",
        "erasure().erase(subject): providers, cascade, suppression list, tombstone, report.");
    add("art-18", "Art. 18 and 21 — Restriction and objection",
        "While accuracy is contested, data is only stored (restriction); a person may object to processing on "
            + "legitimate interests, and to direct marketing at any time, absolutely.",
        "restrictions().restrict(..) and object(..); decide() denies, the JPA layer refuses writes.");
    add("art-21", "Art. 21, 22 — Profiling",
        "Profiling such as a lead score rests on legitimate interests here; the person may switch it off or object, "
            + "and then no score is computed or kept.",
        "Purpose.requiring(ProcessingSwitch.PROFILING); decide() says PROFILING_OFF.");
    add("art-30", "Art. 30 — Records of processing",
        "The controller keeps a record of its purposes, categories of data and subjects, recipients and retention.",
        "processingRecords(), merged with what the @PersonalData annotations say.");
    add("art-32", "Art. 32 — Security of processing",
        "The controller takes measures fit for the risk: personal data encrypted where it rests, and no door that lets "
            + "a stranger try link after link or read a person's choices over and over through a leaked one.",
        "SelfServiceTokens signs each link; TokenRateLimiter gives a link so many uses a minute; @Encrypted columns.");
    add("art-33", "Art. 33, 34 — Personal data breaches",
        "A breach is notified to the supervisory authority without undue delay and, where feasible, within 72 hours "
            + "of becoming aware; a later notification gives the reasons; every breach is documented.",
        "breaches().record / assess / notifyAuthority; awaitingNotification(within).");
  }

  private Law() {}

  private static void add(String id, String title, String why, String kit) {
    ARTICLES.put(id, new Article(id, title, why, kit));
  }

  public static Optional<Article> article(String id) {
    return Optional.ofNullable(ARTICLES.get(id));
  }

  public static List<Article> all() {
    return List.copyOf(ARTICLES.values());
  }
}
