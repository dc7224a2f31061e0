package io.akhbar.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Where one thread spends its wall-clock time, by sampling its stack every few milliseconds and putting each sample
 * in the first category whose frame is innermost. Used on the thread that runs the real {@code Indexer}: no change
 * to the code measured, and waits on the network count as the wait they are.
 */
final class StackSampler implements AutoCloseable {

  /** A category: a name and the frames (class name suffix + "." + method name prefix) that put a sample in it. */
  record Category(String name, List<String> frames) {}

  private final Thread target;
  private final List<Category> categories;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Thread sampler;
  private final long periodMicros;
  private volatile boolean running = true;
  private long total;

  StackSampler(Thread target, List<Category> categories, long periodMicros) {
    this.target = target;
    this.categories = categories;
    this.periodMicros = periodMicros;
    categories.forEach(c -> counts.put(c.name(), 0L));
    counts.put("other", 0L);
    this.sampler = new Thread(this::loop, "stack-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void loop() {
    // bounded: at most one hour of samples, whatever happens to the target
    long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
    while (running && target.isAlive() && System.nanoTime() < deadline) {
      StackTraceElement[] stack = target.getStackTrace();
      String category = classify(stack);
      synchronized (counts) {
        counts.merge(category, 1L, Long::sum);
        total++;
      }
      try {
        TimeUnit.MICROSECONDS.sleep(periodMicros);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private String classify(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      String cls = frame.getClassName();
      String method = frame.getMethodName();
      for (Category c : categories) {
        for (String f : c.frames()) {
          int dot = f.lastIndexOf('.');
          if (cls.endsWith(f.substring(0, dot)) && method.startsWith(f.substring(dot + 1))) {
            return c.name();
          }
        }
      }
    }
    return "other";
  }

  /** Share of samples per category (0..1), in category order, "other" last. */
  Map<String, Double> shares() {
    synchronized (counts) {
      Map<String, Double> out = new LinkedHashMap<>();
      counts.forEach((k, v) -> out.put(k, total == 0 ? 0 : v / (double) total));
      return out;
    }
  }

  long samples() {
    synchronized (counts) {
      return total;
    }
  }

  static String format(Map<String, Double> shares, Function<Double, String> f) {
    StringBuilder sb = new StringBuilder();
    shares.forEach((k, v) -> sb.append(k).append(' ').append(f.apply(v)).append("; "));
    return sb.toString();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join(5_000);
  }
}
