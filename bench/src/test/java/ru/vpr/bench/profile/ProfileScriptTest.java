package ru.vpr.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bench/profile}, the event-log summariser, is a Python script: its tests are pytest's
 * ({@code bench/tests}), run here so that {@code mvn test} covers them. Skipped, saying why, where
 * python3 or pytest is missing.
 */
class ProfileScriptTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theProfileScriptsTestsPass() throws Exception {
    assumeTrue(exitCode("python3", "-c", "import pytest") == 0,
        "python3 with pytest is not installed: bench/tests (bench/profile) did not run");
    ProcessBuilder pytest = new ProcessBuilder("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "bench/tests")
        .directory(REPO.toFile()).redirectErrorStream(true);
    pytest.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = pytest.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
  }

  private static int exitCode(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(2, TimeUnit.MINUTES) ? process.exitValue() : -1;
  }
}
