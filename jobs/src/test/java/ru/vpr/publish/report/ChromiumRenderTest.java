package ru.vpr.publish.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture report in a real browser: headless Chromium must load it, draw it (the screenshot is
 * neither blank nor flat) and keep every chart in its DOM. Skipped where no Chromium is installed.
 * The screenshot and the page are left in target/report-screenshot.png and target/report-fixture.html
 * for people to look at.
 */
class ChromiumRenderTest {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2400;
  private static final long TIMEOUT_SECONDS = 60;

  @TempDir static Path dir;
  private static Path browser;
  private static Path page;
  private static String html;

  @BeforeAll
  static void writePage() throws IOException {
    browser = chromium().orElse(null);
    Assumptions.assumeTrue(browser != null, "no chromium, chromium-browser or google-chrome on PATH");
    html = AnalyticReportPage.render(ReportFixtures.municipality());
    page = dir.resolve("report.html");
    Files.writeString(page, html, UTF_8);
  }

  static Optional<Path> chromium() {
    String path = System.getenv("PATH");
    if (path == null) return Optional.empty();
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String folder : path.split(File.pathSeparator)) {
        if (folder.isEmpty()) continue;
        Path candidate = Path.of(folder, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Test
  void screenshotShowsTheDrawnPage() throws Exception {
    Path png = dir.resolve("report.png");
    Run run = chromium("--screenshot=" + png);
    assertEquals(0, run.exit, () -> "chromium failed: " + run.stderr);
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "the screenshot is not a readable PNG");
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.copy(png, target.resolve("report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(page, target.resolve("report-fixture.html"), StandardCopyOption.REPLACE_EXISTING);
    }
    assertEquals(WIDTH, image.getWidth());
    assertEquals(HEIGHT, image.getHeight());

    Set<Integer> colours = new HashSet<>();
    long notWhite = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) notWhite++;
      }
    }
    double share = notWhite / (image.getWidth() / 2.0 * image.getHeight() / 2.0);
    assertTrue(colours.size() > 200, "too few colours for a page of charts: " + colours.size());
    assertTrue(share > 0.2, "the page is mostly white: " + share);
    // The header's dark blue band is drawn at the top.
    int header = image.getRGB(WIDTH / 2, 60) & 0xFFFFFF;
    assertTrue(((header & 0xFF) > ((header >> 16) & 0xFF) + 40), () -> "no blue header at the top: " + Integer.toHexString(header));
  }

  @Test
  void domKeepsChartsAndHeadings() throws Exception {
    Run run = chromium("--dump-dom");
    assertEquals(0, run.exit, () -> "chromium failed: " + run.stderr);
    String dom = run.stdout;
    assertEquals(count(html, "<svg"), count(dom, "<svg"), "every chart reaches the DOM");
    assertTrue(count(dom, "<svg") >= 20, "charts: " + count(dom, "<svg"));
    for (String heading : List.of("Зона риска", "Результаты по работам 2025 года", "Результаты по годам",
        "Динамика зоны риска", "Результаты перепроверки", "Школы с низкими результатами")) {
      assertTrue(dom.contains("<h2>" + heading + "</h2>"), heading);
    }
    assertTrue(dom.contains("Аналитический отчёт по результатам ВПР 2025 года — Городской округ Заречный"));
    assertTrue(dom.contains("role=\"img\""));
    assertTrue(!dom.contains("<script"), "the page has no scripts");
  }

  private record Run(int exit, String stdout, String stderr) {}

  private static Run chromium(String action) throws IOException, InterruptedException {
    String name = action.startsWith("--screenshot") ? "shot" : "dom";
    List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--no-first-run", "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + dir.resolve("profile-" + name), action, page.toUri().toString()));
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("chromium did not finish in " + TIMEOUT_SECONDS + " s");
    }
    return new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
  }

  static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
