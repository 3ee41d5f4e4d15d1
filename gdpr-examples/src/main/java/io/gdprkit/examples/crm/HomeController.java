package io.gdprkit.examples.crm;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: every feature of the demo, each with the article that explains why it is there. */
@Controller
public class HomeController {

  @GetMapping("/")
  String home() {
    return "index";
  }
}
