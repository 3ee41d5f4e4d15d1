package io.gdprkit.test.arch.sample.bad;

import io.gdprkit.test.arch.sample.good.Customer;
import io.gdprkit.test.arch.sample.good.CustomerNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every way a personal-data getter's value reaches a log that the rule follows: one per method. */
public class LeakyService {

  private static final Logger LOG = LoggerFactory.getLogger(LeakyService.class);
  private static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger("leaky");

  public void direct(Customer customer) {
    LOG.info("e-mail {}", customer.getEmail());
  }

  public void concatenated(Customer customer) {
    LOG.info("e-mail " + customer.getEmail());
  }

  public void throughALocal(Customer customer) {
    String email = customer.getEmail();
    LOG.warn(email);
  }

  public void throughABuilder(Customer customer) {
    StringBuilder message = new StringBuilder("iban ");
    message.append("is ").append(customer.getIban());
    LOG.error(message.toString());
  }

  public void formatted(Customer customer) {
    LOG.debug(String.format("iban %s", customer.getIban()));
  }

  public void asVarargs(Customer customer, CustomerNote note) {
    LOG.info("{} {} {}", customer.getId(), note.getText(), customer.isNewsletter());
  }

  public void onOneBranch(Customer customer, boolean verbose) {
    String shown = verbose ? customer.getEmail() : "hidden";
    LOG.trace(shown);
  }

  public void fluently(Customer customer) {
    LOG.atInfo().addArgument(customer.getEmail()).log("e-mail {}");
  }

  public void toJavaUtilLogging(Customer customer) {
    JUL.fine(() -> "e-mail " + customer.getEmail());
  }

  public void toStandardOut(Customer customer) {
    System.out.println(customer.getEmail());
  }

  public void toStandardErr(Customer customer) {
    System.err.printf("iban %s%n", customer.getIban());
  }
}
