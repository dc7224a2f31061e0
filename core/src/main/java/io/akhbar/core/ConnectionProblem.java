package io.akhbar.core;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.elasticsearch.client.ResponseException;

/** Turns the failure of a first request to Elasticsearch into one line that says what to fix. */
final class ConnectionProblem {

  private ConnectionProblem() {}

  static String explain(String engine, Throwable failure) {
    int status = status(failure);
    if (status == 401) {
      return engine + " refused the credentials (401): check ES_USERNAME/ES_PASSWORD or ES_API_KEY"
          + " (an API key may have expired or been revoked)";
    }
    if (status == 403) {
      return engine + " accepted the credentials but they may not do this (403): give the user or API key the"
          + " privileges the README lists for this service";
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof SSLHandshakeException && (message.contains("PKIX") || message.contains("certificate")
          || message.contains("fingerprint") || message.contains("trust"))) {
        return "The TLS certificate of " + engine + " is not trusted: set ES_CA_CERT to the cluster's CA (a PEM file,"
            + " e.g. config/certs/http_ca.crt) or ES_CA_FINGERPRINT to its SHA-256 fingerprint, and check it is this"
            + " cluster's (" + message + ")";
      }
      if (t instanceof SSLException && message.contains("plaintext")
          || message.contains("Unrecognized SSL message") || message.contains("Unsupported or unrecognized SSL")) {
        return "ES_URL says https but " + engine + " answers plain http: use http://, or turn TLS on in the cluster";
      }
      if (t instanceof SSLException) {
        return "TLS with " + engine + " failed: " + message;
      }
      if (t instanceof UnknownHostException) {
        return "Unknown host in ES_URL (" + engine + "): " + message;
      }
      if (t instanceof ConnectException) {
        return "Nothing answers at " + engine + " (" + message + "): check ES_URL and that the cluster is running";
      }
      if (t instanceof org.apache.http.ConnectionClosedException || message.contains("Connection reset")
          || message.contains("closed")) {
        return engine + " closed the connection: if the cluster has TLS on (the default of Elasticsearch 8 and 9),"
            + " ES_URL must start with https:// (" + message + ")";
      }
    }
    return "Cannot use " + engine + ": " + failure.getMessage() + " (check ES_URL and credentials)";
  }

  private static int status(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ElasticsearchException e) {
        return e.status();
      }
      if (t instanceof TransportException e) {
        return e.statusCode();
      }
      if (t instanceof ResponseException e) {
        return e.getResponse().getStatusLine().getStatusCode();
      }
    }
    return 0;
  }
}
