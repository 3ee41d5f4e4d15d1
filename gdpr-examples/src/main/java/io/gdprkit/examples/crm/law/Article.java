package io.gdprkit.examples.crm.law;

/** An article of the GDPR as the demo explains it: why a screen exists, in a few sentences, and where to read more. */
public record Article(String id, String title, String why, String kit) {

  /** The article's text on EUR-Lex. */
  public String source() {
    return "https://eur-lex.europa.eu/eli/reg/2016/679/oj";
  }
}
