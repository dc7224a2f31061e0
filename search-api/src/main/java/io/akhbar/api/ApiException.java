package io.akhbar.api;

/**
 * A request the API answers with a JSON error: {@code {"error": {"code", "message", "parameter"}}}. Thrown anywhere,
 * mapped to the response in one place ({@link SearchApp}).
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String parameter;

  public ApiException(int status, String code, String message, String parameter) {
    super(message);
    this.status = status;
    this.code = code;
    this.parameter = parameter;
  }

  public static ApiException badParameter(String parameter, String code, String message) {
    return new ApiException(400, code, message, parameter);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, "engine_unavailable", message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String parameter() {
    return parameter;
  }
}
