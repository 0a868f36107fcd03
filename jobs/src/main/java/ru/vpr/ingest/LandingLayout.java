package ru.vpr.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.vpr.reference.WorkKey;

/** The landing zone's Hive-style layout: {@code <landing>/year=YYYY/subject=<code>/grade=N/<file>}. */
public final class LandingLayout {
  private static final Pattern WORK_FOLDERS =
      Pattern.compile("/year=(\\d{4})/subject=([A-Za-z_]+)/grade=(\\d{1,2})/[^/]+$");

  private LandingLayout() {}

  /** The work a file belongs to by its folders, or null when it stands outside the layout. */
  public static WorkKey workOf(String path) {
    Matcher m = WORK_FOLDERS.matcher(path);
    if (!m.find()) return null;
    return new WorkKey(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
  }

  /** The folder holding one year's forms. */
  public static String yearFolder(String landing, int year) {
    return (landing.endsWith("/") ? landing : landing + "/") + "year=" + year;
  }
}
