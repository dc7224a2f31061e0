package io.akhbar.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the project (seeds/, relevance/, mappings/…) found from whichever module folder a test runs in. */
public final class ProjectFiles {

  private ProjectFiles() {}

  public static Path find(String relative) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(relative))) {
        return d.resolve(relative);
      }
    }
    throw new IllegalStateException("Cannot find " + relative + " above " + Path.of("").toAbsolutePath());
  }
}
