package org.telehealth.recording.masterkey;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.telehealth.recording.encryption.MasterKey;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.storage.StorageConfig;

/**
 * Loads the master keys at start-up ({@code recording.master-key-location}, and
 * {@code recording.retired-master-key-locations} for keys rotated out), refusing to start with a
 * key that is missing, unreadable, malformed or kept beside the recordings. Only in dev and test
 * mode may the key be left unset: a random one is made for this run, and recordings made with it
 * cannot be read after a restart.
 */
@ApplicationScoped
public class MasterKeys {

    private static final Logger LOG = Logger.getLogger(MasterKeys.class);

    @Produces
    @Singleton
    MasterKeyRing ring(@ConfigProperty(name = "recording.master-key-location") Optional<Path> location,
            @ConfigProperty(name = "recording.retired-master-key-locations") Optional<List<Path>> retiredLocations,
            StorageConfig storage) {
        List<Path> forbidden = new ArrayList<>(List.of(storage.spoolDirectory()));
        if (storage.type() == StorageConfig.Type.LOCAL) {
            forbidden.add(storage.local().root());
        }
        MasterKey current = location.map(file -> read(file, forbidden)).orElseGet(MasterKeys::ephemeral);
        List<MasterKey> retired = retiredLocations.orElse(List.of()).stream().map(file -> read(file, forbidden)).toList();
        LOG.infof("master key %s wraps the data keys of new recordings; %d retired key(s) still unwrap older ones", current.id(),
                retired.size());
        return new MasterKeyRing(current, retired);
    }

    /** Loads the keys at start-up, so that a bad key stops the service before it takes any request. */
    void loadAtStartup(@Observes StartupEvent event, MasterKeyRing ring) {
        ring.current();
    }

    private static MasterKey read(Path file, List<Path> forbidden) {
        MasterKey key = MasterKeyFile.read(file, forbidden);
        if (MasterKeyFile.readableByOthers(file)) {
            LOG.warnf("the master key file %s can be read by users other than its owner; make it owner-only (chmod 600, "
                    + "or defaultMode 0400 on the mounted secret)", file);
        }
        return key;
    }

    private static MasterKey ephemeral() {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT && LaunchMode.current() != LaunchMode.TEST) {
            throw new MasterKeyFile.InvalidMasterKeyException("recording.master-key-location is not set: recordings cannot be "
                    + "encrypted. Mount a file of 32 random bytes, base64 (head -c 32 /dev/urandom | base64), outside the "
                    + "recordings' directories, and point RECORDING_MASTER_KEY_LOCATION at it");
        }
        LOG.warn("recording.master-key-location is not set: using a random master key for this run only (dev/test mode); "
                + "recordings made now cannot be read after a restart");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return MasterKey.of(key);
    }
}
