package io.gdprkit.examples.crm.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Turns the links of a plain-text mail into clickable ones for the outbox page, escaping everything else. */
@Component
public class DemoMailLinks {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

  public String render(String body) {
    String escaped = HtmlUtils.htmlEscape(body);
    Matcher m = LINK.matcher(escaped);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String url = m.group();
      m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
