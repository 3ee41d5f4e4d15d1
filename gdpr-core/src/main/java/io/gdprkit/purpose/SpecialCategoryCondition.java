package io.gdprkit.purpose;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The conditions of Art. 9(2) GDPR under which special categories of personal data may be processed.
 *
 * <p>Art. 9(1) prohibits processing health, religion, political opinion, biometric and the other special categories;
 * a purpose that needs them declares which exception of Art. 9(2) it relies on. Art. 22(4) narrows automated
 * decisions on such data to {@link #EXPLICIT_CONSENT} and {@link #SUBSTANTIAL_PUBLIC_INTEREST}.
 *
 * <p>Usage example: <pre>{@code purpose.withSpecialCategoryCondition(SpecialCategoryCondition.EXPLICIT_CONSENT)}</pre>
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum SpecialCategoryCondition {
  /** Art. 9(2)(a): explicit consent for one or more specified purposes. */
  EXPLICIT_CONSENT("9(2)(a)"),
  /** Art. 9(2)(b): obligations in employment, social security and social protection law. */
  EMPLOYMENT_AND_SOCIAL_SECURITY("9(2)(b)"),
  /** Art. 9(2)(c): vital interests where the subject cannot give consent. */
  VITAL_INTERESTS("9(2)(c)"),
  /** Art. 9(2)(d): a not-for-profit body's legitimate activities concerning its members. */
  NOT_FOR_PROFIT_MEMBERS("9(2)(d)"),
  /** Art. 9(2)(e): data manifestly made public by the subject. */
  MANIFESTLY_MADE_PUBLIC("9(2)(e)"),
  /** Art. 9(2)(f): the establishment, exercise or defence of legal claims. */
  LEGAL_CLAIMS("9(2)(f)"),
  /** Art. 9(2)(g): substantial public interest on the basis of Union or Member State law. */
  SUBSTANTIAL_PUBLIC_INTEREST("9(2)(g)"),
  /** Art. 9(2)(h): preventive or occupational medicine, health or social care. */
  HEALTH_OR_SOCIAL_CARE("9(2)(h)"),
  /** Art. 9(2)(i): public interest in the area of public health. */
  PUBLIC_HEALTH("9(2)(i)"),
  /** Art. 9(2)(j): archiving in the public interest, research or statistics under Art. 89(1). */
  ARCHIVING_RESEARCH_STATISTICS("9(2)(j)");

  private final String article;

  SpecialCategoryCondition(String article) {
    this.article = article;
  }

  /** Returns the article reference, such as {@code 9(2)(a)}. */
  public String article() {
    return article;
  }
}
