package ru.vpr.publish.report;

/** Escaping for text from data: school names and titles come from input files as they were read. */
final class Html {
  private Html() {}

  /** Safe inside element text and double- or single-quoted attributes, in HTML and in inline SVG. */
  static String esc(String text) {
    if (text == null) return "";
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters other than tab and newlines are not allowed in HTML or XML text.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out.append(' ');
          else out.append(c);
        }
      }
    }
    return out.toString();
  }
}
