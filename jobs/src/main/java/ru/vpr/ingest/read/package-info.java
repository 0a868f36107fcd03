/**
 * Turning landing files into text cells, and understanding their header. Readers know file formats
 * (xlsx, csv: encodings, delimiters, preambles) and nothing of VPR; {@link ru.vpr.ingest.read.HeaderMapper}
 * knows the form's column names. Validation lives in {@code ru.vpr.ingest.validate}.
 */
package ru.vpr.ingest.read;
