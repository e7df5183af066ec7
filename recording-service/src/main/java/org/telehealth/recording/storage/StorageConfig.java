package org.telehealth.recording.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Where recordings are written while captured and kept once finished. */
@ConfigMapping(prefix = "recording.storage")
public interface StorageConfig {

    /** {@code local} (a directory, the default) or {@code s3} (an S3-compatible object store). */
    @WithDefault("local")
    Type type();

    /**
     * Local directory where recordings are written while they are captured; a finished one moves to
     * the storage. Must survive a restart of the service (a persistent volume), or crash recovery
     * has nothing to recover.
     */
    @WithDefault("recordings/spool")
    Path spoolDirectory();

    Local local();

    S3 s3();

    enum Type {
        LOCAL, S3
    }

    /** The local filesystem storage. */
    interface Local {

        /** Directory of the finished recordings. */
        @WithDefault("recordings/files")
        Path root();
    }

    /** An S3-compatible object store (AWS S3, MinIO, Ceph RGW...). */
    interface S3 {

        /** Bucket of the recordings; required when the type is s3. */
        Optional<String> bucket();

        /** Prefix of the object keys, e.g. {@code recordings/}; unset: none. */
        Optional<String> keyPrefix();

        /** Endpoint of an S3-compatible store; unset: AWS S3 of {@link #region()}. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Path-style URLs ({@code endpoint/bucket/key}), which most S3-compatible stores need. */
        @WithDefault("false")
        boolean pathStyleAccess();

        /** Static credentials; unset: the AWS default chain (environment, web identity, instance profile). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Size of the parts of a multipart upload (S3's minimum is 5 MiB); smaller files go in one request. */
        @WithDefault("8388608")
        int partSizeBytes();
    }
}
