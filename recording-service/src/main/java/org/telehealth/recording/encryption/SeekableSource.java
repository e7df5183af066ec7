package org.telehealth.recording.encryption;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes of a stored file that can be read from any offset: a local file, or an object in a store
 * read with ranged requests. The reader asks for one range per HTTP range served.
 */
public interface SeekableSource {

    long size() throws IOException;

    /** A stream of the {@code length} bytes from {@code offset}; the caller closes it. */
    InputStream open(long offset, long length) throws IOException;
}
