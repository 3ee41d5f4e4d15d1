package io.gdprkit.spring.selfservice;

import io.gdprkit.GdprKit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the self-service HTTP tests share: the server's port, the kit and the tokens of the running application, and a
 * JDK HTTP client that never follows a redirect, so every byte sent is the test's own.
 */
abstract class SelfServiceHttpTests {

  @LocalServerPort
  int port;

  @Autowired
  GdprKit kit;

  @Autowired
  SelfServiceTokens tokens;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), BodyHandlers.ofString());
  }

  HttpRequest.Builder at(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
  }
}
