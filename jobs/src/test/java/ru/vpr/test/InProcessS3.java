package ru.vpr.test;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import ru.vpr.config.PipelineConfig;

/**
 * An S3-compatible server in the test JVM: s3proxy on a filesystem blob store in a temp folder,
 * loopback only, one bucket, fixed keys. It stands in for MinIO or Ceph in the tests that read and
 * write {@code s3a://}.
 */
public final class InProcessS3 {
  public static final String ACCESS_KEY = "vpr-test-access";
  public static final String SECRET_KEY = "vpr-test-secret";

  private final String bucket;
  private final BlobStoreContext blobs;
  private final S3Proxy server;

  private InProcessS3(String bucket, BlobStoreContext blobs, S3Proxy server) {
    this.bucket = bucket;
    this.blobs = blobs;
    this.server = server;
  }

  /** Starts a server with {@code bucket} stored under {@code dir}; waits until it answers. */
  public static InProcessS3 start(Path dir, String bucket) throws Exception {
    Properties props = new Properties();
    File store = dir.resolve("blobs").toFile();
    store.mkdirs();
    props.setProperty("jclouds.filesystem.basedir", store.getPath());
    BlobStoreContext blobs = ContextBuilder.newBuilder("filesystem").credentials(ACCESS_KEY, SECRET_KEY)
        .overrides(props).build(BlobStoreContext.class);
    blobs.getBlobStore().createContainerInLocation(null, bucket);
    S3Proxy server = S3Proxy.builder()
        .blobStore(blobs.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:" + freePort()))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    server.start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (!"STARTED".equals(server.getState())) {
      if (System.currentTimeMillis() > deadline) throw new IllegalStateException("s3proxy did not start: " + server.getState());
      Thread.sleep(10);
    }
    return new InProcessS3(bucket, blobs, server);
  }

  /** {@code s3a://<bucket>/<key>}. */
  public String uri(String key) {
    return "s3a://" + bucket + "/" + key;
  }

  /** conf/s3.conf's s3a settings pointed at this server, with its fixed keys. */
  public Map<String, String> hadoopSettings() {
    return s3aSettings("http://127.0.0.1:" + server.getPort(), ACCESS_KEY, SECRET_KEY);
  }

  /**
   * conf/s3.conf's {@code spark.hadoop.fs.s3a.*} settings as Hadoop keys, with the given endpoint and
   * keys in place of the environment's (a JVM cannot set its own environment).
   */
  public static Map<String, String> s3aSettings(String endpoint, String accessKey, String secretKey) {
    PipelineConfig s3conf = PipelineConfig.load(Optional.of(new File("../conf/s3.conf")));
    Map<String, String> settings = new LinkedHashMap<>(s3conf.hadoopSettings());
    settings.put("fs.s3a.endpoint", endpoint);
    settings.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("fs.s3a.access.key", accessKey);
    settings.put("fs.s3a.secret.key", secretKey);
    // Fail fast instead of retrying for minutes if the server is not there.
    settings.put("fs.s3a.attempts.maximum", "2");
    settings.put("fs.s3a.retry.limit", "2");
    return settings;
  }

  /** Closes the cached s3a file system of this bucket (it points at this server's port), then the server. */
  public void stop(Configuration conf) throws Exception {
    try {
      if (conf != null) FileSystem.get(URI.create(uri("")), conf).close();
    } finally {
      server.stop();
      blobs.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
