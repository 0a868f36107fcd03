package ru.vpr.publish.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import ru.vpr.fault.CrashPoint;
import ru.vpr.io.Storage;

/**
 * Publishes a year's files into {@code <publish-dir>/<year>/} all or nothing: files are written into a
 * staging folder inside it ({@code .staging-<runId>/}); only {@link #commit()} moves them into place,
 * replacing older versions, and writes {@code manifest.json} last. {@link #abort()}, or {@link #close()}
 * without a commit, deletes the staging folder, so a failed run never leaves a half-written list where
 * people look for it.
 *
 * <p>Each file is replaced atomically on local disks; on object stores a move is a copy and a delete.
 * A commit that fails between two moves leaves some files new and some old: the manifest, moved last,
 * still describes the previous publication, and a reader can tell by the checksums. Files the previous
 * publication listed in its manifest that this one does not write (a municipality's report that has
 * gone) are removed after the commit; other files in the folder are never touched. A staging folder
 * that a killed run left behind is removed when the next publication of that folder starts: one writer
 * at a time publishes into a folder.
 *
 * <p>No Hadoop {@code .crc} files are written ({@link Storage#createWithoutChecksum(String)}). The
 * manifest lists every file with its size and SHA-256, sorted by name, and no time or run id: the same
 * inputs publish byte-identical files, manifest included. Not thread-safe: one writer at a time.
 */
public final class PublishDir implements AutoCloseable {
  public static final String MANIFEST = "manifest.json";
  public static final String STAGING_PREFIX = ".staging-";

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern MANIFEST_NAME = Pattern.compile("\\{\"name\": \"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Storage storage;
  private final String dir;
  private final String staging;
  private final Map<String, StagedFile> staged = new TreeMap<>();
  private final Set<String> open = new HashSet<>();
  private State state = State.OPEN;

  private enum State { OPEN, COMMITTED, ABORTED }

  private PublishDir(Storage storage, String dir, String runId) {
    this.storage = storage;
    this.dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    this.staging = Storage.join(this.dir, STAGING_PREFIX + runId);
  }

  /**
   * Starts a publication into {@code dir} (the year's folder; created on commit if missing). A staging
   * folder of the same run id left by a crashed attempt is cleared first.
   *
   * @param runId names the staging folder: letters, digits, {@code .}, {@code _}, {@code -}
   */
  public static PublishDir open(Storage storage, String dir, String runId) {
    if (dir == null || dir.isBlank()) throw new IllegalArgumentException("no publish folder given");
    if (runId == null || !RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("run id " + runId + " must be letters, digits, '.', '_' or '-'");
    }
    PublishDir publish = new PublishDir(storage, dir, runId);
    for (String name : storage.listNames(publish.dir)) {
      // Ours from a crashed attempt, or another run's that was killed: staging folders only.
      if (name.startsWith(STAGING_PREFIX)) storage.deleteRecursively(Storage.join(publish.dir, name));
    }
    return publish;
  }

  /** The year's folder the files are published into. */
  public String dir() {
    return dir;
  }

  /** The staging folder inside it. */
  public String stagingDir() {
    return staging;
  }

  /**
   * A new staged file. It counts as staged when the stream is closed; closing records its size and
   * SHA-256.
   *
   * @param name path inside the year's folder, {@code /}-separated, e.g. {@code reports/region.html}
   */
  public OutputStream create(String name) {
    requireOpen();
    validate(name);
    if (MANIFEST.equals(name)) throw new IllegalArgumentException(MANIFEST + " is written by commit()");
    if (staged.containsKey(name) || open.contains(name)) {
      throw new IllegalStateException(name + " is already staged in " + staging);
    }
    OutputStream out = storage.createWithoutChecksum(Storage.join(staging, name));
    open.add(name);
    return new HashingStream(name, out);
  }

  /** Stages a file with the given content. */
  public StagedFile write(String name, byte[] content) {
    try (OutputStream out = create(name)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + " into " + staging + ": " + e.getMessage(), e);
    }
    return staged.get(name);
  }

  /** The files staged so far (closed streams only), sorted by name. */
  public List<StagedFile> staged() {
    return List.copyOf(staged.values());
  }

  /** SHA-256 of a staged file, lower-case hex. */
  public String sha256(String name) {
    StagedFile file = staged.get(name);
    if (file == null) throw new IllegalArgumentException(name + " is not staged (or its stream is still open)");
    return file.sha256();
  }

