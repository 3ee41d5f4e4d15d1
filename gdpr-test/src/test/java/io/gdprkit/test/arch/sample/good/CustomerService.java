package io.gdprkit.test.arch.sample.good;

import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads personal data and logs, but never logs the one: ids, masked values, lengths, a report stream. */
public class CustomerService {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerService.class);

  private final PrintStream report;

  public CustomerService(PrintStream report) {
    this.report = report;
  }

  public void updated(Customer customer) {
    LOG.info("customer {} updated", customer.getId());
  }

  public void mailed(Customer customer) {
    String email = customer.getEmail();
    send(email);
    LOG.info("mail sent to {}", mask(email));
  }

  public void checked(Customer customer) {
    LOG.debug("e-mail of {} characters, newsletter {}", customer.getEmail().length(), customer.isNewsletter());
    System.out.println("checked " + customer.getId().toUpperCase(Locale.ROOT));
  }

  public void exported(Customer customer) {
    report.println(customer.getIban());
  }

  private static String mask(String email) {
    return email.isEmpty() ? "" : email.charAt(0) + "***";
  }

  private void send(String email) {
    report.print(email.length());
  }
}
