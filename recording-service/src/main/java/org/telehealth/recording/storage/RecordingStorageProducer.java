package org.telehealth.recording.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Makes the configured {@link RecordingStorage} ({@code recording.storage.type}). */
@ApplicationScoped
public class RecordingStorageProducer {

    private static final Logger LOG = Logger.getLogger(RecordingStorageProducer.class);

    @Produces
    @ApplicationScoped
    RecordingStorage storage(StorageConfig config) {
        try {
            return switch (config.type()) {
                case LOCAL -> {
                    LOG.infof("recordings are stored in %s", config.local().root().toAbsolutePath());
                    yield new LocalRecordingStorage(config.local().root());
                }
                case S3 -> {
                    String bucket = config.s3().bucket().orElseThrow(() -> new IllegalStateException(
                            "recording.storage.s3.bucket is required when recording.storage.type is s3"));
                    LOG.infof("recordings are stored in bucket %s of %s", bucket,
                            config.s3().endpoint().map(Object::toString).orElse("AWS S3"));
                    yield new S3RecordingStorage(s3Client(config.s3()), bucket, config.s3().keyPrefix().orElse(""),
                            config.s3().partSizeBytes());
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the recording storage: " + e.getMessage(), e);
        }
    }

    /** An S3 client for {@code config}: checksums only where S3 requires them, which every S3-compatible store accepts. */
    public static S3Client s3Client(StorageConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyleAccess())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().ifPresent(builder::endpointOverride);
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