  /**
   * SHA-256 of the manifest as it stands: names, sizes and contents of every file staged so far. The
   * same files give the same id, so it can serve as a content-based publication id.
   */
  public String contentId() {
    return hex(digest().digest(manifest()));
  }

  /** The manifest for the files staged so far (what {@link #commit()} writes). */
  public byte[] manifest() {
    StringBuilder json = new StringBuilder("{\n  \"manifest_version\": 1,\n  \"files\": [");
    String separator = "\n";
    for (StagedFile f : staged.values()) {
      json.append(separator).append("    {\"name\": ").append(quote(f.name()))
          .append(", \"size\": ").append(f.size())
          .append(", \"sha256\": ").append(quote(f.sha256())).append('}');
      separator = ",\n";
    }
    json.append(staged.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes the manifest, moves every staged file into the year's folder (replacing older versions),
   * the manifest last, and removes the staging folder.
   *
   * @return the published files, manifest included, sorted by name
   */
  public List<StagedFile> commit() {
    requireOpen();
    if (!open.isEmpty()) {
      throw new IllegalStateException("files still being written (close their streams first): "
          + open.stream().sorted().toList());
    }
    List<StagedFile> files = new ArrayList<>(staged.values());
    Set<String> previous = previouslyPublished();
    byte[] manifest = manifest();
    StagedFile manifestFile = new StagedFile(MANIFEST, manifest.length, hex(digest().digest(manifest)));
    try (OutputStream out = storage.createWithoutChecksum(Storage.join(staging, MANIFEST))) {
      out.write(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + MANIFEST + " into " + staging + ": " + e.getMessage(), e);
    }
    for (StagedFile f : files) storage.rename(Storage.join(staging, f.name()), Storage.join(dir, f.name()));
    storage.rename(Storage.join(staging, MANIFEST), Storage.join(dir, MANIFEST));
    state = State.COMMITTED;
    storage.deleteRecursively(staging);
    for (String name : previous) {
      if (!staged.containsKey(name)) storage.deleteRecursively(Storage.join(dir, name));
    }
    CrashPoint.passed("publish " + dir.substring(dir.lastIndexOf('/') + 1));
    files.add(manifestFile);
    files.sort((a, b) -> a.name().compareTo(b.name()));
    return List.copyOf(files);
  }

  /** The names the folder's current manifest lists: what the previous publication wrote. */
  private Set<String> previouslyPublished() {
    String path = Storage.join(dir, MANIFEST);
    Set<String> names = new java.util.TreeSet<>();
    if (!storage.exists(path)) return names;
    String json;
    try (java.io.InputStream in = storage.open(path)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    java.util.regex.Matcher m = MANIFEST_NAME.matcher(json);
    while (m.find()) {
      String name = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
      try {
        validate(name);
        names.add(name);
      } catch (IllegalArgumentException e) {
        // A name this class would never have written (an edited manifest): leave that file alone.
      }
    }
    return names;
  }

  /** Deletes the staging folder; the year's folder keeps what it had. Does nothing after a commit. */
  public void abort() {
    if (state != State.OPEN) return;
    state = State.ABORTED;
    storage.deleteRecursively(staging);
  }

  /** Aborts unless committed. */
  @Override
  public void close() {
    abort();
  }

  private void requireOpen() {
    if (state != State.OPEN) throw new IllegalStateException("the publication in " + dir + " is " + state.name().toLowerCase());
  }

  private static void validate(String name) {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("a file needs a name");
    if (name.startsWith("/") || name.endsWith("/") || name.contains("\\") || name.contains(":")) {
      throw new IllegalArgumentException("file name " + name + " must be a relative path with '/' separators");
    }
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException("file name " + name + " has an empty, '.' or '..' part");
      }
    }
    if (name.startsWith(STAGING_PREFIX)) throw new IllegalArgumentException(name + " is reserved for staging");
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  /** Counts and hashes what passes through; records the staged file when closed. */
  private final class HashingStream extends FilterOutputStream {
    private final String name;
    private final MessageDigest sha = digest();
    private long size;
    private boolean closed;

    HashingStream(String name, OutputStream out) {
      super(out);
      this.name = name;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      sha.update((byte) b);
      size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      sha.update(b, off, len);
      size += len;
    }

    @Override
    public void close() throws IOException {
      if (closed) return;
      closed = true;
      try {
        out.close();
      } finally {
        open.remove(name);
      }
      if (state == State.OPEN) staged.put(name, new StagedFile(name, size, hex(sha.digest())));
    }
  }
}
