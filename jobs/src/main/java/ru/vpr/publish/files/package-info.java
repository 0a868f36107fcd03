/**
 * The files publish writes into {@code <publish-dir>/<year>/} (contract §3): the machine-readable CSV
 * tables ({@link ru.vpr.publish.files.CsvTableWriter}), the Russian list for officials
 * ({@link ru.vpr.publish.files.RiskZoneWorkbook}), all staged and moved into place at once by
 * {@link ru.vpr.publish.files.PublishDir} with a manifest of sizes and SHA-256.
 *
 * <p>Two rules hold for every file: text from input files is neutralised against formula injection
 * ({@link ru.vpr.publish.files.SafeText}) and nothing depends on when or where it was written, so that
 * publishing again from the same inputs gives byte-identical files.
 */
package ru.vpr.publish.files;
