package ru.vpr.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.vpr.reference.SubjectWords;
import ru.vpr.reference.WorkKey;

/**
 * Where a landing file belongs: its work (year, subject, grade) and, for a school's own form, its school.
 *
 * <p>The contract's layout is Hive-style, {@code <landing>/year=YYYY/subject=<code>/grade=N/<file>}. A
 * regional coordinator's FIS OKO downloads are not laid out so (contract §1.4), and the file is then placed
 * by its name and the folders it stands in: {@code Проведение работы по истории, 5 класс. ВПР 2021.xlsx},
 * {@code Форма сбора результатов Английский язык 8 класс ВПР 2026.xlsx}, {@code 2022/5/Математика.xlsx}.
 * Each part is looked for in the file name first, then in the folders from the nearest up to the landing
 * root (the root's own name included: a coordinator may point the landing at a folder {@code ВПР 2022}),
 * never above it, so that where the landing itself is kept cannot decide a work.
 */
public final class LandingLayout {
  private static final Pattern YEAR_FOLDER = Pattern.compile("year=(\\d{4})");
  private static final Pattern SUBJECT_FOLDER = Pattern.compile("subject=([A-Za-z_]+)");
  private static final Pattern GRADE_FOLDER = Pattern.compile("grade=(\\d{1,2})");
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d{2})(?!\\d)");
  private static final Pattern GRADE_IN_NAME = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*(?:-?\\s*[йя]\\s*)?класс", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern GRADE_FOLDER_NAME = Pattern.compile("(\\d{1,2})(?:\\s*(?:-?\\s*[йя]\\s*)?(?:класс[а-я]*|кл\\.?))?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** A FIS OKO login: {@code edu}, {@code sch} (or another three-letter prefix) and six digits. */
  private static final Pattern LOGIN = Pattern.compile("(?<![a-z0-9])([a-z]{3}\\d{6})(?!\\d)");

  private LandingLayout() {}

  /**
   * What a file's place says.
   *
   * @param work the work, or null when the folders and name do not tell all of year, subject and grade
   * @param year the year alone, when they tell that much; null when not
   * @param login the login the file's name (or, failing that, a folder) carries; null when none does
   */
  public record Placement(WorkKey work, Integer year, String login) {}

  /**
   * @param root the landing root the file was found under (fully qualified, as the scan reports paths)
   * @param path the file's full path
   */
  public static Placement place(String root, String path) {
    List<String> names = namesBelowRoot(root, path);
    String fileName = names.get(names.size() - 1);
    String stem = stemOf(fileName);
    List<String> folders = new ArrayList<>(names.subList(0, names.size() - 1));
    java.util.Collections.reverse(folders);  // nearest first

    Integer year = null;
    String subject = null;
    Integer grade = null;
    // Hive-style folders are explicit and win; then the file name; then the folders, nearest first.
    for (String folder : folders) {
      if (year == null) year = group(YEAR_FOLDER, folder, true).map(Integer::valueOf).orElse(null);
      if (subject == null) subject = group(SUBJECT_FOLDER, folder, true).orElse(null);
      if (grade == null) grade = group(GRADE_FOLDER, folder, true).map(Integer::valueOf).orElse(null);
    }
    if (year == null) year = group(YEAR, stem, false).map(Integer::valueOf).orElse(null);
    if (subject == null) subject = SubjectWords.find(stem).orElse(null);
    if (grade == null) grade = group(GRADE_IN_NAME, stem, false).map(Integer::valueOf).orElse(null);
    for (String folder : folders) {
      if (year == null) year = group(YEAR, folder, false).map(Integer::valueOf).orElse(null);
      if (subject == null && !folder.contains("=")) subject = SubjectWords.find(folder).orElse(null);
      if (grade == null) grade = group(GRADE_FOLDER_NAME, folder, true).map(Integer::valueOf).orElse(null);
    }
    WorkKey work = year != null && subject != null && grade != null && grade >= 1 && grade <= 11
        ? new WorkKey(year, subject, grade) : null;
    return new Placement(work, year, loginOf(stem, folders));
  }

  /** The work a file belongs to, placed under the given landing root; null when it cannot be told. */
  public static WorkKey workOf(String root, String path) {
    return place(root, path).work();
  }

  /** The root's own last name, then every folder below it, then the file name. */
  static List<String> namesBelowRoot(String root, String path) {
    String base = root == null ? "" : (root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    String relative = !base.isEmpty() && path.startsWith(base + "/") ? path.substring(base.length() + 1) : null;
    List<String> names = new ArrayList<>();
    if (relative != null) {
      int slash = base.lastIndexOf('/');
      String rootName = base.substring(slash + 1);
      if (!rootName.isEmpty() && !rootName.contains(":")) names.add(rootName);
      for (String part : relative.split("/")) if (!part.isEmpty()) names.add(part);
    } else {
      // Not under the root (a single file given as the landing): only its own name and folder speak.
      String[] parts = path.split("/");
      if (parts.length > 1) names.add(parts[parts.length - 2]);
      names.add(parts[parts.length - 1]);
    }
    return names;
  }

  private static String stemOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private static Optional<String> group(Pattern pattern, String text, boolean whole) {
    Matcher m = pattern.matcher(text.trim());
    boolean found = whole ? m.matches() : m.find();
    return found ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static String loginOf(String stem, List<String> folders) {
    Optional<String> inName = group(LOGIN, stem.toLowerCase(Locale.ROOT), false);
    if (inName.isPresent()) return inName.get();
    for (String folder : folders) {
      Optional<String> inFolder = group(LOGIN, folder.toLowerCase(Locale.ROOT), false);
      if (inFolder.isPresent()) return inFolder.get();
    }
    return null;
  }
}
