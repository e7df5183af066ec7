package org.telehealth.media.sdp;

import org.telehealth.media.stun.IceCredentials;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.telehealth.media.dtls.CertificateFingerprint;

/**
 * Feeds the parser, the offer reader and the answer builder with damaged Chrome offers, as a
 * broken client or an attacker would send them: every one must end in an answer, a
 * {@link MalformedSdpException} or an {@link UnacceptableOfferException}, never in another
 * exception. The mutations are seeded, so a failure replays.
 */
class MutatedOfferTest {

    private static final long SEED = 20_250_611L;
    private static final int MUTATED_OFFERS = 50_000;

    private final AnswerBuilder builder;

    MutatedOfferTest() throws UnknownHostException {
        builder = new AnswerBuilder(new LocalEndpoint(1, new IceCredentials("SfUl", "SfuPassword0123456789abcd"),
                CertificateFingerprint.parse("sha-256 " + "AB:".repeat(31) + "AB"),
                List.of(new HostCandidate(InetAddress.getByName("192.0.2.1"), 40000))));
    }

    @Test
    void shouldAnswerOrRefuseEveryMutatedChromeOfferAndNeverThrowAnythingElse() {
        byte[] chrome = BrowserOffers.chrome().getBytes(StandardCharsets.UTF_8);
        SplittableRandom random = new SplittableRandom(SEED);
        int answered = 0;
        int malformed = 0;
        int refused = 0;

        for (int i = 0; i < MUTATED_OFFERS; i++) {
            String mutated = mutate(chrome, random);
            try {
                answerAndCheck(mutated);
                answered++;
            } catch (MalformedSdpException e) {
                malformed++;
            } catch (UnacceptableOfferException e) {
                refused++;
            } catch (RuntimeException | AssertionError | StackOverflowError e) {
                throw new AssertionError("mutated offer " + i + " (seed " + SEED + ") threw " + e + ":\n" + mutated, e);
            }
        }

        assertThat(answered + malformed + refused).isEqualTo(MUTATED_OFFERS);
        assertThat(answered).as("answered").isGreaterThan(MUTATED_OFFERS / 20);
        assertThat(malformed).as("malformed").isGreaterThan(MUTATED_OFFERS / 20);
        assertThat(refused).as("refused").isGreaterThan(MUTATED_OFFERS / 20);
    }

    @Test
    void shouldRefuseRandomBytesAsMalformed() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 5_000; i++) {
            byte[] noise = new byte[random.nextInt(1, 2_000)];
            random.nextBytes(noise);
            String text = new String(noise, StandardCharsets.ISO_8859_1);
            try {
                answerAndCheck(text);
            } catch (MalformedSdpException | UnacceptableOfferException expected) {
                continue;
            }
            throw new AssertionError("random bytes parsed as an offer: " + text);
        }
    }

    /** Parses, reads and answers, and checks what it wrote reads back the same. */
    private void answerAndCheck(String text) throws MalformedSdpException, UnacceptableOfferException {
        SessionDescription parsed = SdpParser.parse(text);
        assertThat(SdpParser.parse(SdpWriter.write(parsed))).isEqualTo(parsed);
        Offer offer = OfferReader.read(parsed);
        Answer answer = builder.answer(offer, 1, Map.of("2", OutgoingTrack.withRtx(1, 2, "cname", "stream", "track")));
        assertThat(SdpParser.parse(answer.sdp())).isEqualTo(answer.description());
    }

    private static String mutate(byte[] offer, SplittableRandom random) {
        byte[] bytes = offer;
        int mutations = random.nextInt(1, 4);
        for (int m = 0; m < mutations; m++) {
            bytes = switch (random.nextInt(4)) {
                case 0 -> flipBytes(bytes, random);
                case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 2 -> duplicateLine(bytes, random);
                default -> deleteLine(bytes, random);
            };
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] flipBytes(byte[] bytes, SplittableRandom random) {
        byte[] flipped = bytes.clone();
        int flips = random.nextInt(1, 5);
        for (int f = 0; f < flips && flipped.length > 0; f++) {
            int at = random.nextInt(flipped.length);
            int bit = 1 << random.nextInt(8);
            flipped[at] = random.nextBoolean() ? (byte) (flipped[at] ^ bit) : (byte) random.nextInt(256);
        }
        return flipped;
    }

    private static byte[] duplicateLine(byte[] bytes, SplittableRandom random) {
        List<String> lines = lines(bytes);
        if (!lines.isEmpty()) {
            int at = random.nextInt(lines.size());
            lines.add(random.nextInt(lines.size() + 1), lines.get(at));
        }
        return joined(lines);
    }

    private static byte[] deleteLine(byte[] bytes, SplittableRandom random) {
        List<String> lines = lines(bytes);
        if (!lines.isEmpty()) {
            lines.remove(random.nextInt(lines.size()));
        }
        return joined(lines);
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return new ArrayList<>(Arrays.asList(text.split("\r\n", -1)));
    }

    private static byte[] joined(List<String> lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
