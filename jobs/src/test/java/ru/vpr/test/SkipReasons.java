package ru.vpr.test;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says on the console why a test did not run: a disabled test with its condition's reason, a test
 * whose assumption failed (no Chromium, no PostgreSQL, no real exports) with the assumption's message.
 * Surefire's console counts skips without their reasons, which only its XML reports keep.
 * Registered through {@code META-INF/services}, so every test class gets it.
 */
public final class SkipReasons implements TestExecutionListener {
  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    say(test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() != TestExecutionResult.Status.ABORTED) return;
    say(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
  }

  private static void say(TestIdentifier test, String reason) {
    String where = test.getSource().map(Object::toString).orElse("");
    String name = test.getLegacyReportingName();
    System.out.println("[SKIPPED] " + shortSource(where, name) + ": " + (reason == null ? "no reason given" : reason));
  }

  /** {@code ClassName.method()} from the test source (class or method) and its display name. */
  private static String shortSource(String source, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("className\\s*=\\s*'([^']*)'").matcher(source);
    String cls = m.find() ? m.group(1).substring(m.group(1).lastIndexOf('.') + 1) : "";
    return cls.isEmpty() ? name : cls.equals(name) ? cls : cls + "." + name;
  }
}
