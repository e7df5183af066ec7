package org.telehealth.signaling.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsentWordingTest {

    @Test
    void shouldRecordTheVersionOfTheWordsThePagesShow() throws IOException {
        String page;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("pages/visit.html")) {
            assertThat(in).as("the visit page").isNotNull();
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher dialog = Pattern.compile("<dialog[^>]*id=\"consent-dialog\"[^>]*data-consent-version=\"([^\"]+)\"").matcher(page);

        assertThat(dialog.find()).as("the consent dialog names its version").isTrue();
        assertThat(dialog.group(1)).isEqualTo(ConsentWording.VERSION);
    }
}
