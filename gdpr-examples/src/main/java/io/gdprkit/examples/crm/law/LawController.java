package io.gdprkit.examples.crm.law;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The "why?" pages: the article behind each screen. */
@Controller
public class LawController {

  @GetMapping("/law")
  String all(Model model) {
    model.addAttribute("articles", Law.all());
    return "law/index";
  }

  @GetMapping("/law/{id}")
  String article(@PathVariable String id, Model model) {
    model.addAttribute("article", Law.article(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such article")));
    return "law/article";
  }
}
