package io.gdprkit.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the limit with 413: at once when {@code Content-Length} says so, and while
 * reading when the body comes in chunks, so that no endpoint reads an unbounded body into memory.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

  private final long limit;

  RequestSizeFilter(long limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType("application/problem+json");
      // The connection may still carry the body; closing it spares reading what was refused.
      response.setHeader("Connection", "close");
      response.getOutputStream().write(ProblemTypes.json(HttpStatus.CONTENT_TOO_LARGE,
          "the request body is larger than gdpr.web.max-request-size allows").getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  /** Returns whether the failure, or one of its causes, is a body over the limit. */
  static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TooLargeException) {
        return true;
      }
    }
    return false;
  }

  /** Thrown while reading a body that passes the limit. */
  static final class TooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("request body larger than the limit");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private @Nullable ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    LimitedStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLargeException {
      read += n;
      if (read > limit) {
        throw new TooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
