package ru.vpr.publish.files;

/**
 * A file written into a {@link PublishDir}.
 *
 * @param name the path inside the year's folder, {@code /}-separated (e.g. {@code reports/region.html})
 * @param size bytes
 * @param sha256 SHA-256 of the content, lower-case hex
 */
public record StagedFile(String name, long size, String sha256) {}
