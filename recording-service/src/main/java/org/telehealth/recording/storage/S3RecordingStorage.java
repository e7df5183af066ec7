package org.telehealth.recording.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.telehealth.recording.encryption.SeekableSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Recordings as objects of an S3-compatible store, the production option: a finished file is
 * uploaded in parts (multipart upload, aborted if any part fails, so no half object is ever
 * visible), each part with its Content-MD5 for the store to check; reads are ranged GETs, so
 * serving a seek in the video fetches only the chunks it needs.
 */
public final class S3RecordingStorage implements RecordingStorage {

    private final S3Client client;
    private final String bucket;
    private final String keyPrefix;
    private final int partSize;

    public S3RecordingStorage(S3Client client, String bucket, String keyPrefix, int partSizeBytes) {
        if (partSizeBytes < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB, not " + partSizeBytes + " bytes");
        }
        this.client = client;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix;
        this.partSize = partSizeBytes;
    }

    @Override
    public void store(String key, Path file) throws IOException {
        long size = Files.size(file);
        try {
            if (size <= partSize) {
                byte[] bytes = Files.readAllBytes(file);
                client.putObject(b -> b.bucket(bucket).key(objectKey(key)).contentMD5(md5(bytes, bytes.length)),
                        RequestBody.fromBytes(bytes));
            } else {
                uploadInParts(objectKey(key), file);
            }
            long stored = client.headObject(b -> b.bucket(bucket).key(objectKey(key))).contentLength();
            if (stored != size) {
                throw new IOException("the object store holds " + stored + " bytes of recording " + key + ", not " + size);
            }
        } catch (SdkException e) {
            throw new IOException("the object store refused recording " + key + ": " + describe(e), e);
        }
    }

    private void uploadInParts(String objectKey, Path file) throws IOException {
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)).uploadId();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.allocate(partSize);
            for (int number = 1; ; number++) {
                buffer.clear();
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // fill the part
                }
                if (buffer.position() == 0) {
                    break;
                }
                byte[] part = buffer.array();
                int length = buffer.position();
                int partNumber = number;
                String eTag = client.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId).partNumber(partNumber)
                                .contentLength((long) length).contentMD5(md5(part, length)),
                        RequestBody.fromByteBuffer(ByteBuffer.wrap(part, 0, length))).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
            client.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | SdkException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    @Override
    public SeekableSource open(String key) throws IOException {
        String objectKey = objectKey(key);
        long size;
        try {
            size = client.headObject(b -> b.bucket(bucket).key(objectKey)).contentLength();
        } catch (SdkException e) {
            if (isNotFound(e)) {
                throw new NoSuchFileException(key);
            }
            throw new IOException("the object store did not answer for recording " + key + ": " + describe(e), e);
        }
        return new SeekableSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open(long offset, long length) throws IOException {
                if (length <= 0) {
                    return InputStream.nullInputStream();
                }
                try {
                    return client.getObject(b -> b.bucket(bucket).key(objectKey)
                            .range("bytes=" + offset + "-" + (offset + length - 1)));
                } catch (SdkException e) {
                    throw new IOException("the object store did not return recording " + key + ": " + describe(e), e);
                }
            }
        };
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            if (!isNotFound(e)) {
                throw new IOException("the object store did not delete recording " + key + ": " + describe(e), e);
            }
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            client.headObject(b -> b.bucket(bucket).key(objectKey(key)));
            return true;
        } catch (SdkException e) {
            if (isNotFound(e)) {
                return false;
            }
            throw new IOException("the object store did not answer for recording " + key + ": " + describe(e), e);
        }
    }

    private String objectKey(String key) {
        if (!key.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("not a recording key: " + key);
        }
        return keyPrefix + key;
    }

    private static boolean isNotFound(SdkException e) {
        return e instanceof NoSuchKeyException || (e instanceof AwsServiceException service && service.statusCode() == 404);
    }

    /** The store's status and error code, without the request details the SDK's message carries. */
    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return "HTTP " + service.statusCode() + (service.awsErrorDetails() != null
                    ? " " + service.awsErrorDetails().errorCode() : "");
        }
        return e.getClass().getSimpleName();
    }

    private static String md5(byte[] bytes, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(bytes, 0, length);
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
