package org.telehealth.recording.library.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.recording.library.service.RangeRequest.Kind.PARTIAL;
import static org.telehealth.recording.library.service.RangeRequest.Kind.UNSATISFIABLE;
import static org.telehealth.recording.library.service.RangeRequest.Kind.WHOLE;

import org.junit.jupiter.api.Test;

class RangeRequestTest {

    private static final long LENGTH = 1000;

    @Test
    void shouldServeTheThreeFormsOfOneByteRange() {
        assertThat(RangeRequest.parse("bytes=0-99", LENGTH)).isEqualTo(new RangeRequest(PARTIAL, 0, 99, LENGTH));
        assertThat(RangeRequest.parse("bytes=900-", LENGTH)).isEqualTo(new RangeRequest(PARTIAL, 900, 999, LENGTH));
        assertThat(RangeRequest.parse("bytes=-100", LENGTH)).isEqualTo(new RangeRequest(PARTIAL, 900, 999, LENGTH));
        assertThat(RangeRequest.parse("bytes=5-5", LENGTH)).isEqualTo(new RangeRequest(PARTIAL, 5, 5, LENGTH));
    }

    @Test
    void shouldClampARangeThatRunsPastTheEnd() {
        assertThat(RangeRequest.parse("bytes=990-5000", LENGTH)).isEqualTo(new RangeRequest(PARTIAL, 990, 999, LENGTH));
        assertThat(RangeRequest.parse("bytes=-5000", LENGTH)).isEqualTo(new RangeRequest(PARTIAL, 0, 999, LENGTH));
        assertThat(RangeRequest.parse("bytes=0-99999999999999999999999", LENGTH).last()).isEqualTo(999);
    }

    @Test
    void shouldFindRangesOutsideTheVideoUnsatisfiable() {
        assertThat(RangeRequest.parse("bytes=1000-", LENGTH).kind()).isEqualTo(UNSATISFIABLE);
        assertThat(RangeRequest.parse("bytes=1000-2000", LENGTH).kind()).isEqualTo(UNSATISFIABLE);
        assertThat(RangeRequest.parse("bytes=99999999999999999999999-", LENGTH).kind()).isEqualTo(UNSATISFIABLE);
        assertThat(RangeRequest.parse("bytes=-0", LENGTH).kind()).isEqualTo(UNSATISFIABLE);
        assertThat(RangeRequest.parse("bytes=0-0", 0).kind()).isEqualTo(UNSATISFIABLE);
        assertThat(RangeRequest.parse("bytes=1000-", LENGTH).contentRange()).isEqualTo("bytes */1000");
    }

    @Test
    void shouldIgnoreWhatItDoesNotServeAndSendTheWholeVideo() {
        for (String header : new String[] {null, "", "items=0-5", "bytes=0-1,5-6", "bytes=9-3", "bytes=abc", "bytes=-", "bytes=1-x",
            "bytes=--5"}) {
            assertThat(RangeRequest.parse(header, LENGTH).kind()).as(String.valueOf(header)).isEqualTo(WHOLE);
        }
        assertThat(RangeRequest.parse(null, LENGTH).servedLength()).isEqualTo(LENGTH);
        assertThat(RangeRequest.parse(null, 0).servedLength()).isZero();
    }

    @Test
    void shouldDescribeTheServedRange() {
        RangeRequest range = RangeRequest.parse("bytes=10-19", LENGTH);

        assertThat(range.contentRange()).isEqualTo("bytes 10-19/1000");
        assertThat(range.servedLength()).isEqualTo(10);
    }
}
