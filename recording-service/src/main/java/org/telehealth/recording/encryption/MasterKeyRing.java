package org.telehealth.recording.encryption;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master keys this service knows: the current one wraps the data keys of new recordings;
 * retired ones still unwrap the recordings they wrapped, so that keys can rotate without rewriting
 * files (a file's header is authenticated by each of its chunks and is never rewritten). A retired
 * key can go once retention has deleted the last recording that names it (column
 * {@code recording.master_key_id}).
 */
public final class MasterKeyRing {

    private final MasterKey current;
    private final Map<String, MasterKey> byId = new LinkedHashMap<>();

    public MasterKeyRing(MasterKey current, List<MasterKey> retired) {
        this.current = current;
        byId.put(current.id(), current);
        retired.forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    public MasterKey current() {
        return current;
    }

    public Optional<MasterKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
